// Package benchposts gives benchmarks the texts of real export posts: the
// JSONL file named by PROMO_BENCH_POSTS (scripts/bench.sh writes one), so
// that a per-post benchmark measures the posts an operator's run reads
// rather than a few made-up ones.
package benchposts

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Contents returns the content of the first n posts of the export named
// by PROMO_BENCH_POSTS, and skips the benchmark when it names none.
func Contents(tb testing.TB, n int) []string {
	tb.Helper()
	path := os.Getenv("PROMO_BENCH_POSTS")
	if path == "" {
		tb.Skip("PROMO_BENCH_POSTS names no export")
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for len(out) < n && sc.Scan() {
		var p struct{ Content string }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, p.Content)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if len(out) == 0 {
		tb.Fatal("no posts in " + path)
	}
	return out
}

// Export writes an export of mb MiB of alike posts, mostly Chinese, into
// a temporary folder of tb's and returns its path: for the benchmarks of
// whole-file work (cutting a file in parts, hashing it), which need its
// size more than real posts.
func Export(tb testing.TB, mb int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "posts.jsonl")
	line := `{"id":"p1","author":"a","content":"` + strings.Repeat("质押挖矿体验 APR ", 60) + `"}` + "\n"
	if err := os.WriteFile(path, []byte(strings.Repeat(line, (mb<<20)/len(line))), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}
