package campaign

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkFileDigest hashes a 32 MB export, as every run does once per
// export file.
func BenchmarkFileDigest(b *testing.B) {
	path := filepath.Join(b.TempDir(), "posts.jsonl")
	line := `{"id":"p1","author":"a","content":"` + strings.Repeat("质押挖矿体验 APR ", 60) + `"}` + "\n"
	if err := os.WriteFile(path, []byte(strings.Repeat(line, (32<<20)/len(line))), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(32 << 20)
	for b.Loop() {
		fileDigest(path)
	}
}
