package check_test

import (
	"slices"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
)

// FuzzInspect: any post text goes through every check without a panic,
// with a length that is never negative, reasons that carry their code, and
// the same reason codes whether or not passes are recorded.
func FuzzInspect(f *testing.F) {
	for _, s := range []string{
		"", campaignTag + " " + ownWords, "＃Gate Alpha 第三屆積分狂歡節 & ES Launchpool＃", "#ES $ES #ESLaunchpool",
		"##", "#\n#", "@bob https://x.io/a?b=#c# 👍🏽", "稳赚不赔 guaranteed profit", "\x00\xff\xfe", "e\u0301\u200d\u3000",
	} {
		f.Add(s)
	}
	c := mustChecker(f, sampleRules)
	f.Fuzz(func(t *testing.T, content string) {
		p := &export.Post{ID: "p", Author: "alice", Content: content, HasTime: true, CreatedAt: inWindow}
		var findings [2][]string
		for i, verbose := range []bool{false, true} {
			e := c.Inspect(p, &check.Workspace{}, verbose)
			for _, r := range e.Reasons {
				if !r.Pass {
					findings[i] = append(findings[i], string(r.Code))
				}
			}
			if e.Measure.Length < 0 {
				t.Fatalf("length %d", e.Measure.Length)
			}
			if e.Measure.Topics < 0 || e.Measure.Topics > c.Topics() {
				t.Fatalf("topics %d of %d", e.Measure.Topics, c.Topics())
			}
			if b := e.Measure.Brief; b < 0 || b > 1 {
				t.Fatalf("brief containment %v", b)
			}
			for _, r := range e.Reasons {
				if r.Code == "" || r.Message == "" {
					t.Fatalf("reason without code or message: %+v", r)
				}
			}
		}
		// verbose adds the passed checks and detail for explain; the codes found
		// against a post, and so its verdict, are the same either way.
		if !slices.Equal(findings[0], findings[1]) {
			t.Fatalf("codes %q, verbose %q", findings[0], findings[1])
		}
	})
}
