package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/integrity"
)

func TestInspectEntry(t *testing.T) {
	p := validPost()
	p.Likes, p.Comments, p.Reposts, p.Views = 5, 2, 1, 100
	p.Line = 7
	var ws check.Workspace
	e := mustChecker(t, sampleRules).Inspect(p, &ws, false)
	if !e.Valid() || len(e.Reasons) != 0 {
		t.Fatalf("reasons %+v, want none", e.Reasons)
	}
	if e.ID != "p1" || e.Author != "alice" || e.Source() != "posts.jsonl:7" || !e.HasTime || !e.CreatedAt.Equal(inWindow) {
		t.Errorf("identity %+v", e)
	}
	m := e.Measure
	if m.Length != 90 || m.Images != 1 || m.Topics != 2 || m.Likes != 5 || m.Comments != 2 || m.Reposts != 1 || m.Views != 100 {
		t.Errorf("measure %+v", m)
	}
	if text, _ := ws.Signatures(); !text.OK {
		t.Error("text signature missing")
	}
}

func TestUnreadable(t *testing.T) {
	p := &export.Post{ID: "posts.jsonl:3", File: "posts.jsonl", Line: 3, Unreadable: "line 3: invalid JSON; fix the record"}
	e := inspect(t, sampleRules, p)
	assertReasons(t, e.Reasons, []check.Reason{{Code: check.Unreadable, Message: "line 3: invalid JSON; fix the record"}})
	if e.Source() != "posts.jsonl:3" {
		t.Errorf("source %q", e.Source())
	}
}

// TestEveryCodeThatApplies: one post, several faults, every one reported
// in check order.
func TestEveryCodeThatApplies(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *export.Post)
		want string
	}{
		{name: "valid", edit: func(*export.Post) {}, want: ""},
		{name: "three faults", edit: func(p *export.Post) {
			p.Content, p.Images = "太短了", nil
		}, want: "missing-tag too-short no-image"},
		{name: "all per-post faults", edit: func(p *export.Post) {
			p.Content = "稳赚不赔"
			p.Images = nil
			p.HasTime, p.CreatedAt = false, time.Time{}
			p.Author = "FREE_ES_BOT"
		}, want: "missing-tag too-short no-image no-timestamp blocked-author banned-word"},
		{name: "pasted brief, late", edit: func(p *export.Post) {
			p.Content = campaignTag + " 活动结束后，运营团队将从所有合格帖子中评选出内容质量最优的 10 位用户，平分 1,250 ES。" +
				"每位用户仅以其最佳的一篇帖子参与评选；搬运、洗稿或盗用他人截图的内容将被取消资格。最终结果以官方公布为准。"
			p.CreatedAt = time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
		}, want: "outside-window copies-brief"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validPost()
			tt.edit(p)
			e := inspect(t, sampleRules, p)
			if got := codes(e.Reasons); got != tt.want {
				t.Errorf("codes [%s], want [%s]", got, tt.want)
			}
		})
	}
}

// TestVerbose: explain sees every check, passes included, each with what
// it measured and the limit it held it to.
func TestVerbose(t *testing.T) {
	c := mustChecker(t, sampleRules)
	e := c.Inspect(validPost(), &check.Workspace{}, true)
	const window = "2025-07-15 10:00:00 +08:00 to 2025-07-22 23:59:59 +08:00"
	note := " (tags, urls, mentions and whitespace not counted)"
	want := []check.Reason{
		{Code: check.MissingTag, Pass: true, Message: "has " + campaignTag, Measured: campaignTag, Limit: campaignTag},
		{Code: check.TooShort, Pass: true, Message: "90 graphemes, at least 60 needed" + note, Measured: "90", Limit: "60"},
		{Code: check.TooLong, Pass: true, Message: "90 graphemes, at most 2000 allowed" + note, Measured: "90", Limit: "2000"},
		{Code: check.NoImage, Pass: true, Message: "1 image attached", Measured: "1", Limit: "1"},
		{Code: check.OutsideWindow, Pass: true, Message: "posted 2025-07-16 12:30:00 +08:00, inside " + window,
			Measured: "2025-07-16 12:30:00 +08:00", Limit: window},
		{Code: check.BlockedAuthor, Pass: true, Message: "author alice is not on the blocklist", Measured: "alice"},
		{Code: check.BannedWord, Pass: true, Message: "no banned word"},
		{Code: check.CopiesBrief, Pass: true, Message: "0% of the wording is in the brief, the limit is 60%", Measured: "0.00", Limit: "0.60"},
	}
	assertReasons(t, e.Reasons, want)
	if !e.Valid() {
		t.Error("an entry with passes only is not Valid")
	}
	if e.Has(check.MissingTag) {
		t.Error("Has reports a passed check")
	}
	if len(check.Failed(e.Reasons)) != 0 {
		t.Errorf("Failed = %+v", check.Failed(e.Reasons))
	}
}

// TestVerboseMixed: a failed check reads the same verbose or not.
func TestVerboseMixed(t *testing.T) {
	c := mustChecker(t, sampleRules)
	p := validPost()
	p.Content = campaignTag + " 太短了"
	quiet := c.Inspect(p, &check.Workspace{}, false)
	loud := c.Inspect(p, &check.Workspace{}, true)
	assertReasons(t, check.Failed(loud.Reasons), quiet.Reasons)
	if loud.Valid() || !loud.Has(check.TooShort) {
		t.Errorf("verbose entry: Valid %v, Has(too-short) %v", loud.Valid(), loud.Has(check.TooShort))
	}
}

// TestWorkspaceReuse: a workspace carried from post to post leaves no
// trace of the previous post.
func TestWorkspaceReuse(t *testing.T) {
	c := mustChecker(t, sampleRules)
	var ws check.Workspace
	long := validPost()
	short := validPost()
	short.Content = campaignTag + " 短"
	var fresh check.Workspace
	first := c.Inspect(short, &fresh, false)
	firstText, _ := fresh.Signatures()
	c.Inspect(long, &ws, false)
	again := c.Inspect(short, &ws, false)
	againText, _ := ws.Signatures()
	assertReasons(t, again.Reasons, first.Reasons)
	if againText != firstText || again.Measure.Length != first.Measure.Length {
		t.Error("measure differs after reusing the workspace")
	}
}

func TestNewRejectsBadBrief(t *testing.T) {
	r := mustRules(t, "content: {brief: testdata/announcement.txt}\n")
	r.Content.BriefPath = "testdata/no-such-brief.txt"
	if _, err := check.New(r); err == nil {
		t.Fatal("New accepted a missing brief")
	}
}

// TestUnnormalizedText: text that is not NFC, or not valid UTF-8, is read
// as its normalized form, the one tag and span offsets refer to.
func TestUnnormalizedText(t *testing.T) {
	tests := []struct {
		name, raw, nfc string
	}{
		{name: "decomposed accents", raw: "Cafe\u0301 #ES cafe\u0301 re\u0301sume\u0301 na\u0131\u0308ve 한국어", nfc: "Café #ES café résumé naı̈ve 한국어"},
		{name: "decomposed hangul", raw: "\u1112\u1161\u11ab\u1100\u116e\u11a8 #ES 입니다 정말", nfc: "한국 #ES 입니다 정말"},
		{name: "invalid bytes", raw: "\x00\xff\xfe #ES 好的好的", nfc: "\x00\ufffd\ufffd #ES 好的好的"},
	}
	c := mustChecker(t, sampleRules)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rws, nws check.Workspace
			raw := c.Inspect(&export.Post{ID: "p", Content: tt.raw}, &rws, false)
			nfc := c.Inspect(&export.Post{ID: "p", Content: tt.nfc}, &nws, false)
			rawText, _ := rws.Signatures()
			nfcText, _ := nws.Signatures()
			if rawText != nfcText || raw.Measure.Length != nfc.Measure.Length {
				t.Errorf("raw and NFC texts measure differently: %+v / %+v", raw.Measure.Length, nfc.Measure.Length)
			}
			assertReasons(t, raw.Reasons, nfc.Reasons)
		})
	}
}

// TestSimilarityIgnoresTagFolds: a post's text signature and brief
// containment are the same whatever folds the rule's tags compare under
// (they changed with match.fold_case and fold_space before).
func TestSimilarityIgnoresTagFolds(t *testing.T) {
	p := validPost()
	p.Content = campaignTag + " ＡＢＣ Gate Alpha ❤️ 正文不少于 60 字，可以介绍项目的亮点与代币机制。" + ownWords
	want, wantText := inspectText(t, sampleRules, p)
	for _, match := range []string{
		"{fold_case: false}", "{fold_space: false}", "{fold_width: false}", "{fold_script: false}",
		"{fold_width: false, fold_case: false, fold_space: false, fold_script: false}",
	} {
		yaml := strings.Replace(sampleRules, "tags:\n", "tags:\n  match: "+match+"\n", 1)
		got, gotText := inspectText(t, yaml, p)
		if gotText.Sig != wantText.Sig || gotText.Exact != wantText.Exact || got.Brief != want.Brief {
			t.Errorf("match %s: similarity measures differ from the default folds' (brief %v, want %v)", match, got.Brief, want.Brief)
		}
	}
}

// inspectText is inspect that also returns the post's text signature.
func inspectText(t testing.TB, yaml string, p *export.Post) (check.Measure, integrity.TextDoc) {
	t.Helper()
	var ws check.Workspace
	e := mustChecker(t, yaml).Inspect(p, &ws, false)
	text, _ := ws.Signatures()
	return e.Measure, text
}
