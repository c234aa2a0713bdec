package report

import (
	"iter"
	"runtime"
	"slices"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/internal/par"
	"github.com/promo-cli/promo/pkg/score"
)

// Validation is what validate shows: every entry with its verdict.
type Validation struct {
	Campaign     string
	RulesDigest  string
	InputsDigest string
	Unit         string // the length unit, for table headers
	// Entries are the verdicts of a model built by hand. NewValidation
	// leaves them nil and Each makes each verdict from the judged campaign
	// as it is written: a million entries are then not held twice.
	Entries  []Entry
	Summary  Summary
	Clusters [][]string // near-duplicate groups, by entry id
	res      *campaign.Result
}

// Len is the number of entries.
func (v *Validation) Len() int {
	if v.Entries == nil && v.res != nil {
		return len(v.res.Entries)
	}
	return len(v.Entries)
}

// Each calls f with every entry's verdict, in order.
func (v *Validation) Each(f func(Entry)) {
	for i := range v.Len() {
		e := v.entryAt(i)
		if e.at != nil {
			e.Source, e.at = e.at.Source(), nil
		}
		f(e)
	}
}

// entryAt is entry i's verdict. An entry of the judged campaign is left
// named by its place (at) for a writer that names the source from it
// itself (appendEntry): a million sources are then not made as strings to
// be copied once.
func (v *Validation) entryAt(i int) Entry {
	if v.Entries == nil && v.res != nil {
		return entryOf(v.res, i)
	}
	return v.Entries[i]
}

// entryOf is entry i's verdict, named by its place (at) rather than by
// Source.
func entryOf(res *campaign.Result, i int) Entry {
	e := &res.Entries[i]
	return Entry{
		ID: e.ID, Author: e.Author, AlsoIn: res.AlsoIn(i), Valid: e.Valid(), Reasons: e.Reasons, Length: e.Measure.Length, at: e,
	}
}

// Entry is one entry's verdict.
type Entry struct {
	ID, Author, Source string
	AlsoIn             []string // the same post read from other exports; omitted when empty
	Valid              bool
	Reasons            []check.Reason
	Length             int
	at                 *check.Entry // when set, its place is the source, and Source is ""
}

// Summary counts entries; Entries = Valid + Invalid + Unreadable.
type Summary struct {
	Entries, Valid, Invalid, Unreadable int
	ByReason                            map[check.Code]int
}

// Standings is what rank shows: the validation plus the ranking and the
// payout.
type Standings struct {
	Validation
	// Ranking are the places of a model built by hand. NewStandings
	// leaves it nil and Places makes each place from the standings as it
	// is written.
	Ranking []Place
	Rewards Rewards
	All     bool // every valid entry is listed, not just the paid ones
	st      *campaign.Standings
	places  int
}

// PlaceCount is the number of places listed.
func (s *Standings) PlaceCount() int {
	if s.Ranking == nil && s.st != nil {
		return s.places
	}
	return len(s.Ranking)
}

// Places yields the places listed, best first.
func (s *Standings) Places() iter.Seq[Place] {
	if s.Ranking != nil || s.st == nil {
		return slices.Values(s.Ranking)
	}
	return func(yield func(Place) bool) {
		for _, p := range s.st.Placings {
			if (s.All || p.Paid) && !yield(placeOf(s.res, s.st, p, true)) {
				return
			}
		}
	}
}

// placeOf is a place of the judged standings; unless named, it is left
// without its source, which the JSON ranking does not show: a place each
// for a million entries need not make it.
func placeOf(res *campaign.Result, st *campaign.Standings, p campaign.Placing, named bool) Place {
	e := &res.Entries[p.Entry]
	place := Place{
		Rank: p.Rank, ID: e.ID, Author: e.Author,
		Score: res.Scores[p.Entry].Score, Components: res.Scores[p.Entry].C, Wallet: e.Wallet,
	}
	if named {
		place.Source = e.Source()
	}
	if p.Paid {
		place.Reward = st.Plan.Format(p.Amount)
	}
	return place
}

// Place is one ranked entry.
type Place struct {
	Rank       int
	ID, Author string
	Source     string
	Score      float64
	Components score.Components
	Reward     string // exact decimal; "" when the entry is not paid
	Wallet     string // the payout address the entry gives, as written
}

// Rewards summarises the payout; amounts are exact decimal strings.
type Rewards struct {
	Pool, Token, Paid, Leftover string
	Decimals                    int
	Unfilled                    int    // winners' places no valid entry reached
	UnfilledRule                string // rewards.unfilled: leave or redistribute
	PayTo, Chain, TokenAddress  string // rewards.pay_to, chain, token_address
}

// NewValidation is validate's model of a judged campaign.
func NewValidation(res *campaign.Result) *Validation {
	v := &Validation{
		Campaign:     res.Rules.Name,
		RulesDigest:  res.Rules.Digest(),
		InputsDigest: res.InputsDigest,
		Unit:         string(res.Rules.Length.Unit),
		res:          res,
	}
	v.Summary = summarize(res.Entries)
	v.Clusters = clusterIDs(res)
	return v
}

// summarize counts a judged campaign's verdicts, in ranges on every core:
// the counts add up to the same whatever the ranges.
func summarize(entries []check.Entry) Summary {
	ranges := par.Split(len(entries), runtime.GOMAXPROCS(0), 1<<14)
	parts := make([]Summary, len(ranges))
	par.Each(len(ranges), func(k int) {
		parts[k] = newSummary(0)
		for i := ranges[k][0]; i < ranges[k][1]; i++ {
			e := &entries[i]
			parts[k].add(e.Valid(), e.Reasons)
		}
	})
	s := newSummary(len(entries))
	for _, p := range parts {
		s.Valid += p.Valid
		s.Invalid += p.Invalid
		s.Unreadable += p.Unreadable
		for c, n := range p.ByReason {
			s.ByReason[c] += n
		}
	}
	return s
}

func clusterIDs(res *campaign.Result) [][]string {
	out := make([][]string, 0, len(res.Clusters))
	for _, c := range res.Clusters {
		ids := make([]string, len(c))
		for i, idx := range c {
			ids[i] = res.Entries[idx].ID
		}
		out = append(out, ids)
	}
	return out
}

// NewStandings is rank's model of a judged and ranked campaign. JSON lists
// every valid entry in "ranking" (reward "" when unpaid), so all should be
// set for it; the table, CSV and Markdown list the paid ones unless all is
// set.
func NewStandings(res *campaign.Result, st *campaign.Standings, all bool) *Standings {
	s := &Standings{Validation: *NewValidation(res), All: all, st: st}
	for _, p := range st.Placings {
		if all || p.Paid {
			s.places++
		}
	}
	if st.Rewards {
		rw := &res.Rules.Rewards
		s.Rewards = Rewards{
			Pool: st.Plan.Format(st.Payout.Pool), Token: rw.Token,
			Paid: st.Plan.Format(st.Payout.Paid), Leftover: st.Plan.Format(st.Payout.Leftover),
			Decimals: rw.Decimals, Unfilled: st.Unfilled, UnfilledRule: rw.Unfilled,
			PayTo: rw.PayTo, Chain: rw.Chain, TokenAddress: rw.TokenAddress,
		}
	}
	return s
}

// Summarize counts the entries' verdicts.
func Summarize(entries []Entry) Summary {
	s := newSummary(len(entries))
	for _, e := range entries {
		s.add(e.Valid, e.Reasons)
	}
	return s
}

func newSummary(entries int) Summary {
	return Summary{Entries: entries, ByReason: map[check.Code]int{}}
}

// add counts one entry's verdict.
func (s *Summary) add(valid bool, reasons []check.Reason) {
	switch {
	case valid:
		s.Valid++
	case hasCode(reasons, check.Unreadable):
		s.Unreadable++
	default:
		s.Invalid++
	}
	for _, r := range reasons {
		s.ByReason[r.Code]++
	}
}

func hasCode(rs []check.Reason, c check.Code) bool {
	for _, r := range rs {
		if r.Code == c {
			return true
		}
	}
	return false
}
