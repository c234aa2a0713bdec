package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/internal/words"
)

func itoa(n int) string { return strconv.Itoa(n) }

// scoreText shows a score with two decimals; ranking used the exact value.
func scoreText(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

// ValidationTable writes one row per entry: padded for a terminal, TSV
// otherwise.
func ValidationTable(w io.Writer, v *Validation, l Layout) error {
	t := Table{
		Header: []string{"source", "id", "author", "verdict", "length", "reasons", "details"},
		Right:  []int{4},
		Paint:  paintVerdicts,
	}
	for _, row := range validationRows(v) {
		t.Rows = append(t.Rows, []string{row[0], row[1], row[2], row[3], row[4], strings.ReplaceAll(row[5], ",", ", "), row[6]})
	}
	return t.Render(w, l)
}

// paintVerdicts colours the verdict column green or red and the reason
// codes yellow, so invalid entries stand out in a long list.
func paintVerdicts(_, col int, cell string) string {
	switch {
	case col == 3 && cell == "valid":
		return green
	case col == 3:
		return red
	case col == 5:
		return yellow
	}
	return ""
}

// SummaryText is the one-paragraph summary written to stderr under table
// output, so that piping the table elsewhere keeps it clean.
func SummaryText(w io.Writer, s Summary) error {
	_, err := fmt.Fprintf(w, "%d entries: %d valid, %d invalid, %d unreadable\n", s.Entries, s.Valid, s.Invalid, s.Unreadable)
	for _, c := range check.Codes {
		if n := s.ByReason[c]; n > 0 && err == nil {
			_, err = fmt.Fprintf(w, "  %-16s %d\n", c, n)
		}
	}
	return err
}

// StandingsTable writes the winners (or, with All, every valid entry).
func StandingsTable(w io.Writer, s *Standings, l Layout) error {
	t := Table{Header: []string{"rank", "author", "id", "score", "reward"}, Right: []int{0, 3, 4}, Paint: paintColumn(4, green)}
	for p := range s.Places() {
		reward := p.Reward
		if reward != "" && s.Rewards.Token != "" {
			reward += " " + s.Rewards.Token
		}
		t.Rows = append(t.Rows, []string{itoa(p.Rank), p.Author, p.ID, scoreText(p.Score), reward})
	}
	return t.Render(w, l)
}

// paintColumn colours one column's cells.
func paintColumn(col int, code string) func(int, int, string) string {
	return func(_, c int, _ string) string {
		if c == col {
			return code
		}
		return ""
	}
}

// RewardsText is the payout summary written to stderr under table output.
func RewardsText(w io.Writer, r Rewards) error {
	_, err := fmt.Fprintf(w, "pool %s: paid %s, leftover %s\n", EscapeControl(rewardText(r.Pool, r.Token)), r.Paid, r.Leftover)
	if err == nil && r.Unfilled > 0 {
		what := "their money is leftover"
		if r.UnfilledRule == "redistribute" {
			what = "their money went to those who placed"
		}
		_, err = fmt.Fprintf(w, "%d %s not filled (rewards.unfilled: %s): %s\n", r.Unfilled, words.Plural(r.Unfilled, "place", "places"), r.UnfilledRule, what)
	}
	return err
}
