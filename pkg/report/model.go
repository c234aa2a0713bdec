package report

import (
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/score"
)

// Validation is what validate shows: every entry with its verdict.
type Validation struct {
	Campaign     string
	RulesDigest  string
	InputsDigest string
	Unit         string // the length unit, for table headers
	Entries      []Entry
	Summary      Summary
	Clusters     [][]string // near-duplicate groups, by entry id
}

// Entry is one entry's verdict.
type Entry struct {
	ID, Author, Source string
	AlsoIn             []string // the same post read from other exports; omitted when empty
	Valid              bool
	Reasons            []check.Reason
	Length             int
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
	Ranking []Place
	Rewards Rewards
	All     bool // every valid entry is listed, not just the paid ones
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

// Summarize counts the entries' verdicts.
func Summarize(entries []Entry) Summary {
	s := Summary{Entries: len(entries), ByReason: map[check.Code]int{}}
	for _, e := range entries {
		switch {
		case e.Valid:
			s.Valid++
		case hasCode(e.Reasons, check.Unreadable):
			s.Unreadable++
		default:
			s.Invalid++
		}
		for _, r := range e.Reasons {
			s.ByReason[r.Code]++
		}
	}
	return s
}

func hasCode(rs []check.Reason, c check.Code) bool {
	for _, r := range rs {
		if r.Code == c {
			return true
		}
	}
	return false
}
