package commands_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
)

// procsWriter keeps what a run writes and the GOMAXPROCS at each write.
type procsWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	seen map[int]bool
}

func (w *procsWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen[runtime.GOMAXPROCS(0)] = true
	return w.buf.Write(p)
}

// --workers bounds the whole run, the output written at its end included,
// and the process has its CPUs back once the run ends. The stages after
// the read split their work by GOMAXPROCS, so a bound on the readers alone
// left --workers 1 using every core.
func TestWorkersBoundTheRun(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	}
	before := runtime.GOMAXPROCS(0)
	rules, exp := "../../testdata/sample/rules.yaml", "../../testdata/sample/export"
	tests := []struct {
		name string
		args []string
	}{
		{"validate", []string{"validate", "-q", "-o", "json", "-r", rules, exp}},
		{"rank", []string{"rank", "-q", "-o", "json", "-r", rules, exp}},
		{"explain", []string{"explain", "-q", "-r", rules, exp, "p35"}},
		{"draw", []string{"draw", "-q", "--seed", "abc", "-r", rules, exp}},
		{"report", []string{"report", "-q", "-r", rules, exp}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, workers := range []int{1, before} {
				out := &procsWriter{seen: map[int]bool{}}
				var errOut bytes.Buffer
				args := append(tt.args[:1:1], append([]string{"--workers", fmt.Sprint(workers)}, tt.args[1:]...)...)
				if code := commands.Run(context.Background(), args, commands.TestStreams(strings.NewReader(""), out, &errOut)); code != 0 {
					t.Fatalf("promo %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
				}
				if len(out.seen) != 1 || !out.seen[workers] {
					t.Errorf("--workers %d: GOMAXPROCS while writing the output %v, want only %d", workers, out.seen, workers)
				}
				if n := runtime.GOMAXPROCS(0); n != before {
					t.Errorf("--workers %d: GOMAXPROCS %d after the run, want %d as before", workers, n, before)
				}
			}
		})
	}
}

// The output is the same bytes whatever --workers: one core, or every
// stage split. The export is large enough for the stages after the read
// to split their loops (at least 2 × 16,384 entries), with near-duplicates,
// authors over their limit and entries without the tag.
func TestWorkersSameOutput(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("judges 34,000 posts four times")
	}
	dir := t.TempDir()
	exp := filepath.Join(dir, "posts.jsonl")
	if err := os.WriteFile(exp, manyPosts(34000), 0o644); err != nil {
		t.Fatal(err)
	}
	rules := "../../testdata/bench/rules.yaml"
	for _, cmd := range []string{"validate", "rank"} {
		t.Run(cmd, func(t *testing.T) {
			var outs []string
			for _, workers := range []string{"1", "3"} {
				var out, errOut bytes.Buffer
				args := []string{cmd, "-q", "-o", "json", "--workers", workers, "-r", rules, exp}
				if code := commands.Run(context.Background(), args, commands.TestStreams(strings.NewReader(""), &out, &errOut)); code != 0 {
					t.Fatalf("promo %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
				}
				outs = append(outs, out.String())
			}
			if outs[0] != outs[1] {
				t.Errorf("promo %s -o json: the output with --workers 1 and 3 differs", cmd)
			}
		})
	}
}

// manyPosts is an export of n posts in JSONL: texts made of numbered
// sentences and random characters, so that they differ, one in 40 a near
// copy of an earlier post, one in 12 without the campaign tag, and fewer
// authors than posts.
func manyPosts(n int) []byte {
	rnd := rand.New(rand.NewPCG(1, 2))
	hanzi := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车")
	sentences := []string{
		"我这周在 Launchpool 质押了 %d 个 ES，年化大概 %d%%，比预期高一点。",
		"Eclipse 把 SVM 带到以太坊 Layer 2，这个方向我一直很看好，第 %d 天，收益 %d。",
		"Day %d of farming ES, rewards arriving as promised, APR %d%%. ",
		"新手提醒：先看清规则，再决定投入 %d 还是更多，解锁分 %d 期。",
		"昨天刷 Alpha 积分刷到了第 %d 名，代币总量和解锁节奏要看清楚 %d。",
	}
	var b bytes.Buffer
	texts := make([]string, n)
	for i := range n {
		var text strings.Builder
		if i%12 != 5 {
			text.WriteString("#Gate Alpha 第三届积分狂欢节 & ES Launchpool#\n")
		}
		if i%40 == 39 {
			text.WriteString(texts[i-17] + "再补一句。")
		} else {
			for k := range 2 {
				fmt.Fprintf(&text, sentences[(i+k*3)%len(sentences)], i*7+k, (i*13+k*5)%997)
				for range 12 {
					text.WriteRune(hanzi[rnd.IntN(len(hanzi))])
				}
			}
		}
		texts[i] = text.String()
		fmt.Fprintf(&b, `{"id":"m%06d","author":"user%05d","content":%q,"images":["https://img.example.com/%d.png"],"created_at":"2025-07-16T10:%02d:%02d+08:00","likes":%d,"views":%d}`+"\n",
			i, (i*7919)%(n*3/4), texts[i], i, i/60%60, i%60, i%97, i%1009*10)
	}
	return b.Bytes()
}
