package announce

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

var plainDecimal = regexp.MustCompile(`^[0-9]{1,30}(\.[0-9]{1,18})?$`)

func FuzzInfer(f *testing.F) {
	f.Add("🎉 #Gate Alpha#\n總獎池:1,250 枚 ES\n帶上Tag #Gate Alpha# 發帖(≥60字)並曬出截圖\n最優的 10 位")
	f.Add("Post with #A and $B\n2025-07-15 10:00 - 18:00 (GMT+08:00)\nthe best 15 posts share a 2,500 USDT prize pool")
	f.Add("活动时间：２０２６年２月１０日～２月２０日（ＵＴＣ＋８）\n总奖池：５，０００ 枚 ＧＴ")
	f.Add("Dec 28 – Jan 5, 2026 Asia/Tokyo\n$5k in USDC")
	f.Add("#\u2028#\n\xff\xfe$\n")
	f.Fuzz(func(t *testing.T, s string) {
		inf := Infer(s)
		checkInferred(t, s, &inf)
		checkRuleFile(t, Template(&inf, "brief.txt"))
	})
}

// checkInferred holds what any inference must satisfy, whatever the text.
func checkInferred(t *testing.T, s string, inf *Inferred) {
	lines := strings.Count(s, "\n") + 1
	for k, src := range inf.From {
		if src.Line < 1 || src.Line > lines {
			t.Fatalf("%s from line %d of %d", k, src.Line, lines)
		}
	}
	if inf.Pool != "" && !plainDecimal.MatchString(inf.Pool) {
		t.Fatalf("pool %q is not a plain decimal", inf.Pool)
	}
	for _, tag := range inf.Tags {
		if tag == "" || !strings.ContainsAny(tag[:1], "#$") && !strings.HasPrefix(tag, "＃") && !strings.HasPrefix(tag, "＄") {
			t.Fatalf("tag %q has no sigil", tag)
		}
	}
	if inf.WindowStart != "" {
		start, err1 := time.Parse(timeLayout, inf.WindowStart)
		end, err2 := time.Parse(timeLayout, inf.WindowEnd)
		if err1 != nil || err2 != nil || !start.Before(end) {
			t.Fatalf("window %q to %q", inf.WindowStart, inf.WindowEnd)
		}
	}
}

// TestFuzzCorpus keeps the corpus files readable by the plain test run.
func TestFuzzCorpus(t *testing.T) {
	files, err := os.ReadDir("testdata/fuzz/FuzzInfer")
	if err != nil || len(files) < 3 {
		t.Fatalf("want at least 3 seed files in testdata/fuzz/FuzzInfer, got %d (%v)", len(files), err)
	}
}
