package reward

import (
	"cmp"
	"math/big"
	"slices"
)

// apportion divides total smallest units over the weights: each gets the
// floor of its exact share, then the units left over go one each by
// largest remainder, ties to the lower index (the better rank). All-zero
// weights divide equally. Shares are compared as exact fractions with one
// denominator, so no rounding ever decides who gets a unit.
func apportion(total *big.Int, weights []*big.Int) []*big.Int {
	out := make([]*big.Int, len(weights))
	if len(weights) == 0 {
		return out
	}
	w := weights
	sum := sumOf(w)
	if sum.Sign() == 0 {
		w = ones(len(weights))
		sum = big.NewInt(int64(len(weights)))
	}
	rems := make([]*big.Int, len(w))
	given := new(big.Int)
	for i := range w {
		num := new(big.Int).Mul(total, w[i])
		out[i], rems[i] = new(big.Int).QuoRem(num, sum, new(big.Int))
		given.Add(given, out[i])
	}
	left := new(big.Int).Sub(total, given).Int64() // fewer units than weights
	for _, i := range byRemainder(rems)[:left] {
		out[i].Add(out[i], big.NewInt(1))
	}
	return out
}

// byRemainder orders indices by remainder, largest first, then by index.
func byRemainder(rems []*big.Int) []int {
	idx := make([]int, len(rems))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := rems[b].Cmp(rems[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return idx
}

// apportionCapped is apportion with a ceiling per share (nil: none).
// Shares whose exact value exceeds the cap are clamped and the rest is
// divided again among the others, until no share exceeds it; when everyone
// is clamped the remainder is returned as leftover. Clamping can only raise
// the other shares, so clamping the largest weights one at a time reaches
// the same end as repeated rounds, in one pass.
func apportionCapped(total *big.Int, weights []*big.Int, limit *big.Int) (out []*big.Int, leftover *big.Int) {
	if limit == nil {
		return apportion(total, weights), new(big.Int)
	}
	order := heaviestFirst(weights)
	rest, remaining := new(big.Int).Set(total), sumOf(weights)
	k := 0
	for ; k < len(order); k++ {
		w := weights[order[k]]
		if remaining.Sign() == 0 {
			k = equalCapped(rest, limit, order, k)
			break
		}
		if new(big.Int).Mul(rest, w).Cmp(new(big.Int).Mul(limit, remaining)) <= 0 {
			break
		}
		rest.Sub(rest, limit)
		remaining.Sub(remaining, w)
	}
	return fill(weights, order, k, rest, limit)
}

// equalCapped handles the zero weights left after clamping: they divide
// rest equally, so either all of them are over the limit or none is. It
// returns how many of order are clamped and takes their limits from rest.
func equalCapped(rest, limit *big.Int, order []int, k int) int {
	need := new(big.Int).Mul(limit, big.NewInt(int64(len(order)-k)))
	if rest.Cmp(need) <= 0 {
		return k
	}
	rest.Sub(rest, need)
	return len(order)
}

// fill gives the first k of order the limit and apportions rest among the
// others in index order, so remainder ties still favour the better rank.
func fill(weights []*big.Int, order []int, k int, rest, limit *big.Int) (out []*big.Int, leftover *big.Int) {
	out = make([]*big.Int, len(weights))
	for _, i := range order[:k] {
		out[i] = new(big.Int).Set(limit)
	}
	others := slices.Sorted(slices.Values(order[k:]))
	if len(others) == 0 {
		return out, rest
	}
	for j, a := range apportion(rest, pick(weights, others)) {
		out[others[j]] = a
	}
	return out, new(big.Int)
}

// heaviestFirst orders indices by weight, largest first, then by index.
func heaviestFirst(w []*big.Int) []int {
	idx := activeAll(len(w))
	slices.SortFunc(idx, func(a, b int) int {
		if c := w[b].Cmp(w[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return idx
}

func sumOf(xs []*big.Int) *big.Int {
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}

func ones(n int) []*big.Int {
	w := make([]*big.Int, n)
	for i := range w {
		w[i] = big.NewInt(1)
	}
	return w
}

func activeAll(n int) []int {
	a := make([]int, n)
	for i := range a {
		a[i] = i
	}
	return a
}

func pick(w []*big.Int, idx []int) []*big.Int {
	out := make([]*big.Int, len(idx))
	for k, i := range idx {
		out[k] = w[i]
	}
	return out
}

// apportionLimits is apportion with a ceiling per share (limits nil: none):
// a share over its limit is clamped and the rest divided again among the
// others, until none is over; when all are clamped the rest is not given.
func apportionLimits(total *big.Int, weights, limits []*big.Int) []*big.Int {
	out := make([]*big.Int, len(weights))
	for i := range out {
		out[i] = new(big.Int)
	}
	active := activeAll(len(weights))
	rest := new(big.Int).Set(total)
	for len(active) > 0 && rest.Sign() > 0 {
		shares := apportion(rest, pick(weights, active))
		var next []int
		clamped := false
		for k, i := range active {
			if limits != nil && shares[k].Cmp(limits[i]) > 0 {
				out[i].Set(limits[i])
				rest.Sub(rest, limits[i])
				clamped = true
				continue
			}
			next = append(next, i)
		}
		if !clamped {
			for k, i := range active {
				out[i].Set(shares[k])
			}
			return out
		}
		active = next
	}
	return out
}
