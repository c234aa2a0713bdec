package announce

import (
	"cmp"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/rules"
	"github.com/shopspring/decimal"
)

var plainDecimal = regexp.MustCompile(`^[0-9]{1,30}(\.[0-9]{1,18})?$`)

// FuzzInfer: whatever the announcement, what Infer finds holds together
// (checkInferred), and the rule file init writes from it is one that
// rules.Parse, the decoder every command uses, accepts and reads back to
// the same values.
func FuzzInfer(f *testing.F) {
	f.Add("🎉 #Gate Alpha#\n總獎池:1,250 枚 ES\n帶上Tag #Gate Alpha# 發帖(≥60字)並曬出截圖\n最優的 10 位")
	f.Add("Post with #A and $B\n2025-07-15 10:00 - 18:00 (GMT+08:00)\nthe best 15 posts share a 2,500 USDT prize pool")
	f.Add("活动时间：２０２６年２月１０日～２月２０日（ＵＴＣ＋８）\n总奖池：５，０００ 枚 ＧＴ")
	f.Add("Dec 28 – Jan 5, 2026 Asia/Tokyo\n$5k in USDC")
	f.Add("#\u2028#\n\xff\xfe$\n")
	dir := briefDir(f)
	f.Fuzz(func(t *testing.T, s string) {
		inf := Infer(s)
		checkInferred(t, s, &inf)
		checkTemplate(t, dir, &inf)
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

// briefDir is a folder holding the brief.txt that templates name, since
// rules.Parse checks that content.brief exists.
func briefDir(t testing.TB) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "brief.txt"), []byte("brief\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// checkTemplate writes the rule file for inf into dir and parses it the
// way promo loads a rule file: it must load, and hold what was inferred.
func checkTemplate(t *testing.T, dir string, inf *Inferred) *rules.Rules {
	t.Helper()
	out := Template(inf, "brief.txt")
	r, err := rules.Parse(filepath.Join(dir, "rules.yaml"), out)
	if err != nil {
		t.Fatalf("the rule file init writes does not load:\n%v\n%s", err, out)
	}
	want := []struct {
		key       string
		got, want any
	}{
		{"name", r.Name, or(inf.Name, defaultName)},
		{"window.start", r.Window.StartText, inf.WindowStart},
		{"window.end", r.Window.EndText, inf.WindowEnd},
		{"window.timezone", r.Window.Timezone, or(inf.Timezone, defaultZone)},
		{"tags.all_of", strings.Join(r.Tags.AllOf, "\n"), strings.Join(inf.Tags, "\n")},
		{"length.min", r.Length.Min, inf.MinLength},
		{"length.unit", string(r.Length.Unit), or(inf.Unit, "graphemes")},
		{"media.min_images", r.Media.MinImages, inf.MinImages},
		{"rewards.pool", r.Rewards.Pool.String(), decimal.RequireFromString(or(inf.Pool, defaultPool)).String()},
		{"rewards.token", r.Rewards.Token, or(inf.Token, defaultToken)},
		{"rewards.winners", r.Rewards.Winners, cmp.Or(inf.Winners, defaultWinners)},
	}
	for _, w := range want {
		if w.got != w.want {
			t.Errorf("%s reads back as %#v, inferred %#v; rule file:\n%s", w.key, w.got, w.want, out)
		}
	}
	return r
}

// TestFuzzCorpus runs every seed in testdata/fuzz/FuzzInfer, and each
// announcement of the golden tests, through the checks of FuzzInfer, so
// the corpus is checked by a plain go test and not only counted.
func TestFuzzCorpus(t *testing.T) {
	seeds, err := filepath.Glob("testdata/fuzz/FuzzInfer/*")
	if err != nil || len(seeds) < 3 {
		t.Fatalf("want at least 3 seed files in testdata/fuzz/FuzzInfer, got %d (%v)", len(seeds), err)
	}
	announcements, _ := filepath.Glob("testdata/*.txt")
	dir := briefDir(t)
	for _, path := range append(seeds, announcements...) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s := readSeed(t, path)
			inf := Infer(s)
			checkInferred(t, s, &inf)
			checkTemplate(t, dir, &inf)
		})
	}
}

// readSeed returns the string of a "go test fuzz v1" corpus file, or the
// whole file for a plain announcement.
func readSeed(t *testing.T, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := strings.CutPrefix(string(data), "go test fuzz v1\n")
	if !ok {
		return string(data)
	}
	lit := strings.TrimSpace(body)
	inner, ok := strings.CutPrefix(lit, "string(")
	if !ok || !strings.HasSuffix(inner, ")") {
		t.Fatalf("%s: want one string value, got %s", path, lit)
	}
	s, err := strconv.Unquote(strings.TrimSuffix(inner, ")"))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}
