package campaign_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
)

// TestMinifiedPlaces: in a minified JSON export every record starts on
// line 1. Each must still be an entry of its own, at a source of its own:
// before, two different posts without an id were both m.json:1 and both
// duplicate-id, and empty records were merged into one entry that listed
// the same source again for every one of them.
func TestMinifiedPlaces(t *testing.T) {
	tests := []struct {
		name, data string
		sources    []string
	}{
		{"two different posts", `[{"content":"a #积分狂欢节# 第三届积分狂欢节 hello"},{"content":"b different"}]`,
			[]string{"m.json:1", "m.json:1:41"}},
		{"empty records", `[{},{},{}]`, []string{"m.json:1", "m.json:1:5", "m.json:1:8"}},
		{"the same post twice without an id", `[{"content":"same"}, {"content":"same"}]`,
			[]string{"m.json:1", "m.json:1:22"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "m.json")
			writeFile(t, path, tt.data)
			res := evaluate(t, parseRules(t, dir, tagRule), []string{path}, campaign.Options{})
			prefix := filepath.ToSlash(dir) + "/"
			var sources []string
			for i := range res.Entries {
				e := &res.Entries[i]
				sources = append(sources, strings.TrimPrefix(e.Source(), prefix))
				if e.ID != e.Source() {
					t.Errorf("entry at %s has id %s, want its source", e.Source(), e.ID)
				}
				if e.Has(check.DuplicateID) {
					t.Errorf("entry at %s is duplicate-id", e.Source())
				}
				if a := res.AlsoIn(i); len(a) > 0 {
					t.Errorf("entry at %s is also in %q", e.Source(), a)
				}
			}
			if !slices.Equal(sources, tt.sources) {
				t.Errorf("sources %q, want %q", sources, tt.sources)
			}
			for _, src := range sources {
				if got := res.Find(prefix + src); len(got) != 1 || res.Entries[got[0]].Source() != prefix+src {
					t.Errorf("Find(%s) = %v, want the entry read there", src, got)
				}
			}
		})
	}
}
