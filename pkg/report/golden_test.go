package report

import (
	"bytes"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/internal/golden"
	"github.com/promo-cli/promo/pkg/rerun"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

type renderCase struct {
	name   string // the golden file's name without .golden
	render func(io.Writer) error
}

// renderCases lists every renderer on the sample models; a renderer added
// to the package belongs here.
func renderCases() []renderCase {
	v, s, x, d, sp := sampleValidation(), sampleStandings(), sampleExplanation(), sampleDraw(), sampleSplit()
	commit := &DrawResult{Eligible: 5, EligibleDigest: d.EligibleDigest, CommitOnly: true}
	return []renderCase{
		{"validation.table", func(w io.Writer) error { return ValidationTable(w, v, Padded) }},
		{"validation.tsv", func(w io.Writer) error { return ValidationTable(w, v, TSV) }},
		{"validation.json", func(w io.Writer) error { return ValidationJSON(w, v) }},
		{"validation.csv", func(w io.Writer) error { return ValidationCSV(w, v) }},
		{"validation.md", func(w io.Writer) error { return ValidationMarkdown(w, v) }},
		{"validation.summary", func(w io.Writer) error { return SummaryText(w, v.Summary) }},
		{"standings.table", func(w io.Writer) error { return StandingsTable(w, s, Padded) }},
		{"standings.tsv", func(w io.Writer) error { return StandingsTable(w, s, TSV) }},
		{"standings.json", func(w io.Writer) error { return StandingsJSON(w, s) }},
		{"standings.csv", func(w io.Writer) error { return StandingsCSV(w, s) }},
		{"standings.md", func(w io.Writer) error { return StandingsMarkdown(w, s) }},
		{"standings.rewards", func(w io.Writer) error { return RewardsText(w, s.Rewards) }},
		{"explain-short.table", func(w io.Writer) error { return ExplanationText(w, x, Padded) }},
		{"explain-short.tsv", func(w io.Writer) error { return ExplanationText(w, x, TSV) }},
		{"explain-short.json", func(w io.Writer) error { return ExplanationJSON(w, x) }},
		{"explain-winner.table", func(w io.Writer) error { return ExplanationText(w, sampleRankedExplanation(), Padded) }},
		{"explain-winner.json", func(w io.Writer) error { return ExplanationJSON(w, sampleRankedExplanation()) }},
		{"draw.table", func(w io.Writer) error { return DrawText(w, d, Padded) }},
		{"draw.tsv", func(w io.Writer) error { return DrawText(w, d, TSV) }},
		{"draw.json", func(w io.Writer) error { return DrawJSON(w, d) }},
		{"draw-commit.table", func(w io.Writer) error { return DrawText(w, commit, Padded) }},
		{"draw-commit.json", func(w io.Writer) error { return DrawJSON(w, commit) }},
		{"split.table", func(w io.Writer) error { return SplitTable(w, sp, Padded) }},
		{"split.tsv", func(w io.Writer) error { return SplitTable(w, sp, TSV) }},
		{"split.json", func(w io.Writer) error { return SplitJSON(w, sp) }},
		{"split.csv", func(w io.Writer) error { return SplitCSV(w, sp) }},
		{"payout.safe.csv", func(w io.Writer) error { return SafeCSV(w, mustPayout(sampleWalletStandings(), true)) }},
		{"payout.disperse", func(w io.Writer) error { return Disperse(w, mustPayout(sampleWalletStandings(), true)) }},
		{"diff.table", func(w io.Writer) error { return DiffTable(w, sampleDiff(), Padded) }},
		{"diff.tsv", func(w io.Writer) error { return DiffTable(w, sampleDiff(), TSV) }},
		{"diff.json", func(w io.Writer) error { return DiffJSON(w, sampleDiff()) }},
		{"diff.md", func(w io.Writer) error { return DiffMarkdown(w, sampleDiff()) }},
		{"diff-none.md", func(w io.Writer) error { return DiffMarkdown(w, &rerun.Diff{}) }},
		{"diff.summary", func(w io.Writer) error { return DiffSummary(w, sampleDiff()) }},
		{"standings.excel.csv", func(w io.Writer) error { return StandingsExcel(w, sampleWalletStandings()) }},
	}
}

func mustPayout(s *Standings, merge bool) *Payout {
	p, err := NewPayout(s, merge)
	if err != nil {
		panic(err)
	}
	return p
}

func render(t *testing.T, c renderCase) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := c.render(&buf); err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, c := range renderCases() {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c)
			golden.Check(t, filepath.Join("testdata", "golden", c.name+".golden"), got, *update, "-update")
		})
	}
}

// TestGoldenNoRawControl guards the point of EscapeControl: the ESC in
// p003's id never reaches the output raw. CSV is the exception: it is data
// for a spreadsheet, and the id must survive exactly.
func TestGoldenNoRawControl(t *testing.T) {
	for _, c := range renderCases() {
		got := render(t, c)
		if strings.HasSuffix(c.name, ".csv") {
			continue
		}
		if bytes.IndexByte(got, 0x1b) >= 0 {
			t.Errorf("%s: raw ESC in output:\n%s", c.name, got)
		}
	}
}
