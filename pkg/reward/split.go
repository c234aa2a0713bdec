package reward

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// Payout is one paid entry.
type Payout struct {
	Index  int             // position in the scores given to Split
	Place  int             // 1-based rank shown; tied entries sharing places show the first
	Amount decimal.Decimal // exact, at most Plan.Decimals places
}

// Result is a whole split. Paid + Leftover = Pool.
type Result struct {
	Pool, Paid, Leftover decimal.Decimal
	Payouts              []Payout
}

// Split pays the ranked entries whose scores are given in rank order, best
// first. There may be more scores than winners, so that a tie at the
// cut-off can be seen; equal scores are a tie. With fewer scores than
// winners only the places that have an entry are paid, and Plan.Unfilled
// says whether the empty places' money is leftover or theirs. No scores
// pay nothing.
func Split(p Plan, scores []decimal.Decimal) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	if err := checkScores(scores); err != nil {
		return Result{}, err
	}
	n := min(p.Winners, len(scores))
	places := p.placeUnits(scoreWeights(scores[:n]))
	var payouts []Payout
	if p.Ties == Share {
		payouts = shareTies(places, scores, p.Decimals)
	} else {
		payouts = inOrder(places, p.Decimals)
	}
	return p.result(payouts), nil
}

// SplitPlaces pays Plan.Winners places with no scores and so no ties, as
// an ad-hoc split without scores does. Proportional mode needs scores.
func SplitPlaces(p Plan) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	if p.Mode == Proportional {
		return Result{}, fmt.Errorf("proportional mode needs scores: give one score per winner, best first")
	}
	return p.result(inOrder(p.placeUnits(ones(p.Winners)), p.Decimals)), nil
}

// placeUnits gives each of the len(weights) places its amount in smallest
// units, before ties are considered. Fewer places than winners leave
// places empty, and Plan.Unfilled decides whose their money is.
func (p Plan) placeUnits(weights []*big.Int) []*big.Int {
	n := len(weights)
	leave := n < p.Winners && p.unfilled() == Leave
	redistribute := n < p.Winners && !leave
	pool := p.units(p.Pool)
	switch {
	case p.Mode == Tiered && redistribute:
		return p.redistributeTiers(tierUnits(p.Tiers, p.Winners, p.Decimals), n)
	case p.Mode == Tiered:
		return tierUnits(p.Tiers, p.Winners, p.Decimals)[:n]
	case p.Mode == Equal && leave:
		return p.shareUnits(pool, ones(p.Winners))[:n]
	case p.Mode == Equal:
		return p.shareUnits(pool, ones(n))
	case leave: // proportional: the filled places' share of the pool
		filled := new(big.Int).Mul(pool, big.NewInt(int64(n)))
		return p.shareUnits(filled.Quo(filled, big.NewInt(int64(p.Winners))), weights)
	}
	return p.shareUnits(pool, weights)
}

// shareUnits divides total among the places by weight: the floor first,
// then the rest, capped at MaxPerWinner.
func (p Plan) shareUnits(total *big.Int, weights []*big.Int) []*big.Int {
	n := len(weights)
	floor := p.units(p.MinPayout)
	rest := new(big.Int).Sub(total, new(big.Int).Mul(floor, big.NewInt(int64(n))))
	if rest.Sign() < 0 { // the floors alone exceed a partial pool: floors it is
		rest.SetInt64(0)
	}
	var limit *big.Int
	if p.hasCap() {
		limit = new(big.Int).Sub(p.units(p.MaxPerWinner), floor)
	}
	out, _ := apportionCapped(rest, weights, limit)
	for _, u := range out {
		u.Add(u, floor)
	}
	return out
}

// redistributeTiers pays the first n places their tiers plus the sum of
// the empty places' tiers, shared in proportion to the filled places' tier
// amounts (largest remainder, ties to the better rank). No place goes over
// MaxPerWinner; what the cap holds back stays leftover.
func (p Plan) redistributeTiers(units []*big.Int, n int) []*big.Int {
	out := units[:n]
	extra := sumOf(units[n:])
	if n == 0 || extra.Sign() == 0 {
		return out
	}
	var room []*big.Int
	if p.hasCap() {
		room = make([]*big.Int, n)
		for i, u := range out {
			room[i] = new(big.Int).Sub(p.units(p.MaxPerWinner), u)
		}
	}
	for i, a := range apportionLimits(extra, out, room) {
		out[i] = new(big.Int).Add(out[i], a)
	}
	return out
}

func inOrder(places []*big.Int, decimals int32) []Payout {
	out := make([]Payout, len(places))
	for i, u := range places {
		out[i] = Payout{Index: i, Place: i + 1, Amount: fromUnits(u, decimals)}
	}
	return out
}

// shareTies lets every run of equal scores that reaches a paid place split
// the sum of the paid places it occupies, equally, with leftover units to
// the earlier entries, so the run's total is unchanged.
func shareTies(places []*big.Int, scores []decimal.Decimal, decimals int32) []Payout {
	var out []Payout
	for start := 0; start < len(places); {
		end := start + 1
		for end < len(scores) && scores[end].Equal(scores[start]) {
			end++
		}
		sum := sumOf(places[start:min(end, len(places))])
		for k, u := range apportion(sum, ones(end-start)) {
			out = append(out, Payout{Index: start + k, Place: start + 1, Amount: fromUnits(u, decimals)})
		}
		start = end
	}
	return out
}

func (p Plan) result(payouts []Payout) Result {
	paid := new(big.Int)
	for _, x := range payouts {
		paid.Add(paid, p.units(x.Amount))
	}
	pool := p.units(p.Pool)
	if payouts == nil {
		payouts = []Payout{}
	}
	return Result{
		Pool:     fromUnits(pool, p.Decimals),
		Paid:     fromUnits(paid, p.Decimals),
		Leftover: fromUnits(new(big.Int).Sub(pool, paid), p.Decimals),
		Payouts:  payouts,
	}
}
