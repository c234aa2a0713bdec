package text

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkScanFile reads the contents of the posts of a JSONL export
// named by PROMO_BENCH_POSTS (the benchmark export of scripts/bench.sh)
// as the checker does under the bench rules, 2,000 posts an op, so that
// the scanner is timed on the mix of posts it meets in a run rather than
// on a few that the branch predictor learns. Skipped without the variable.
func BenchmarkScanFile(b *testing.B) {
	path := os.Getenv("PROMO_BENCH_POSTS")
	if path == "" {
		b.Skip("PROMO_BENCH_POSTS names no export")
	}
	posts := readBenchContents(b, path, 2000)
	ix := CompilePhraseIndex(benchExportGroups, AllFolds)
	ex := ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace
	var sc Scanner
	var hits PhraseHits
	var w scanBenchWording
	n := 0
	for _, p := range posts {
		sc.Scan(p, AllFolds, ex, ix, &hits, &w) // grow the buffers, build the tables
		n += len(p)
	}
	b.SetBytes(int64(n / len(posts)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sc.Scan(posts[i%len(posts)], AllFolds, ex, ix, &hits, &w)
	}
}

// benchExportGroups are the bench rules' banned words and topic keywords.
var benchExportGroups = [][]string{
	{"稳赚不赔", "guaranteed profit"},
	{"Eclipse", "SVM", "Solana", "以太坊", "Layer 2"},
	{"代币", "总量", "解锁", "tokenomics"},
	{"质押", "挖矿", "APR"},
}

// readBenchContents returns the contents of the first n posts of a JSONL
// export.
func readBenchContents(tb testing.TB, path string, n int) []string {
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
			tb.Fatal(err)
		}
		out = append(out, p.Content)
	}
	if len(out) == 0 {
		tb.Fatal("no posts in " + path)
	}
	return out
}
