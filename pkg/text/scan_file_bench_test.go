package text

import (
	"testing"

	"github.com/promo-cli/promo/pkg/internal/benchposts"
)

// BenchmarkScanFile reads the contents of the posts of a JSONL export
// named by PROMO_BENCH_POSTS (the benchmark export of scripts/bench.sh)
// as the checker does under the bench rules, 2,000 posts an op, so that
// the scanner is timed on the mix of posts it meets in a run rather than
// on a few that the branch predictor learns. Skipped without the variable.
func BenchmarkScanFile(b *testing.B) {
	posts := benchposts.Contents(b, 2000)
	var sb scanBench
	b.SetBytes(int64(sb.warm(posts) / len(posts)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sb.scan(posts[i%len(posts)])
	}
}

// benchExportGroups are the bench rules' banned words and topic keywords.
var benchExportGroups = [][]string{
	{"稳赚不赔", "guaranteed profit"},
	{"Eclipse", "SVM", "Solana", "以太坊", "Layer 2"},
	{"代币", "总量", "解锁", "tokenomics"},
	{"质押", "挖矿", "APR"},
}
