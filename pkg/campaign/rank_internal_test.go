package campaign

import (
	"strings"
	"testing"

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
