package reward

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// Mode says how the pool is divided among the winners.
type Mode string

// The split modes.
const (
	Equal        Mode = "equal"
	Tiered       Mode = "tiered"
	Proportional Mode = "proportional"
)

// Ties says what happens to entries with equal scores.
type Ties string

// The tie rules.
const (
	// Share: tied entries split the summed amounts of the places they
	// occupy; places past the winners count as paying nothing.
	Share Ties = "share"
	// Earliest: the given order decides (the caller orders ties by
	// created_at, then id).
	Earliest Ties = "earliest"
)

// Unfilled says where the money of places no entry reaches goes, when
// there are fewer ranked entries than winners.
type Unfilled string

// The unfilled rules.
const (
	// Leave: every place keeps the amount it has with all places filled,
	// and the empty places' amounts are leftover. In proportional mode the
	// filled places share filled/winners of the pool, by score.
	Leave Unfilled = "leave"
	// Redistribute: those who placed get the empty places' money too. Equal
	// and proportional divide the whole pool among them; tiered adds the
	// empty tiers' sum to the filled places in proportion to their tier
	// amounts.
	Redistribute Unfilled = "redistribute"
)

// DefaultUnfilled is the rule for a mode when the plan names none:
// equal and proportional announce a pool to share, so it is paid out
// whole; tiered announces an amount per place, so that is what is paid.
func DefaultUnfilled(m Mode) Unfilled {
	if m == Tiered {
		return Leave
	}
	return Redistribute
}

// Plan is everything a split needs besides the scores.
//
// MaxPerWinner caps each payout; zero means no cap. In equal and
// proportional mode the excess goes to the uncapped winners by the same
// rule until no one is over the cap; when everyone is capped the rest is
// leftover. In tiered mode no tier may pay more than the cap.
//
// MinPayout is a floor per paid place; zero means none. Equal and
// proportional mode first give every place the floor and then divide what
// is left by their rule, so a zero score still earns the floor; the plan is
// refused when the floors alone exceed the pool. In tiered mode every tier
// must pay at least the floor. A tie shared across the cut-off splits only
// the places above it, so its members can receive less than the floor.
type Plan struct {
	Pool         decimal.Decimal
	Decimals     int32
	Winners      int
	Mode         Mode
	Tiers        []Tier // used only in tiered mode
	Ties         Ties
	MaxPerWinner decimal.Decimal
	MinPayout    decimal.Decimal
	Unfilled     Unfilled // "": DefaultUnfilled(Mode)
}

func (p Plan) unfilled() Unfilled {
	if p.Unfilled == "" {
		return DefaultUnfilled(p.Mode)
	}
	return p.Unfilled
}

// Validate checks the plan and says what to change.
func (p Plan) Validate() error {
	checks := []func() error{p.checkShape, p.checkPool, p.checkLimits, p.checkTiers}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (p Plan) checkShape() error {
	if p.Decimals < 0 || p.Decimals > MaxDecimals {
		return fmt.Errorf("decimals %d is out of range: use 0 to %d", p.Decimals, MaxDecimals)
	}
	if err := checkWinners(p.Winners); err != nil {
		return err
	}
	switch p.Mode {
	case Equal, Tiered, Proportional:
	default:
		return fmt.Errorf("unknown mode %q: use equal, tiered or proportional", p.Mode)
	}
	switch p.Ties {
	case Share, Earliest:
	default:
		return fmt.Errorf("unknown ties rule %q: use share or earliest", p.Ties)
	}
	switch p.Unfilled {
	case "", Leave, Redistribute:
	default:
		return fmt.Errorf("unknown unfilled rule %q: use leave or redistribute", p.Unfilled)
	}
	return nil
}

func checkWinners(n int) error {
	if n < 1 || n > MaxWinners {
		return fmt.Errorf("winners %d is out of range: use 1 to %d", n, MaxWinners)
	}
	return nil
}

func (p Plan) checkPool() error {
	if err := checkMoney("pool", p.Pool, p.Decimals); err != nil {
		return err
	}
	if p.Pool.Sign() <= 0 {
		return fmt.Errorf("pool %s is not above zero: give the amount to share out, like 1250", p.Pool.String())
	}
	return nil
}

func (p Plan) checkLimits() error {
	if err := checkMoney("max_per_winner", p.MaxPerWinner, p.Decimals); err != nil {
		return err
	}
	if err := checkMoney("min_payout", p.MinPayout, p.Decimals); err != nil {
		return err
	}
	if p.hasCap() && p.MinPayout.GreaterThan(p.MaxPerWinner) {
		return fmt.Errorf("min_payout %s is above max_per_winner %s: lower the minimum or raise the cap",
			p.MinPayout.String(), p.MaxPerWinner.String())
	}
	floors := p.MinPayout.Mul(decimal.NewFromInt(int64(p.Winners)))
	if p.Mode != Tiered && floors.GreaterThan(p.Pool) {
		return fmt.Errorf("min_payout %s for %d winners needs %s, more than the pool %s: lower the minimum or the winners",
			p.MinPayout.String(), p.Winners, floors.String(), p.Pool.String())
	}
	return nil
}

func (p Plan) checkTiers() error {
	if p.Mode != Tiered {
		return nil
	}
	if err := ValidateTiers(p.Tiers, p.Winners, p.Pool); err != nil {
		return err
	}
	for _, t := range p.Tiers {
		if err := checkMoney("tier "+rangeText(t.From, t.To)+" amount", t.Amount, p.Decimals); err != nil {
			return err
		}
		if p.hasCap() && t.Amount.GreaterThan(p.MaxPerWinner) {
			return fmt.Errorf("tier %s pays more than max_per_winner %s: lower the tier or raise the cap", t, p.MaxPerWinner.String())
		}
		if t.Amount.LessThan(p.MinPayout) {
			return fmt.Errorf("tier %s pays less than min_payout %s: raise the tier or lower the minimum", t, p.MinPayout.String())
		}
	}
	return nil
}

func (p Plan) hasCap() bool { return p.MaxPerWinner.Sign() > 0 }

// Format writes an amount with exactly Decimals places, as payout files
// and tables show it.
func (p Plan) Format(d decimal.Decimal) string { return d.StringFixed(p.Decimals) }

func (p Plan) units(d decimal.Decimal) *big.Int { return toUnits(d, p.Decimals) }
