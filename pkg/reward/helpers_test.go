package reward

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decs(s string) []decimal.Decimal {
	if s == "" {
		return nil
	}
	var out []decimal.Decimal
	for _, x := range strings.Split(s, ",") {
		out = append(out, dec(x))
	}
	return out
}

func mustTiers(t testing.TB, s string) []Tier {
	t.Helper()
	tiers, err := ParseTiers(s)
	if err != nil {
		t.Fatalf("ParseTiers(%q): %v", s, err)
	}
	return tiers
}

// shown writes payouts as "index@place=amount" so one string pins a whole split.
func shown(p Plan, r Result) string {
	var b strings.Builder
	for i, x := range r.Payouts {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(itoa(x.Index) + "@" + itoa(x.Place) + "=" + p.Format(x.Amount))
	}
	return b.String()
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

// checkInvariants holds for every successful split.
func checkInvariants(t testing.TB, p Plan, scores []decimal.Decimal, r Result) {
	t.Helper()
	if !r.Paid.Add(r.Leftover).Equal(p.Pool) {
		t.Fatalf("paid %s + leftover %s != pool %s", r.Paid, r.Leftover, p.Pool)
	}
	if r.Leftover.Sign() < 0 {
		t.Fatalf("leftover %s is negative", r.Leftover)
	}
	sum := decimal.Zero
	for i, x := range r.Payouts {
		sum = sum.Add(x.Amount)
		if x.Amount.Sign() < 0 || !x.Amount.Equal(x.Amount.Truncate(p.Decimals)) {
			t.Fatalf("payout %d amount %s is negative or has more than %d places", i, x.Amount, p.Decimals)
		}
		if x.Index < 0 || x.Index >= max(len(scores), p.Winners) || (i > 0 && x.Index <= r.Payouts[i-1].Index) {
			t.Fatalf("payout %d index %d out of order", i, x.Index)
		}
		if p.hasCap() && x.Amount.GreaterThan(p.MaxPerWinner) {
			t.Fatalf("payout %d amount %s above cap %s", i, x.Amount, p.MaxPerWinner)
		}
	}
	if !sum.Equal(r.Paid) {
		t.Fatalf("payouts sum %s != paid %s", sum, r.Paid)
	}
	if p.Mode == Tiered || len(r.Payouts) == 0 {
		return
	}
	for i := 1; i < len(r.Payouts); i++ {
		if r.Payouts[i].Amount.GreaterThan(r.Payouts[i-1].Amount) {
			t.Fatalf("payout %d (%s) above payout %d (%s)", i, r.Payouts[i].Amount, i-1, r.Payouts[i-1].Amount)
		}
	}
	// Every paid place at the cap; a shared tie may spread it over more entries.
	places := decimal.NewFromInt(int64(min(p.Winners, len(scores))))
	allCapped := p.hasCap() && r.Paid.Equal(p.MaxPerWinner.Mul(places))
	left := len(scores) < p.Winners && p.unfilled() == Leave // the empty places' money
	if !allCapped && !left && !r.Leftover.IsZero() {
		t.Fatalf("leftover %s in %s mode without everyone capped", r.Leftover, p.Mode)
	}
}
