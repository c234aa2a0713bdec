package campaign

import (
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/score"
)

func TestUnknownJudged(t *testing.T) {
	entries := []check.Entry{{ID: "a"}, {ID: "b"}}
	tests := []struct {
		name   string
		judges score.Judges
		want   string
	}{
		{"all known", score.Judges{"a": {1}, "b": {2}}, ""},
		{"one", score.Judges{"a": {1}, "zz": {2}}, "j.csv scores 1 entry that no export has (zz); check the ids"},
		{"many, sorted and cut", score.Judges{"u6": {1}, "u1": {1}, "u3": {1}, "u2": {1}, "u5": {1}, "u4": {1}, "u7": {1}},
			"j.csv scores 7 entries that no export has (u1, u2, u3, u4, u5 and 2 more); check the ids"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := unknownJudged(tc.judges, entries, "j.csv")
			if tc.want == "" {
				if len(got) != 0 {
					t.Fatalf("got %q, want no warning", got)
				}
				return
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Fatalf("got %q, want one line %q", got, tc.want)
			}
		})
	}
}
