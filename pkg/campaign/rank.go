package campaign

import (
	"github.com/promo-cli/promo/pkg/reward"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
	"github.com/shopspring/decimal"
)

// Placing is one valid entry's place in the ranking.
type Placing struct {
	Entry  int // index into Result.Entries
	Rank   int // 1-based; entries tied on score share a rank under ties: share
	Paid   bool
	Amount decimal.Decimal
}

// Standings are the ranked valid entries and the payout.
type Standings struct {
	Placings []Placing // every valid entry, best first
	Plan     reward.Plan
	Payout   reward.Result
	Rewards  bool // the rule file has a rewards section
	// Unfilled is how many of the winners' places no valid entry reached;
	// rewards.unfilled says whose their money is.
	Unfilled int
}

// Rank orders the valid entries and splits the pool among the winners.
func (res *Result) Rank() (*Standings, error) {
	order := score.Rank(res.Entries, res.Scores, res.workers)
	st := &Standings{Placings: make([]Placing, len(order))}
	share := res.Rules.Rewards.Ties == rules.TiesShare
	for pos, i := range order {
		st.Placings[pos] = Placing{Entry: i, Rank: pos + 1}
		// Under `ties: share`, an entry tied with the one above takes its
		// rank, the best of the tied run; taking it from the one above
		// keeps the ranking linear when a million entries share a few
		// scores.
		if share && pos > 0 && res.Scores[i].Score == res.Scores[order[pos-1]].Score {
			st.Placings[pos].Rank = st.Placings[pos-1].Rank
		}
	}
	if res.Rules.Rewards.Winners == 0 {
		return st, nil
	}
	st.Rewards = true
	st.Plan = planOf(res.Rules)
	st.Unfilled = max(0, res.Rules.Rewards.Winners-len(order))
	var err error
	if st.Payout, err = reward.Split(st.Plan, res.payScores(order)); err != nil {
		return nil, err
	}
	for _, p := range st.Payout.Payouts {
		st.Placings[p.Index].Paid = true
		st.Placings[p.Index].Amount = p.Amount
		st.Placings[p.Index].Rank = p.Place
	}
	return st, nil
}

// payScores are the decimal scores the split looks at, best first: the
// winners' places and the entries tied with the last of them, who share
// its money under ties: share. The entries below never get paid, and a
// decimal for each of a million would only cost memory.
func (res *Result) payScores(order []int) []decimal.Decimal {
	n := min(res.Rules.Rewards.Winners, len(order))
	for n > 0 && n < len(order) && res.Scores[order[n]].Score == res.Scores[order[n-1]].Score {
		n++
	}
	scores := make([]decimal.Decimal, n)
	for pos := range scores {
		scores[pos] = decimal.NewFromFloat(res.Scores[order[pos]].Score)
	}
	return scores
}

func planOf(r *rules.Rules) reward.Plan {
	p := reward.Plan{
		Pool:         r.Rewards.Pool,
		Decimals:     int32(r.Rewards.Decimals),
		Winners:      r.Rewards.Winners,
		Mode:         reward.Mode(r.Rewards.Split),
		Ties:         reward.Ties(r.Rewards.Ties),
		MaxPerWinner: r.Rewards.MaxPerWinner,
		Unfilled:     reward.Unfilled(r.Rewards.Unfilled),
	}
	for _, t := range r.Rewards.Tiers {
		p.Tiers = append(p.Tiers, reward.Tier{From: t.From, To: t.To, Amount: t.Amount})
	}
	return p
}
