package report

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestDefuse(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"formula", "=1+1", "'=1+1"},
		{"hyperlink formula", `=HYPERLINK("http://evil.example","点我")`, `'=HYPERLINK("http://evil.example","点我")`},
		{"dde", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"plus", "+SUM(A1:A9)", "'+SUM(A1:A9)"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		// A negative number is defused too: "-2+3" is a formula to a
		// spreadsheet, and the injection guidance makes no exception for
		// cells that merely look numeric. Amounts and scores are never
		// negative, so only user text is affected.
		{"negative number", "-5", "'-5"},
		{"minus formula", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"empty", "", ""},
		{"plain", "小明", "小明"},
		{"number", "33.34", "33.34"},
		{"formula later in the cell", "a=1", "a=1"},
		{"leading space", " =1", " =1"},
		{"full-width equals", "＝1", "＝1"},
		{"apostrophe already", "'=1", "'=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Defuse(tt.in); got != tt.want {
				t.Errorf("Defuse(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestStandingsCSVRoundTrip reads the payout file back as a program would:
// the header is SPEC's, every user cell is defused, amounts are exact.
func TestStandingsCSVRoundTrip(t *testing.T) {
	s := sampleStandings()
	s.Ranking[0].Author = "=HYPERLINK(\"http://evil.example\")"
	s.Ranking[1].Author = "line1\nline2, \"quoted\""
	var buf bytes.Buffer
	if err := StandingsCSV(&buf, s); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"rank", "id", "author", "score", "reward", "token"},
		{"1", "p001", "'=HYPERLINK(\"http://evil.example\")", "82.46", "33.34", "ES"},
		{"2", "阿花", "line1\nline2, \"quoted\"", "70.10", "33.33", "ES"},
		{"3", "c003", "'-5", "61.25", "16.67", "ES"},
		{"3", "李雷", "李雷", "61.25", "16.66", "ES"},
	}
	if len(records) != len(want) {
		t.Fatalf("%d records, want %d: %q", len(records), len(want), records)
	}
	for i := range want {
		for j := range want[i] {
			if records[i][j] != want[i][j] {
				t.Errorf("record %d field %d = %q, want %q", i, j, records[i][j], want[i][j])
			}
		}
	}
}
