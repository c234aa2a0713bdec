package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// plainAmount is the only amount syntax accepted: no exponents, so no
// amount can expand into a huge number.
var plainAmount = regexp.MustCompile(`^-?[0-9]{1,30}(\.[0-9]{1,30})?$`)

func (v *validator) amount(path string, a Amount) (decimal.Decimal, bool) {
	s := strings.TrimSpace(string(a))
	if !plainAmount.MatchString(s) {
		hint := `write a plain decimal such as "1250" or "92.85"`
		if strings.Contains(s, ",") {
			hint = `write a plain decimal without thousands separators, such as "1250"`
		}
		v.errorf(path, hint, "`%s` must be an amount, got %q", path, string(a))
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		v.errorf(path, `write a plain decimal such as "1250" or "92.85"`, "`%s` must be an amount, got %q", path, s)
		return decimal.Zero, false
	}
	return d, true
}

// positive checks an amount is above zero and payable in `decimals` places.
func (v *validator) positive(path string, d decimal.Decimal) bool {
	dec := v.r.Rewards.Decimals
	if !d.IsPositive() {
		v.errorf(path, "", "`%s` must be greater than 0, got %s", path, d)
		return false
	}
	if dec >= 0 && dec <= 18 && !d.Round(int32(dec)).Equal(d) {
		v.errorf(path, fmt.Sprintf("round it, or raise `rewards.decimals` to %d", -d.Exponent()),
			"`%s` (%s) has more decimal places than `rewards.decimals` (%d)", path, d, dec)
		return false
	}
	return true
}

// checkRewards applies only when the file has a rewards section (or an
// override sets one): then the pool and the winners are required.
func checkRewards(v *validator) {
	rw := &v.r.Rewards
	rw.Pool, rw.MaxPerWinner = decimal.Zero, decimal.Zero
	if rw.Decimals < 0 || rw.Decimals > 18 {
		v.errorf("rewards.decimals", "2 suits most tokens", "`rewards.decimals` must be between 0 and 18, got %d", rw.Decimals)
	}
	v.oneOf("rewards.split", "split", rw.Split, SplitEqual, SplitTiered, SplitProportional)
	v.oneOf("rewards.ties", "ties", rw.Ties, TiesShare, TiesEarliest)
	if !v.has("rewards.unfilled") {
		rw.Unfilled = defaultUnfilled(rw.Split)
	}
	v.oneOf("rewards.unfilled", "unfilled", rw.Unfilled, UnfilledLeave, UnfilledRedistribute)
	if strings.TrimSpace(string(rw.MaxPerWinnerText)) != "" {
		if d, ok := v.amount("rewards.max_per_winner", rw.MaxPerWinnerText); ok && v.positive("rewards.max_per_winner", d) {
			rw.MaxPerWinner = d
		}
	}
	if !v.has("rewards") {
		return
	}
	if !v.has("rewards.pool") {
		v.errorf("rewards", `e.g. pool: "1250"`, "`rewards.pool` is missing")
	} else if d, ok := v.amount("rewards.pool", rw.PoolText); ok && v.positive("rewards.pool", d) {
		rw.Pool = d
	}
	if rw.Winners < 1 {
		path := "rewards.winners"
		if !v.has(path) {
			path = "rewards"
		}
		v.errorf(path, "e.g. winners: 10", "`rewards.winners` must be at least 1, got %d", rw.Winners)
	}
	if rw.Split == SplitTiered && len(rw.TierSpecs) == 0 {
		v.errorf("rewards.split", `add e.g. tiers: [{ranks: "1", amount: "300"}, {ranks: "2-3", amount: "150"}]`,
			"`rewards.split` is tiered but `rewards.tiers` is empty")
	}
}

var ranksSyntax = regexp.MustCompile(`^\s*([0-9]{1,9})\s*(?:-\s*([0-9]{1,9})\s*)?$`)

// checkTiers reads each row, then checks overlap, range and total.
func checkTiers(v *validator) {
	rw := &v.r.Rewards
	rw.Tiers = nil
	ok := true
	for i, spec := range rw.TierSpecs {
		t, good := v.tier(i, spec)
		ok = ok && good
		rw.Tiers = append(rw.Tiers, t)
	}
	if !ok || len(rw.Tiers) == 0 {
		return
	}
	sort.SliceStable(rw.Tiers, func(i, j int) bool { return rw.Tiers[i].From < rw.Tiers[j].From })
	v.tierOverlap()
	v.tierTotal()
	if rw.Split == SplitTiered {
		v.tierGaps()
	}
}

// tierGaps finds ranks up to the winners that no tier pays: rank would
// refuse the table, so rules check must too.
func (v *validator) tierGaps() {
	next := 1
	for _, t := range append(v.r.Rewards.Tiers, Tier{From: v.r.Rewards.Winners + 1}) {
		if t.From > next {
			gap := Tier{From: next, To: t.From - 1}
			what := "ranks %s have no tier"
			if gap.From == gap.To {
				what = "rank %s has no tier"
			}
			v.errorf("rewards.tiers", "add a tier for them, or lower `rewards.winners`", what, rankText(gap))
		}
		next = max(next, t.To+1)
	}
}

func (v *validator) tier(i int, spec TierSpec) (Tier, bool) {
	path := fmt.Sprintf("rewards.tiers[%d]", i)
	var t Tier
	m := ranksSyntax.FindStringSubmatch(spec.Ranks)
	if m == nil {
		v.errorf(path+".ranks", `write a rank ("1") or a range ("4-10")`, "`%s.ranks` must be a rank or a range, got %q", path, spec.Ranks)
		return t, false
	}
	t.From, _ = strconv.Atoi(m[1])
	t.To = t.From
	if m[2] != "" {
		t.To, _ = strconv.Atoi(m[2])
	}
	winners := v.r.Rewards.Winners
	switch {
	case t.From < 1 || t.To < t.From:
		v.errorf(path+".ranks", "ranks count from 1, low to high, e.g. \"4-10\"", "`%s.ranks` %q is not a valid range", path, spec.Ranks)
		return t, false
	case winners >= 1 && t.To > winners:
		v.errorf(path+".ranks", "raise `rewards.winners` or shorten the range",
			"`%s.ranks` %q goes past `rewards.winners` (%d)", path, spec.Ranks, winners)
		return t, false
	}
	amount, good := v.amount(path+".amount", spec.Amount)
	if good && v.positive(path+".amount", amount) {
		t.Amount = amount
		return t, true
	}
	return t, false
}

func (v *validator) tierOverlap() {
	tiers := v.r.Rewards.Tiers
	for i := 1; i < len(tiers); i++ {
		prev, cur := tiers[i-1], tiers[i]
		if cur.From <= prev.To {
			v.errorf("rewards.tiers", "each rank may appear in one tier only",
				"tiers %s and %s overlap", rankText(prev), rankText(cur))
		}
	}
}

func (v *validator) tierTotal() {
	rw := v.r.Rewards
	if !rw.Pool.IsPositive() {
		return
	}
	total := decimal.Zero
	for _, t := range rw.Tiers {
		total = total.Add(t.Amount.Mul(decimal.NewFromInt(int64(t.To - t.From + 1))))
	}
	if total.GreaterThan(rw.Pool) {
		v.errorf("rewards.tiers", "lower the amounts or raise `rewards.pool`",
			"the tiers pay %s in all, more than `rewards.pool` (%s)", total, rw.Pool)
	}
}

func rankText(t Tier) string {
	if t.From == t.To {
		return fmt.Sprintf("%q", strconv.Itoa(t.From))
	}
	return fmt.Sprintf("%q", fmt.Sprintf("%d-%d", t.From, t.To))
}

// defaultUnfilled keeps what each split promised: equal and proportional
// share a pool, which is paid out whole; tiered names an amount a place.
func defaultUnfilled(split string) string {
	if split == SplitTiered {
		return UnfilledLeave
	}
	return UnfilledRedistribute
}
