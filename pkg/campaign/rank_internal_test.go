package campaign

import (
	"fmt"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
)

// TestPayScores: the split is given the winners' scores and every score
// tied with the last winner's, which shares its money; none below.
func TestPayScores(t *testing.T) {
	cases := []struct {
		name    string
		winners int
		scores  []float64
		want    string
	}{
		{"tie across the last place", 2, []float64{90, 80, 80, 80, 70}, "90 80 80 80"},
		{"no tie", 2, []float64{90, 80, 70}, "90 80"},
		{"fewer entries than winners", 5, []float64{90, 80}, "90 80"},
		{"all tied", 1, []float64{50, 50, 50}, "50 50 50"},
		{"none", 3, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := &Result{Rules: &rules.Rules{}}
			res.Rules.Rewards.Winners = c.winners
			order := make([]int, len(c.scores))
			for i, s := range c.scores {
				res.Scores = append(res.Scores, score.Result{Score: s})
				order[i] = i
			}
			var got []string
			for _, d := range res.payScores(order) {
				got = append(got, d.String())
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}

// TestRankTies: under ties: share entries with one score share the best
// rank among them; under any other rule every place is its own.
func TestRankTies(t *testing.T) {
	cases := []struct {
		name   string
		ties   string
		scores []float64
		want   string
	}{
		{"share a run of ties", rules.TiesShare, []float64{90, 80, 80, 80, 70}, "1 2 2 2 5"},
		{"share two runs", rules.TiesShare, []float64{80, 80, 70, 70, 60}, "1 1 3 3 5"},
		{"share all tied", rules.TiesShare, []float64{50, 50, 50}, "1 1 1"},
		{"earliest breaks ties", rules.TiesEarliest, []float64{90, 80, 80}, "1 2 3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := &Result{Rules: &rules.Rules{}}
			res.Rules.Rewards.Ties = c.ties
			for i, s := range c.scores {
				res.Entries = append(res.Entries, check.Entry{ID: fmt.Sprint(i)})
				res.Scores = append(res.Scores, score.Result{Score: s})
			}
			st, err := res.Rank()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range st.Placings {
				got = append(got, fmt.Sprint(p.Rank))
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}

// BenchmarkRankTied ranks entries that share a handful of scores, as a
// large campaign's do: the ranks must not cost a walk back over each tie.
func BenchmarkRankTied(b *testing.B) {
	res := &Result{Rules: &rules.Rules{}}
	res.Rules.Rewards.Ties = rules.TiesShare
	for i := range 100_000 {
		res.Entries = append(res.Entries, check.Entry{ID: fmt.Sprint(i)})
		res.Scores = append(res.Scores, score.Result{Score: float64(i % 8)})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := res.Rank(); err != nil {
			b.Fatal(err)
		}
	}
}
