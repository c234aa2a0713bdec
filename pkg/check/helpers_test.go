package check_test

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/rules"
)

// campaignTag is the sample campaign's tag, as the rule file writes it.
const campaignTag = "#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"

// sampleRules are rules like the sample campaign's, without images to
// verify (tests that need them add their own media section).
const sampleRules = `
name: test
window: {start: "2025-07-15 10:00", end: "2025-07-22 23:59:59", timezone: Asia/Shanghai}
tags:
  all_of: ["#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"]
length: {min: 60, max: 2000, unit: graphemes, exclude: [tags, urls, mentions, whitespace]}
media: {min_images: 1, verify: false}
authors: {max_entries: 1, keep: best, blocklist: [free_es_bot]}
content: {banned: ["稳赚不赔", "guaranteed profit"], brief: testdata/announcement.txt, brief_threshold: 0.6}
scoring:
  topics:
    - {name: 项目亮点, keywords: [Eclipse, SVM, Solana, 以太坊, Layer 2]}
    - {name: 代币机制, keywords: [代币, 总量, 解锁, tokenomics]}
`

// ownWords is a post of the author's own, 60 graphemes and more once the
// tag and spaces are left out, sharing little wording with the brief.
const ownWords = "这次参加Launchpool质押了一些GT，年化收益比我预期的要高，界面也很清楚，" +
	"新手十分钟就能上手。我觉得Eclipse把SVM带到以太坊的思路很有意思，代币解锁节奏也比较温和。"

// inWindow is a time inside the sample window.
var inWindow = time.Date(2025, 7, 16, 4, 30, 0, 0, time.UTC)

func mustRules(t testing.TB, yaml string) *rules.Rules {
	t.Helper()
	r, err := rules.Parse("rules.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("rules.Parse: %v\n%s", err, yaml)
	}
	return r
}

func mustChecker(t testing.TB, yaml string) *check.Checker {
	t.Helper()
	c, err := check.New(mustRules(t, yaml))
	if err != nil {
		t.Fatalf("check.New: %v", err)
	}
	return c
}

func inspect(t testing.TB, yaml string, p *export.Post) check.Entry {
	t.Helper()
	return mustChecker(t, yaml).Inspect(p, &check.Workspace{}, false)
}

// validPost passes every check of sampleRules.
func validPost() *export.Post {
	return &export.Post{
		ID: "p1", Author: "alice", Content: campaignTag + " " + ownWords,
		Images:    []export.Image{{Ref: "https://example.com/a.png", URL: true}},
		CreatedAt: inWindow, HasTime: true, File: "posts.jsonl", Line: 1,
	}
}

func codes(rs []check.Reason) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r.Code)
		if r.Pass {
			s[i] += "(pass)"
		}
	}
	return strings.Join(s, " ")
}

// only returns the single reason with code c, failing the test otherwise.
func only(t *testing.T, e check.Entry, c check.Code) check.Reason {
	t.Helper()
	var found []check.Reason
	for _, r := range e.Reasons {
		if r.Code == c {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s reason, got reasons [%s]", c, codes(e.Reasons))
	}
	return found[0]
}

func writePNG(t testing.TB, path string, w, h int) {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Pix[y*img.Stride+x] = uint8((x*7 + y*3) % 256)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func localImage(dir, name string) export.Image {
	return export.Image{Ref: name, Path: filepath.Join(dir, name)}
}
