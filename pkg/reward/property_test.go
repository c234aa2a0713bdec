package reward

import (
	"math/big"
	mathrand "math/rand"
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

// TestUnfilledProperties: with fewer entries than winners, redistribute
// pays exactly the pool (equal, proportional) or exactly the tiers of all
// the places (tiered), and leave pays each filled place what it would get
// with every place filled (equal, tiered), never more than the pool.
func TestUnfilledProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 11))
	for i := range 3000 {
		p := randomPlan(r)
		p.Winners++ // at least two places, so one can be empty
		if tiers := randomTiers(r, p); tiers != nil && r.IntN(3) == 0 {
			p.Mode, p.Tiers = Tiered, tiers
		}
		p.Unfilled = []Unfilled{Leave, Redistribute}[r.IntN(2)]
		scores := randomScores(r, 1+r.IntN(p.Winners-1))
		res, err := Split(p, scores)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		checkInvariants(t, p, scores, res)
		full := p
		full.Ties = Earliest
		all, err := SplitPlaces(full)
		if p.Mode == Proportional {
			all, err = Result{}, nil
		}
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		checkUnfilled(t, i, p, scores, res, all)
	}
}

func checkUnfilled(t *testing.T, i int, p Plan, scores []decimal.Decimal, res, all Result) {
	t.Helper()
	switch {
	case p.Unfilled == Redistribute && p.Mode != Tiered:
		if !res.Paid.Equal(p.Pool) {
			t.Fatalf("case %d: redistribute paid %s of %s", i, res.Paid, p.Pool)
		}
	case p.Unfilled == Redistribute:
		if !res.Paid.Equal(all.Paid) {
			t.Fatalf("case %d: redistribute paid %s, the tiers %s", i, res.Paid, all.Paid)
		}
	case p.Ties == Earliest && p.Mode != Proportional:
		for k, x := range res.Payouts {
			if !x.Amount.Equal(all.Payouts[k].Amount) {
				t.Fatalf("case %d: leave paid place %d %s, a full field %s", i, k+1, x.Amount, all.Payouts[k].Amount)
			}
		}
	}
	if res.Paid.GreaterThan(p.Pool) {
		t.Fatalf("case %d: paid %s over the pool %s", i, res.Paid, p.Pool)
	}
}

// randomTiers gives each place between 1 and pool/winners units, so the
// table is valid for the plan; nil when the pool is too small for that.
func randomTiers(r *rand.Rand, p Plan) []Tier {
	most := new(big.Int).Quo(p.units(p.Pool), big.NewInt(int64(p.Winners)))
	if most.Sign() == 0 {
		return nil
	}
	tiers := make([]Tier, p.Winners)
	for k := range tiers {
		u := new(big.Int).Rand(r2(r), most)
		tiers[k] = Tier{From: k + 1, To: k + 1, Amount: fromUnits(u.Add(u, big.NewInt(1)), p.Decimals)}
	}
	return tiers
}

// r2 is a math/rand source for big.Int.Rand, seeded from r.
func r2(r *rand.Rand) *mathrand.Rand { return mathrand.New(mathrand.NewSource(int64(r.Uint64() >> 1))) }
