package reward

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// randomPlan draws a plan for equal or proportional mode; the pool has at
// most Decimals places and up to 30 integer digits.
func randomPlan(r *rand.Rand) Plan {
	d := int32(r.IntN(19))
	digits := 1 + r.IntN(30+int(d))
	units := randomDigits(r, digits)
	if units.Sign() == 0 {
		units.SetInt64(1)
	}
	modes := []Mode{Equal, Proportional}
	ties := []Ties{Share, Earliest}
	return Plan{
		Pool:     decimal.NewFromBigInt(units, -d),
		Decimals: d,
		Winners:  1 + r.IntN(40),
		Mode:     modes[r.IntN(2)],
		Ties:     ties[r.IntN(2)],
	}
}

func randomDigits(r *rand.Rand, n int) *big.Int {
	x := new(big.Int)
	for range n {
		x.Mul(x, big.NewInt(10))
		x.Add(x, big.NewInt(int64(r.IntN(10))))
	}
	return x
}

// randomScores draws best-first scores from a small set so ties are common.
func randomScores(r *rand.Rand, n int) []decimal.Decimal {
	s := make([]decimal.Decimal, n)
	for i := range s {
		s[i] = decimal.New(int64(r.IntN(8)), -int32(r.IntN(3)))
	}
	slices.SortFunc(s, func(a, b decimal.Decimal) int { return b.Cmp(a) })
	return s
}

func TestSplitProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	for i := range 3000 {
		p := randomPlan(r)
		scores := randomScores(r, 1+r.IntN(p.Winners+5))
		res, err := Split(p, scores)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		checkInvariants(t, p, scores, res)
		if !res.Paid.Equal(p.Pool) {
			t.Fatalf("case %d: paid %s of pool %s", i, res.Paid, p.Pool)
		}
	}
}

func TestSplitPropertiesWithLimits(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	for i := range 3000 {
		p := randomPlan(r)
		scores := randomScores(r, 1+r.IntN(p.Winners+5))
		share := new(big.Int).Quo(p.units(p.Pool), big.NewInt(int64(p.Winners)))
		p.MinPayout = fromUnits(new(big.Int).Quo(share, big.NewInt(2)), p.Decimals)
		p.MaxPerWinner = fromUnits(share.Add(share, big.NewInt(int64(r.IntN(1000)))), p.Decimals)
		if p.MaxPerWinner.IsZero() {
			continue
		}
		res, err := Split(p, scores)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		checkInvariants(t, p, scores, res)
		for _, x := range res.Payouts {
			if p.Ties == Earliest && x.Amount.LessThan(p.MinPayout) {
				t.Fatalf("case %d: payout %s below min_payout %s", i, x.Amount, p.MinPayout)
			}
		}
	}
}
