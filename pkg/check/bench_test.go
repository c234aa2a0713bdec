package check_test

import (
	"os"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	ocheck "github.com/promo-cli/promo/pkg/check/internal/oracle/check"
	otext "github.com/promo-cli/promo/pkg/check/internal/oracle/text"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/text"
)

// benchRules are the benchmark campaign's text rules (testdata/bench).
const benchRules = `
name: bench
tags:
  all_of: ["#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"]
length: {min: 60, max: 2000, unit: graphemes, exclude: [tags, urls, mentions, whitespace]}
media: {min_images: 0, verify: false}
authors: {blocklist: [free_es_bot]}
content: {banned: ["稳赚不赔", "guaranteed profit"], brief: testdata/announcement.txt}
scoring:
  topics:
    - {name: 项目亮点, keywords: [Eclipse, SVM, Solana, 以太坊, Layer 2]}
    - {name: 代币机制, keywords: [代币, 总量, 解锁, tokenomics]}
    - {name: 挖矿体验, keywords: [质押, 挖矿, APR]}
`

// benchContents are 64 posts of about 1 KB, mostly Chinese, made from the
// text package's benchmark post with its lines rotated.
func benchContents(tb testing.TB) []string {
	b, err := os.ReadFile("../text/testdata/bench_post.txt")
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	out := make([]string, 64)
	for i := range out {
		rot := append(append([]string{}, lines[i%len(lines):]...), lines[:i%len(lines)]...)
		out[i] = strings.Join(rot, "\n")
	}
	return out
}

// BenchmarkInspect judges 1 KB posts under the benchmark rules, with the
// engine and with its oracle (the implementation it replaced), so their
// ratio is measured in one run. allocs/op is per post.
func BenchmarkInspect(b *testing.B) {
	contents := benchContents(b)
	posts := make([]export.Post, len(contents))
	size := 0
	for i, c := range contents {
		posts[i] = export.Post{ID: "p", Author: "alice", Content: c, File: "f.jsonl", Line: i + 1}
		size += len(c)
	}
	b.Run("engine", func(b *testing.B) {
		c := mustChecker(b, benchRules)
		var ws check.Workspace
		b.ReportAllocs()
		b.SetBytes(int64(size / len(posts)))
		for i := 0; b.Loop(); i++ {
			c.Inspect(&posts[i%len(posts)], &ws, false)
		}
	})
	b.Run("oracle", func(b *testing.B) {
		ex, _ := text.ParseExclude([]string{"tags", "urls", "mentions", "whitespace"})
		c, err := ocheck.New(ocheck.Config{
			Fold: otext.Fold(text.AllFolds), Unit: otext.Graphemes, Exclude: otext.Exclude(ex), Min: 60, Max: 2000,
			AllOf: []string{"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"}, Blocklist: []string{"free_es_bot"},
			Banned:    []string{"稳赚不赔", "guaranteed profit"},
			Topics:    [][]string{{"Eclipse", "SVM", "Solana", "以太坊", "Layer 2"}, {"代币", "总量", "解锁", "tokenomics"}, {"质押", "挖矿", "APR"}},
			BriefPath: "testdata/announcement.txt", BriefThreshold: 0.6,
		})
		if err != nil {
			b.Fatal(err)
		}
		var ws ocheck.Workspace
		b.ReportAllocs()
		b.SetBytes(int64(size / len(posts)))
		for i := 0; b.Loop(); i++ {
			c.Inspect(&posts[i%len(posts)], &ws, false)
		}
	})
}
