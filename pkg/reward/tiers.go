package reward

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// MaxWinners bounds the number of paid places so a typo cannot ask for
// billions of payouts.
const MaxWinners = 100000

// Tier pays Amount to each of the ranks From..To (inclusive, 1-based).
type Tier struct {
	From, To int
	Amount   decimal.Decimal
}

// String writes the tier back in the syntax ParseTiers reads.
func (t Tier) String() string {
	return rangeText(t.From, t.To) + ":" + t.Amount.String()
}

func rangeText(from, to int) string {
	if from == to {
		return strconv.Itoa(from)
	}
	return strconv.Itoa(from) + "-" + strconv.Itoa(to)
}

// ParseTiers reads a table such as "1:300,2-3:150,4-10:92.85". It checks
// syntax only; ValidateTiers checks the table against winners and pool.
func ParseTiers(s string) ([]Tier, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("tiers are empty: write ranks:amount pairs separated by commas, like \"1:300,2-3:150\"")
	}
	items := strings.Split(s, ",")
	tiers := make([]Tier, 0, len(items))
	for i, item := range items {
		t, err := parseTier(strings.TrimSpace(item))
		if err != nil {
			return nil, fmt.Errorf("tier %d %q: %w", i+1, strings.TrimSpace(item), err)
		}
		tiers = append(tiers, t)
	}
	return tiers, nil
}

func parseTier(item string) (Tier, error) {
	if item == "" {
		return Tier{}, fmt.Errorf("empty item: remove the extra comma")
	}
	ranks, amount, ok := strings.Cut(item, ":")
	if !ok {
		return Tier{}, fmt.Errorf("no \":\" between ranks and amount: write it like \"2-3:150\"")
	}
	from, to, err := ParseRanks(ranks)
	if err != nil {
		return Tier{}, err
	}
	d, err := ParseAmount(amount)
	if err != nil {
		return Tier{}, fmt.Errorf("amount %w", err)
	}
	return Tier{From: from, To: to, Amount: d}, nil
}

// ParseRanks reads one rank ("1") or an inclusive range ("2-3").
func ParseRanks(s string) (from, to int, err error) {
	s = strings.TrimSpace(s)
	a, b, isRange := strings.Cut(s, "-")
	if from, err = parseRank(a); err != nil {
		return 0, 0, err
	}
	to = from
	if isRange {
		if to, err = parseRank(b); err != nil {
			return 0, 0, err
		}
	}
	if to < from {
		return 0, 0, fmt.Errorf("ranks %q run backwards: write the lower rank first, like \"%d-%d\"", s, to, from)
	}
	return from, to, nil
}

func parseRank(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("a rank is missing: write ranks like \"1\" or \"4-10\"")
	}
	if !allDigits(s) {
		return 0, fmt.Errorf("rank %q is not a whole number: write ranks like \"1\" or \"4-10\"", s)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > MaxWinners {
		return 0, fmt.Errorf("rank %s is too large: ranks go up to %d", s, MaxWinners)
	}
	if n < 1 {
		return 0, fmt.Errorf("rank %s is below 1: ranks start at 1", s)
	}
	return n, nil
}

// ValidateTiers checks that the tiers cover ranks 1..winners exactly once,
// that every amount is above zero and that together they fit in the pool.
// A gap is an error rather than an unpaid place: it is almost always a typo.
func ValidateTiers(t []Tier, winners int, pool decimal.Decimal) error {
	if len(t) == 0 {
		return fmt.Errorf("tiered mode needs tiers: give ranks:amount pairs, like \"1:300,2-3:150\"")
	}
	if err := checkWinners(winners); err != nil {
		return err
	}
	if err := checkSize("pool", pool); err != nil {
		return err
	}
	if err := checkTierAmounts(t); err != nil {
		return err
	}
	sorted := slices.Clone(t)
	slices.SortStableFunc(sorted, func(a, b Tier) int { return cmp.Compare(a.From, b.From) })
	if err := checkCoverage(sorted, winners); err != nil {
		return err
	}
	total := tiersTotal(t)
	if total.GreaterThan(pool) {
		return fmt.Errorf("tiers pay %s in all, %s more than the pool %s: lower a tier amount or raise the pool",
			total.String(), total.Sub(pool).String(), pool.String())
	}
	return nil
}

func checkTierAmounts(t []Tier) error {
	for _, x := range t {
		if x.From < 1 || x.To < x.From {
			return fmt.Errorf("tier %s: ranks must start at 1 and run upwards, like \"4-10\"", x)
		}
		if err := checkSize("tier "+rangeText(x.From, x.To)+" amount", x.Amount); err != nil {
			return err
		}
		if x.Amount.Sign() <= 0 {
			return fmt.Errorf("tier %s must pay above zero: give it a positive amount or remove it and lower winners", x)
		}
	}
	return nil
}

func checkCoverage(sorted []Tier, winners int) error {
	next := 1
	for i, x := range sorted {
		if i > 0 && x.From <= sorted[i-1].To {
			return fmt.Errorf("tiers %s and %s overlap at rank %d: give each rank one tier", sorted[i-1], x, x.From)
		}
		if x.From > next {
			return fmt.Errorf("%s no tier: add a tier such as \"%s:AMOUNT\"", ranksHave(next, x.From-1), rangeText(next, x.From-1))
		}
		next = x.To + 1
	}
	last := sorted[len(sorted)-1]
	if last.To > winners {
		return fmt.Errorf("tier %s goes past winners %d: end the tiers at rank %d or raise winners to %d", last, winners, winners, last.To)
	}
	if last.To < winners {
		return fmt.Errorf("%s no tier: add a tier such as \"%s:AMOUNT\" or lower winners to %d",
			ranksHave(last.To+1, winners), rangeText(last.To+1, winners), last.To)
	}
	return nil
}

func ranksHave(from, to int) string {
	if from == to {
		return "rank " + strconv.Itoa(from) + " has"
	}
	return "ranks " + rangeText(from, to) + " have"
}

func tiersTotal(t []Tier) decimal.Decimal {
	total := decimal.Zero
	for _, x := range t {
		total = total.Add(x.Amount.Mul(decimal.NewFromInt(int64(x.To - x.From + 1))))
	}
	return total
}

// tierUnits lists the amount of each place 1..winners in smallest units.
// The tiers must have passed ValidateTiers.
func tierUnits(t []Tier, winners int, decimals int32) []*big.Int {
	out := make([]*big.Int, winners)
	for _, x := range t {
		u := toUnits(x.Amount, decimals)
		for r := x.From; r <= x.To && r <= winners; r++ {
			out[r-1] = new(big.Int).Set(u)
		}
	}
	return out
}
