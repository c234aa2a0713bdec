package reward

import (
	"testing"

	"github.com/shopspring/decimal"
)

func FuzzParseTiers(f *testing.F) {
	for _, s := range []string{"1:300,2-3:150,4-10:92.85", "1-3:1.005", " 2 - 3 : 0 ", "1:1,000", "3-2:1", "1:-5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tiers, err := ParseTiers(s)
		if err != nil {
			return
		}
		last, places := 0, int32(0)
		for _, x := range tiers {
			last = max(last, x.To)
			places = max(places, x.Amount.Exponent()*-1)
		}
		total := tiersTotal(tiers)
		if ValidateTiers(tiers, last, total) != nil {
			return
		}
		p := Plan{Pool: total, Decimals: min(places, MaxDecimals), Winners: last, Mode: Tiered, Tiers: tiers, Ties: Earliest}
		r, err := SplitPlaces(p)
		if err != nil {
			return // amounts finer than MaxDecimals
		}
		if !r.Paid.Equal(total) || !r.Leftover.IsZero() {
			t.Fatalf("tiers %q paid %s of %s", s, r.Paid, total)
		}
	})
}

// FuzzSplit builds a plan from text fields; whatever it is given, Split
// either refuses it or returns a split that keeps every invariant.
func FuzzSplit(f *testing.F) {
	f.Add("100", uint8(2), uint16(3), uint8(0), false, "90,80,70,70", "", "", "")
	f.Add("1250", uint8(2), uint16(10), uint8(1), true, "95,90,88,88,77,70,66,60,55,50", "1:300,2-3:150,4-10:92.85", "", "")
	f.Add("100", uint8(0), uint16(3), uint8(2), true, "10,1,0", "", "45", "10")
	f.Add("1000000000000000000000000000000", uint8(18), uint16(7), uint8(2), false, "7,6,5,4,3,2,1", "", "", "")
	f.Add("1250", uint8(2), uint16(10), uint8(1), true, "95,90", "1:300,2-3:150,4-10:92.85", "", "")
	f.Add("100", uint8(2), uint16(7), uint8(2), false, "9,1", "", "", "")
	f.Fuzz(func(t *testing.T, pool string, decimals uint8, winners uint16, mode uint8, share bool, scores, tiers, maxPer, minPay string) {
		p, ok := fuzzPlan(pool, decimals, winners, mode, share, tiers, maxPer, minPay)
		if !ok {
			return
		}
		// the rule for empty places from the same byte as the mode
		p.Unfilled = []Unfilled{"", Leave, Redistribute}[int(mode/3)%3]
		s, err := ParseScores(scores)
		if err != nil {
			return
		}
		r, err := Split(p, s)
		if err != nil {
			return
		}
		checkInvariants(t, p, s, r)
	})
}

func fuzzPlan(pool string, decimals uint8, winners uint16, mode uint8, share bool, tiers, maxPer, minPay string) (Plan, bool) {
	p := Plan{Decimals: int32(decimals % 40), Winners: int(winners % 200), Mode: []Mode{Equal, Tiered, Proportional}[mode%3], Ties: Earliest}
	if share {
		p.Ties = Share
	}
	var err error
	if p.Pool, err = ParseAmount(pool); err != nil {
		return p, false
	}
	if p.Mode == Tiered {
		if p.Tiers, err = ParseTiers(tiers); err != nil {
			return p, false
		}
	}
	if p.MaxPerWinner, err = optional(maxPer); err != nil {
		return p, false
	}
	if p.MinPayout, err = optional(minPay); err != nil {
		return p, false
	}
	return p, true
}

func optional(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, nil
	}
	return ParseAmount(s)
}
