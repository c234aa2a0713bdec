package campaign_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/rules"
)

// benchSentences are the pieces the posts of benchPosts are made of: the
// Chinese, ASCII words, digits and full-width punctuation of the bench
// exports that scripts/bench.sh times.
var benchSentences = []string{
	"我这周在 Launchpool 质押了 %d 个 ES，年化大概 %d%%，比预期高一点。",
	"群里有人问Eclipse值不值得参与，我的答案是看仓位。",
	"Eclipse 把 SVM 带到以太坊 Layer 2，这个方向我一直很看好。",
	"今天 APR 掉到了 %d%%，估计是参与人数多了，也正常。",
	"My take on ES: the tokenomics look fair, unlock over %d months. ",
	"新手提醒：先看清持仓奖励规则，再决定投入 %d 还是更多。",
	"对比了三家平台的质押挖矿，这里的门槛最低，只要 %d 就能参加。\n",
}

// benchPosts writes n JSON Lines posts of about 1 KB shaped as the bench
// exports are (80 % with the campaign tag, three image URLs each, all in
// the window, no two alike) and returns the file's path.
func benchPosts(b testing.TB, n int) string {
	b.Helper()
	var sb strings.Builder
	seed := uint64(1)
	for i := range n {
		var content strings.Builder
		if i%5 != 0 {
			content.WriteString("#Gate Alpha 第三届积分狂欢节 & ES Launchpool#\n")
		}
		for j := 0; content.Len() < 900; j++ {
			s := benchSentences[(i+j*3)%len(benchSentences)]
			if strings.Contains(s, "%d") {
				s = strings.ReplaceAll(s, "%d", fmt.Sprint((i*31+j*7)%2000))
			}
			content.WriteString(strings.ReplaceAll(s, "%%", "%"))
			// Characters drawn at random keep the posts apart, as
			// the bench exports' are: only planted copies are alike.
			for range 4 {
				seed = seed*6364136223846793005 + 1442695040888963407
				content.WriteRune(rune(0x4E00 + seed>>33%0x5000))
			}
		}
		u := fmt.Sprintf("https://img.example.com/g%07d/", i)
		line, err := json.Marshal(map[string]any{
			"id": fmt.Sprintf("g%07d", i), "author": fmt.Sprintf("user%06d", i*7919%50000),
			"content": content.String(), "images": []string{u + "1.png", u + "2.png", u + "3.png"},
			"created_at": fmt.Sprintf("2025-07-%02dT10:%02d:00+08:00", 15+i%7, i%60),
			"likes":      i % 97, "comments": i % 13, "reposts": i % 7, "views": i * 3,
		})
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(line)
		sb.WriteByte('\n')
	}
	path := filepath.Join(b.TempDir(), "posts.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkValidatePath is `promo validate -o json` without the command:
// reading, checking, the cross-entry checks and the JSON report, on the
// bench rules. allocs/post is issue #9's allocation budget (at most 8).
func BenchmarkValidatePath(b *testing.B) {
	const n = 5000
	r, err := rules.Load("../../testdata/bench/rules.yaml")
	if err != nil {
		b.Fatal(err)
	}
	path := benchPosts(b, n)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		res, err := campaign.Evaluate(context.Background(), r, []string{path}, campaign.Options{})
		if err != nil || len(res.Entries) != n {
			b.Fatalf("%v entries, err %v", len(res.Entries), err)
		}
		if err := report.ValidationJSON(io.Discard, report.NewValidation(res)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*n), "allocs/post")
}
