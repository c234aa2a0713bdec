package reward

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// roundsCapped is the textbook form of capping: clamp every share over the
// limit, divide the rest again, repeat. apportionCapped must agree with it.
func roundsCapped(total *big.Int, weights []*big.Int, limit *big.Int) ([]*big.Int, *big.Int) {
	out := make([]*big.Int, len(weights))
	active := activeAll(len(weights))
	rest := new(big.Int).Set(total)
	for len(active) > 0 {
		w := pick(weights, active)
		sum := sumOf(w)
		if sum.Sign() == 0 {
			w, sum = ones(len(w)), big.NewInt(int64(len(w)))
		}
		var kept []int
		for k, i := range active {
			if new(big.Int).Mul(rest, w[k]).Cmp(new(big.Int).Mul(limit, sum)) > 0 {
				out[i] = new(big.Int).Set(limit)
				continue
			}
			kept = append(kept, i)
		}
		if len(kept) == len(active) {
			for k, a := range apportion(rest, pick(weights, active)) {
				out[active[k]] = a
			}
			return out, new(big.Int)
		}
		rest.Sub(rest, new(big.Int).Mul(limit, big.NewInt(int64(len(active)-len(kept)))))
		active = kept
	}
	return out, rest
}

func TestApportionCappedMatchesRounds(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for i := range 5000 {
		n := 1 + r.IntN(12)
		w := make([]*big.Int, n)
		for j := range w {
			w[j] = big.NewInt(int64(r.IntN(4) * r.IntN(50)))
		}
		total := big.NewInt(int64(r.IntN(1000)))
		limit := big.NewInt(int64(1 + r.IntN(200)))
		got, gotLeft := apportionCapped(total, w, limit)
		want, wantLeft := roundsCapped(total, w, limit)
		if gotLeft.Cmp(wantLeft) != 0 {
			t.Fatalf("case %d: leftover %v, want %v", i, gotLeft, wantLeft)
		}
		for j := range got {
			if got[j].Cmp(want[j]) != 0 {
				t.Fatalf("case %d: weights %v total %v limit %v: got %v, want %v", i, w, total, limit, got, want)
			}
		}
	}
}

func TestApportion(t *testing.T) {
	cases := []struct {
		name    string
		total   int64
		weights []int64
		want    []int64
	}{
		{"equal remainder to the better rank", 10, []int64{1, 1, 1}, []int64{4, 3, 3}},
		{"largest remainder wins over rank", 10, []int64{1, 2}, []int64{3, 7}},
		{"all zero is equal", 5, []int64{0, 0}, []int64{3, 2}},
		{"zero weight gets nothing", 5, []int64{3, 0}, []int64{5, 0}},
		{"nothing to give", 0, []int64{1, 1}, []int64{0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := make([]*big.Int, len(c.weights))
			for i, x := range c.weights {
				w[i] = big.NewInt(x)
			}
			got := apportion(big.NewInt(c.total), w)
			for i := range got {
				if got[i].Int64() != c.want[i] {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
		})
	}
}
