package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/text"
)

// ExplanationText writes the explanation for a person.
func ExplanationText(w io.Writer, x *campaign.Explanation, l Layout) error {
	bw := bufio.NewWriter(w)
	// The headings are prose: on a terminal they wrap to its width like the
	// tables' details do; piped, each stays one line.
	heading := func(format string, args ...any) {
		for _, line := range wrapProse(fmt.Sprintf(format, args...), l.Width()) {
			bw.WriteString(line + "\n")
		}
	}
	e := x.Entry
	heading("entry %s by %s (%s)", EscapeControl(e.ID), EscapeControl(e.Author), EscapeControl(e.Source()))
	for _, s := range x.AlsoIn {
		heading("also in %s (the same post)", EscapeControl(s))
	}
	heading("verdict: %s", explainVerdict(x))
	bw.WriteString("\n")
	checks := Table{Header: []string{"", "check", "measured", "limit", "detail"}, Paint: paintCheck}
	for _, r := range x.Checks {
		mark := "ok"
		if !r.Pass {
			mark = "FAIL"
		}
		checks.Rows = append(checks.Rows, []string{mark, string(r.Code), r.Measured, r.Limit, r.Message})
	}
	checks.Render(bw, l)
	if x.Counts != nil {
		bw.WriteString("\n")
		heading("length (the rule's exclusions applied)")
		units := Table{Header: []string{"unit", "value"}, Right: []int{1}}
		for _, u := range text.Units {
			units.Rows = append(units.Rows, []string{string(u) + ruleMark(u, x.Unit), itoa(x.Counts.Of(u))})
		}
		units.Render(bw, l)
	}
	bw.WriteString("\n")
	heading("score %s", scoreText(x.Score.Score))
	comps := Table{Header: []string{"component", "value", "weight", "inputs"}, Right: []int{1, 2}}
	for _, c := range x.Components {
		comps.Rows = append(comps.Rows, []string{c.Name, strconv.FormatFloat(c.Value, 'f', 4, 64), strconv.FormatFloat(c.Weight, 'f', -1, 64), c.Detail})
	}
	comps.Render(bw, l)
	bw.WriteString("\n")
	heading("%s", placeText(x))
	return bw.Flush()
}

func ruleMark(u, rule text.Unit) string {
	if u == rule {
		return " (rule)"
	}
	return ""
}

func explainVerdict(x *campaign.Explanation) string {
	if x.Entry.Valid() {
		return "valid"
	}
	s := "invalid:"
	for _, r := range x.Checks {
		if !r.Pass {
			s += " " + string(r.Code)
		}
	}
	return s
}

func placeText(x *campaign.Explanation) string {
	rank := rankOf(x)
	switch {
	case rank == 0 && x.Entry.Valid():
		return "not ranked"
	case rank == 0:
		return "not ranked: only valid entries are ranked"
	case x.Reward == "":
		return fmt.Sprintf("rank %d of %d, not paid", rank, x.Ranked)
	}
	return fmt.Sprintf("rank %d of %d, reward %s", rank, x.Ranked, EscapeControl(rewardText(x.Reward, x.Token)))
}

// rankOf is the entry's rank, 0 when it is not ranked.
func rankOf(x *campaign.Explanation) int {
	if x.Placing == nil {
		return 0
	}
	return x.Placing.Rank
}

type jsonExplanation struct {
	ID         string          `json:"id"`
	Author     string          `json:"author"`
	Source     string          `json:"source"`
	AlsoIn     []string        `json:"also_in,omitempty"`
	Valid      bool            `json:"valid"`
	Checks     []jsonCheck     `json:"checks"`
	Length     map[string]int  `json:"length"`
	Score      float64         `json:"score"`
	Components []jsonComponent `json:"components"`
	Rank       int             `json:"rank"`
	Reward     string          `json:"reward"`
	Token      string          `json:"token"`
}

type jsonCheck struct {
	Code     string `json:"code"`
	Pass     bool   `json:"pass"`
	Message  string `json:"message"`
	Measured string `json:"measured,omitempty"`
	Limit    string `json:"limit,omitempty"`
	Other    string `json:"other,omitempty"`
}

type jsonComponent struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Weight float64 `json:"weight"`
	Inputs string  `json:"inputs"`
}

// ExplanationJSON writes the explanation for a program.
func ExplanationJSON(w io.Writer, x *campaign.Explanation) error {
	e := x.Entry
	doc := jsonExplanation{
		ID: e.ID, Author: e.Author, Source: e.Source(), AlsoIn: x.AlsoIn, Valid: e.Valid(), Score: round(x.Score.Score, 4),
		Rank: rankOf(x), Reward: x.Reward, Token: x.Token,
		Checks: make([]jsonCheck, 0, len(x.Checks)), Length: map[string]int{}, Components: make([]jsonComponent, 0, len(x.Components)),
	}
	for _, r := range x.Checks {
		doc.Checks = append(doc.Checks, jsonCheck{Code: string(r.Code), Pass: r.Pass, Message: r.Message, Measured: r.Measured, Limit: r.Limit, Other: r.Other})
	}
	if x.Counts != nil {
		for _, u := range text.Units {
			doc.Length[string(u)] = x.Counts.Of(u)
		}
	}
	for _, c := range x.Components {
		doc.Components = append(doc.Components, jsonComponent{Name: c.Name, Value: round(c.Value, 4), Weight: c.Weight, Inputs: c.Detail})
	}
	return encodeJSON(w, doc)
}

func paintCheck(_, col int, cell string) string {
	switch {
	case col == 0 && cell == "FAIL":
		return red
	case col == 0:
		return green
	}
	return ""
}
