package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkSplitLines cuts a 32 MB export in two, as a run on two cores
// does before its readers start.
func BenchmarkSplitLines(b *testing.B) {
	path := filepath.Join(b.TempDir(), "posts.jsonl")
	line := `{"id":"p1","author":"a","content":"` + strings.Repeat("质押挖矿体验 APR ", 60) + `"}` + "\n"
	if err := os.WriteFile(path, []byte(strings.Repeat(line, (32<<20)/len(line))), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(32 << 20)
	for b.Loop() {
		if parts, err := SplitLines(File{Path: path}, Options{}, 2); len(parts) != 2 || err != nil {
			b.Fatal(len(parts), err)
		}
	}
}
