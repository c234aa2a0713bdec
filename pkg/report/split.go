package report

import (
	"io"

	"github.com/promo-cli/promo/pkg/reward"
)

// SplitResult is an ad-hoc reward split.
type SplitResult struct {
	Pool, Token, Paid, Leftover string
	Amounts                     []SplitAmount
}

// NewSplit is split's model of a reward split made with plan.
func NewSplit(plan reward.Plan, res reward.Result, token string) *SplitResult {
	s := &SplitResult{Pool: plan.Format(res.Pool), Token: token, Paid: plan.Format(res.Paid), Leftover: plan.Format(res.Leftover)}
	for _, p := range res.Payouts {
		s.Amounts = append(s.Amounts, SplitAmount{Rank: p.Place, Amount: plan.Format(p.Amount)})
	}
	return s
}

// SplitAmount is one rank's amount.
type SplitAmount struct {
	Rank   int
	Amount string
}

// SplitTable writes rank and amount rows.
func SplitTable(w io.Writer, s *SplitResult, l Layout) error {
	t := Table{Header: []string{"rank", "amount", "token"}, Right: []int{0, 1}, Paint: paintColumn(1, green)}
	for _, a := range s.Amounts {
		t.Rows = append(t.Rows, []string{itoa(a.Rank), a.Amount, s.Token})
	}
	return t.Render(w, l)
}

// SplitCSV writes rank,amount,token rows.
func SplitCSV(w io.Writer, s *SplitResult) error {
	rows := make([][]string, 0, len(s.Amounts))
	for _, a := range s.Amounts {
		rows = append(rows, []string{itoa(a.Rank), a.Amount, s.Token})
	}
	return writeCSV(w, []string{"rank", "amount", "token"}, rows)
}

type jsonSplit struct {
	Pool     string       `json:"pool"`
	Token    string       `json:"token"`
	Paid     string       `json:"paid"`
	Leftover string       `json:"leftover"`
	Winners  []jsonAmount `json:"winners"`
}

type jsonAmount struct {
	Rank   int    `json:"rank"`
	Amount string `json:"amount"`
}

// SplitJSON writes the split as SPEC's JSON document.
func SplitJSON(w io.Writer, s *SplitResult) error {
	doc := jsonSplit{Pool: s.Pool, Token: s.Token, Paid: s.Paid, Leftover: s.Leftover, Winners: make([]jsonAmount, 0, len(s.Amounts))}
	for _, a := range s.Amounts {
		doc.Winners = append(doc.Winners, jsonAmount(a))
	}
	return encodeJSON(w, doc)
}
