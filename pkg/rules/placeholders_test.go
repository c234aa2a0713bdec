package rules_test

import (
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/announce"
	"github.com/promo-cli/promo/pkg/rules"
)

func ptr[T any](v T) *T { return &v }

// TestPlaceholders: a rule file straight from promo init is valid, and
// every value init could not fill is listed; a finished file lists none.
// Before, such a file passed rules check as "ok" and rank paid it out.
func TestPlaceholders(t *testing.T) {
	initial := string(announce.DefaultTemplate())
	tests := []struct {
		name string
		yaml string
		o    *rules.Overrides
		want []string // the key paths, in file order
	}{
		{name: "promo init", yaml: initial, want: []string{
			"name", "window.start", "window.end", "window.timezone", "tags.all_of", "length.min",
			"media.min_images", "content.brief", "rewards.pool", "rewards.token", "rewards.winners",
		}},
		{name: "overridden by flags", yaml: initial, o: &rules.Overrides{Pool: ptr("500"), Winners: ptr(3)}, want: []string{
			"name", "window.start", "window.end", "window.timezone", "tags.all_of", "length.min",
			"media.min_images", "content.brief", "rewards.token",
		}},
		{name: "comments removed, token left", yaml: "rewards: {pool: \"10\", token: TOKEN, winners: 1}\n", want: []string{"rewards.token"}},
		{name: "finished", yaml: "name: x  # done\nrewards: {pool: \"10\", token: ES, winners: 1}\n"},
		{name: "json", yaml: `{"rewards": {"pool": "10", "token": "ES", "winners": 1}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := rules.Parse("rules.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if tt.o != nil {
				if err := r.Apply(*tt.o); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			for _, e := range r.Placeholders() {
				if e.File != "rules.yaml" || e.Line == 0 || e.Hint == "" {
					t.Errorf("incomplete problem %+v", e)
				}
				path := e.Msg[strings.Index(e.Msg, "`")+1:]
				got = append(got, path[:strings.Index(path, "`")])
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("placeholders\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
