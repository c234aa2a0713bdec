package reward

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseScores(t *testing.T) {
	cases := []struct {
		name, in, want, err string
	}{
		{"spec example", "90,85.5,70", "90 85.5 70", ""},
		{"spaces and zero", " 90 , 0 ", "90 0", ""},
		{"empty item", "90,,70", "", "score 2: empty: write numbers separated by commas, like 90,85.5,70"},
		{"not a number", "90,abc", "", `score 2: "abc" is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
		{"negative", "-1", "", "score 1: -1 is negative: scores are zero or more"},
		{"too large", "1" + zeros(41), "", "score 1: 1" + zeros(41) + " is too large: use at most 40 integer digits"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseScores(c.in)
			checkScoresResult(t, got, err, c.want, c.err)
		})
	}
}

func TestReadScores(t *testing.T) {
	cases := []struct {
		name, in, want, err string
	}{
		{"one a line", "90\n85.5\n70\n", "90 85.5 70", ""},
		{"bom, crlf and blank lines", "\uFEFF90\r\n\r\n85.5\r\n", "90 85.5", ""},
		{"bad line", "90\n\nabc\n", "", `scores.txt:3: "abc" is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
		{"negative line", "90\n-2\n", "", "scores.txt:2: -2 is negative: scores are zero or more"},
		{"empty file", "\n\n", "", "scores.txt: no scores: write one score a line, best first"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ReadScores(strings.NewReader(c.in), "scores.txt")
			checkScoresResult(t, got, err, c.want, c.err)
		})
	}
}

func checkScoresResult(t *testing.T, got []decimal.Decimal, err error, want, wantErr string) {
	t.Helper()
	if wantErr != "" {
		if err == nil || err.Error() != wantErr {
			t.Errorf("error\n got %v\nwant %s", err, wantErr)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, d := range got {
		s = append(s, d.String())
	}
	if strings.Join(s, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(s, " "), want)
	}
}

func TestCheckScoreCount(t *testing.T) {
	cases := []struct {
		name            string
		scores, winners int
		want            string
	}{
		{"match", 3, 3, ""},
		{"too many", 4, 3, "got 4 scores for 3 winners: give one score per winner, best first, or set winners to 4"},
		{"too few", 2, 3, "got 2 scores for 3 winners: give one score per winner, best first, or set winners to 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckScoreCount(c.scores, c.winners)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestParseAmount(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"integer", "1250", "1250"},
		{"fraction", "92.85", "92.85"},
		{"negative parses", "-5", "-5"},
		{"comma", "1,250", `"1,250" is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
		{"leading dot", ".5", `".5" is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
		{"trailing dot", "5.", `"5." is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
		{"plus", "+5", `"+5" is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
		{"empty", "", `"" is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := ParseAmount(c.in)
			got := d.String()
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
