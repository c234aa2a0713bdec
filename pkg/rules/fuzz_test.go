package rules

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks Parse never panics and always answers with rules or a
// non-empty ErrorList whose every entry has a message.
func FuzzParse(f *testing.F) {
	full, err := os.ReadFile(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(full))
	f.Add("")
	f.Add("name: x\nlenght: 1\n")
	f.Add("rewards: {pool: \"1250\", winners: 10, tiers: [{ranks: \"1-3\", amount: 5}]}\n")
	f.Add("window: {start: \"2025-07-15\", end: \"2025-07-14\", timezone: Asia/Shanghai}\n")
	f.Add(aliasBomb())
	f.Add(`{"length": {"min": 1, "unit": "han"}, "tags": {"all_of": ["#ES"]}}`)
	f.Add("name: \"campaign\"  # TODO: name it\nrewards: {pool: \"1000\", token: TOKEN, winners: 10, unfilled: leave}  # TODO\n")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := Parse("rules.yaml", []byte(in))
		if err == nil {
			if r == nil {
				t.Fatal("nil rules and nil error")
			}
			if r.Window.Location == nil || r.Export.Location == nil {
				t.Fatal("valid rules without resolved zones")
			}
			_ = r.Digest()
			for _, p := range r.Placeholders() {
				if p.Msg == "" || p.File != "rules.yaml" || p.Line < 1 {
					t.Fatalf("bad placeholder %+v", p)
				}
			}
			return
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
		}
		for _, e := range list {
			if e.Msg == "" || e.File != "rules.yaml" {
				t.Fatalf("bad error %+v", e)
			}
		}
	})
}
