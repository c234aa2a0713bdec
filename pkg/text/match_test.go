package text

import (
	"strings"
	"testing"
)

const seedRule = "#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"

func TestCompileTag(t *testing.T) {
	tests := []struct {
		rule    string
		kind    TagKind
		wantErr string // a fragment of the error; "" for success
	}{
		{seedRule, Topic, ""},
		{"  #ES  ", Hashtag, ""},
		{"$ES", Cashtag, ""},
		{"#ES#", Topic, ""},
		{"＃积分狂欢节＃", Topic, ""},
		{"", 0, "empty tag"},
		{"ES", 0, `write "#ES#" for a topic, "#ES" for a hashtag or "$ES" for a cashtag`},
		{"#A #B#", 0, "holds more than one tag"},
		{"#ES #BTC", 0, "holds more than one tag"},
		{"#Gate Alpha", 0, `has spaces but no closing #: write "#Gate Alpha#"`},
		{"##", 0, "is empty"},
		{"#12", 0, "is not a hashtag"},
		{"$TOOLONG", 0, "is not a cashtag"},
		{"@bob", 0, "is a mention"},
		{"#a\nb#", 0, "spans lines"},
		{"#\u200b#", 0, "is empty"},
		{"#\ufe0f#", 0, "empty once folded"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			r, err := CompileTag(tt.rule, AllFolds)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("CompileTag(%q) = %v kind, want an error", tt.rule, r.Kind())
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %q lacks %q", err, tt.wantErr)
				}
				if msg := err.Error(); msg != strings.ToLower(msg[:1])+msg[1:] || strings.HasSuffix(msg, ".") {
					t.Errorf("error %q should start in lower case and end without a period", msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Kind() != tt.kind {
				t.Errorf("kind %v, want %v", r.Kind(), tt.kind)
			}
			if r.Text() != strings.TrimSpace(tt.rule) {
				t.Errorf("Text() = %q", r.Text())
			}
		})
	}
}

// The done-when: a Traditional, full-width variant of the seed's
// tag matches the Simplified rule, and the second edition does not.
func TestSeedTagDoneWhen(t *testing.T) {
	r, err := CompileTag(seedRule, AllFolds)
	if err != nil {
		t.Fatal(err)
	}
	variant := "＃Ｇａｔｅ Ａｌｐｈａ 第三屆積分狂歡節 ＆ ＥＳ Ｌａｕｎｃｈｐｏｏｌ＃"
	if !r.Match(Prepare("參與 "+variant+" 活動", AllFolds)) {
		t.Errorf("%q should match %q", variant, seedRule)
	}
	second := "#Gate Alpha 第二届积分狂欢节 & ES Launchpool#"
	if r.Match(Prepare(second, AllFolds)) {
		t.Errorf("%q should not match %q", second, seedRule)
	}
}

func TestMatchUnderAnotherFold(t *testing.T) {
	r, _ := CompileTag("#ES", AllFolds)
	if !r.Match(Prepare("#es", Fold{})) {
		t.Error("a post prepared without folds should still be matched under the rule's folds")
	}
}

func TestPreparedTags(t *testing.T) {
	p := Prepare("#ES and #积分狂欢节# $ES", AllFolds)
	var got []string
	for _, tg := range p.Tags() {
		got = append(got, tg.Kind.String()+" "+tg.Text)
	}
	want := []string{"hashtag #ES", "topic #积分狂欢节#", "cashtag $ES"}
	if !equalStrings(got, want) {
		t.Errorf("Tags() = %q, want %q", got, want)
	}
	if p.Text() != "#ES and #积分狂欢节# $ES" || p.Folded() != "#es and #积分狂欢节# $es" {
		t.Errorf("Text %q, Folded %q", p.Text(), p.Folded())
	}
}

func TestClosest(t *testing.T) {
	tests := []struct {
		name   string
		rule   string
		post   string
		found  string
		line   int
		reason string
	}{
		{"no closing #", seedRule, "好\n#Gate Alpha 第三届积分狂欢节 & ES Launchpool 冲", "#Gate Alpha 第三届积分狂欢节 & ES Launchpool", 2, "found without its closing #"},
		{"no opening #", seedRule, "Gate Alpha 第三届积分狂欢节 & ES Launchpool# 冲", "Gate Alpha 第三届积分狂欢节 & ES Launchpool#", 1, "found without its opening #"},
		{"no # at all", "#积分狂欢节#", "参加积分狂欢节", "积分狂欢节", 1, "found without its # signs"},
		{"another edition", seedRule, "#Gate Alpha 第二屆积分狂欢节 & ES Launchpool#", "#Gate Alpha 第二屆积分狂欢节 & ES Launchpool#", 1, "found 第二届 where the rule says 第三届 (character 14)"},
		{"split across lines", seedRule, "冲\n#Gate Alpha 第三届积分狂欢节 &\nES Launchpool#", "#Gate Alpha 第三届积分狂欢节 &\nES Launchpool#", 2, "split across lines 2–3"},
		{"hashtag for a topic", "#ES#", "I hold #ES", "#ES", 1, "written as a #hashtag, the rule wants a #topic#"},
		{"topic for a hashtag", "#ES", "I hold #ES#", "#ES#", 1, "written as a #topic#, the rule wants a #hashtag"},
		{"longer hashtag", "#ES", "#ESLaunchpool", "#ESLaunchpool", 1, "has Launchpool after the tag's words: a tag matches only whole"},
		{"topic with words after", "#第三届积分狂欢节#", "参加 #第三届积分狂欢节大赛# 吧", "#第三届积分狂欢节大赛#", 1, "has 大赛 after the tag's words: a tag matches only whole"},
		{"topic with words before", "#第三届积分狂欢节#", "#Alpha第三届积分狂欢节#", "#Alpha第三届积分狂欢节#", 1, "has Alpha before the tag's words: a tag matches only whole"},
		{"topic with a spaced word after", "#第三届积分狂欢节#", "#第三届积分狂欢节 大赛#", "#第三届积分狂欢节 大赛#", 1, "has 大赛 after the tag's words: a tag matches only whole"},
		{"topic with words on both sides", "#积分狂欢节#", "#第三届积分狂欢节大赛#", "#第三届积分狂欢节大赛#", 1, "has 第三届 before and 大赛 after the tag's words: a tag matches only whole"},
		{"extra words in the rule's folds", "#第三届积分狂欢节#", "＃第三屆積分狂歡節大賽＃", "＃第三屆積分狂歡節大賽＃", 1, "has 大賽 after the tag's words: a tag matches only whole"},
		{"hashtag without #", "#ES", "buy ES now", "ES", 1, "found without its #"},
		{"cashtag without $", "$ES", "buy ES now", "ES", 1, "found without its $"},
		{"hashtag glued to a letter before it", "#ES", "buy a#ES now", "#ES", 1, `found, but glued to "a" before it: a tag cannot follow a letter, digit, _ or &`},
		{"hashtag glued to a Han character before it", "#ES", "参加#ES 活动", "#ES", 1, `found, but glued to "加" before it: a tag cannot follow a letter, digit, _ or &`},
		{"cashtag glued to a letter before it", "$ES", "buy a$ES now", "$ES", 1, `found, but glued to "a" before it: a tag cannot follow a letter, digit, _ or &`},
		{"hashtag followed by ://", "#ES", "see #ES://x", "#ES", 1, "found, but directly followed by ://, which keeps it from being a hashtag"},
		{"space after the #", "#ES", "buy # ES now", "# ES", 1, "found with a space after its #"},
		{"hashtag running into Han characters", "#ES", "#ES活动", "#ES活动", 1, "has 活动 after the tag's words: a tag matches only whole"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := CompileTag(tt.rule, AllFolds)
			if err != nil {
				t.Fatal(err)
			}
			if r.Match(Prepare(tt.post, AllFolds)) {
				t.Fatalf("%q matches; Closest is for misses", tt.post)
			}
			nm, ok := r.Closest(tt.post)
			if !ok {
				t.Fatal("no near miss found")
			}
			if nm.Found != tt.found || nm.Line != tt.line || nm.Reason != tt.reason {
				t.Errorf("Closest = %+v\nwant {Found:%s Line:%d Reason:%s}", nm, tt.found, tt.line, tt.reason)
			}
		})
	}
	r, _ := CompileTag(seedRule, AllFolds)
	if nm, ok := r.Closest("nothing like it here"); ok {
		t.Errorf("Closest found %+v in an unrelated post", nm)
	}
	if nm, ok := r.Closest(""); ok {
		t.Errorf("Closest found %+v in an empty post", nm)
	}
	es, _ := CompileTag("#ES", AllFolds)
	if nm, ok := es.Closest("#BEST"); ok {
		t.Errorf("Closest found %+v: a longer word does not hold the tag's words", nm)
	}
}

// TestPreparerBodyMemo prepares posts one after another with one Preparer,
// the same tag bodies again and again under every fold, more bodies than
// it remembers: each tag's folded body is what a fresh Preparer gives.
func TestPreparerBodyMemo(t *testing.T) {
	posts := []string{
		seedRule + " 好", "＃Gate Alpha 第三屆積分狂歡節 & ES Launchpool＃", "#ES #es $ES", "#话题# #話題#",
		"#ＥＳ #Ａ #B #C #D #E", "#gate  alpha#", seedRule,
	}
	var pr Preparer
	for round := range 3 {
		for bits := range 16 {
			f := Fold{Width: bits&1 != 0, Case: bits&2 != 0, Space: bits&4 != 0, Script: bits&8 != 0}
			for _, s := range posts {
				got := pr.Prepare(s, f).tags
				want := new(Preparer).Prepare(s, f).tags
				if len(got) != len(want) {
					t.Fatalf("round %d %q under %+v: %d tags, want %d", round, s, f, len(got), len(want))
				}
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("round %d %q under %+v: tag %d %+v, want %+v", round, s, f, i, got[i], want[i])
					}
				}
			}
		}
	}
}
