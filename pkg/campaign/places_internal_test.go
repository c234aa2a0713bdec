package campaign

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/rules"
)

// TestMinifiedEmptyRecordsHeap: a minified array of empty objects is an
// entry a record, each at its own place, and costs about an entry each once
// repeats are merged. Every record had been FILE:1, so all were merged into
// one entry that listed the same source again for each of them (3 million
// records of a 9 MB file took 2 GB).
func TestMinifiedEmptyRecordsHeap(t *testing.T) {
	const n = 100000
	r, err := rules.Load(filepath.Join("testdata", "rules.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(path, []byte("["+strings.Repeat("{},", n-1)+"{}]"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := check.New(r)
	if err != nil {
		t.Fatal(err)
	}
	res := &Result{Rules: r, Files: []export.File{{Path: path, Root: filepath.Dir(path), Rel: "empty.json", Format: export.JSON}}, Checker: c}
	before := heapInUse()
	if err := res.read(context.Background(), c, Options{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	res.mergeSameIDs()
	per := float64(heapInUse()-before) / n
	t.Logf("%.0f bytes a record", per)
	if len(res.Entries) != n || len(res.Also) != 0 {
		t.Fatalf("%d entries, %d with other sources; want %d entries, none merged", len(res.Entries), len(res.Also), n)
	}
	if per > 320 {
		t.Errorf("%.0f bytes of heap a record after the merge, want at most 320", per)
	}
}

// TestNoMergeAtOnePlace: two records read at one place are never merged
// as the same post read twice, even with one id and one text: one of them
// would vanish. The first record of a line and a later one are two places.
func TestNoMergeAtOnePlace(t *testing.T) {
	tests := []struct {
		name    string
		col     int32 // of the second record, on the first's line
		entries int
	}{
		{"one place", 0, 2},
		{"two places on one line", 9, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &Result{
				Entries: []check.Entry{{ID: "p1", File: "a.json", Line: 1}, {ID: "p1", File: "a.json", Line: 1, Col: tt.col}},
				keys:    []recordKey{{sum: [8]byte{1}}, {sum: [8]byte{1}}},
			}
			res.mergeSameIDs()
			if len(res.Entries) != tt.entries {
				t.Errorf("%d entries, want %d", len(res.Entries), tt.entries)
			}
		})
	}
}
