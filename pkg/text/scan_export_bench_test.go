package text

import "testing"

// exportPosts are posts like those of the benchmark export: Chinese mixed
// with ASCII words and digits, full-width punctuation, one campaign tag,
// some of the bench rules' phrases. BenchmarkScan's emoji-heavy post is
// not what a campaign's posts look like.
var exportPosts = []string{
	"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#\n我更关心的是BTC 池上线后的流动性，最山去，大家怎么看？如果你只有 165 U，我建议先试试BTC 池，时次政的。对比了三家平台的质押挖矿，这里的门槛最低，只要 1680 就能参加。我这周在 Launchpool 质押了 917 个 ES，年化大概 216%，比预期高一点。新手提醒：先看清持仓奖励规则，再决定投入 517 还是更多，别以表活。ES 池这一期我一共拿了 650 积分，农如，下一期继续。\nMy take on ES: the tokenomics look fair, unlock over 351 months. ",
	"身边的朋友有 3776 个都在玩Eclipse，热度可见一斑，系战放多山。Staked 4854 ES in Launchpool this week, APR around 3%. 如果你只有 3359 U，我建议先试试积分狂欢节，由自反大指。Eclipse 把 SVM 带到以太坊 Layer 2，代币总量和解锁节奏都写得很清楚。 #Gate Alpha 第三届积分狂欢节 & ES Launchpool# 详情见 https://www.gate.io/zh/article/12345 ，欢迎 @gate_zh 的朋友一起讨论。",
	"第三届积分狂欢节来了！＃Gate Alpha 第三届积分狂欢节 & ES Launchpool＃ 这次我质押了 2000 ES，APR 大概 12%，比上一期高。Ｅｃｌｉｐｓｅ 的代币机制：总量 10 亿，解锁分 36 个月。新手提醒：先看清规则（持仓、积分、奖励），再决定投入多少。guaranteed profit 这种话别信，稳赚不赔的项目不存在。",
}

// BenchmarkScanExport reads export-like posts as the checker does under
// the bench rules: every fold, the rule file's default exclusions, the
// banned words and topic keywords.
func BenchmarkScanExport(b *testing.B) {
	var sb scanBench
	b.SetBytes(int64(sb.warm(exportPosts)))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range exportPosts {
			sb.scan(p)
		}
	}
}

// scanBench scans as the checker does under the bench rules: every fold,
// the rule file's default exclusions, the banned words and topic
// keywords.
type scanBench struct {
	ix   *PhraseIndex
	sc   Scanner
	hits PhraseHits
	w    scanBenchWording
}

// warm compiles the phrases and scans every post once, so that the
// buffers are grown and the tables built before the timing starts; it
// returns the posts' bytes.
func (sb *scanBench) warm(posts []string) int {
	sb.ix = CompilePhraseIndex(benchExportGroups, AllFolds)
	n := 0
	for _, p := range posts {
		sb.scan(p)
		n += len(p)
	}
	return n
}

func (sb *scanBench) scan(p string) {
	const ex = ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace
	sb.sc.Scan(p, AllFolds, ex, sb.ix, &sb.hits, &sb.w)
}
