package text

import (
	"strings"
	"testing"
)

func TestFindTagsPositions(t *testing.T) {
	text := "第一行\n参加 #积分狂欢节# 和 $ES\n\n＃ES"
	got := FindTags(text, SyntaxAuto)
	want := []Tag{
		{Kind: Topic, Text: "#积分狂欢节#", Line: 2},
		{Kind: Cashtag, Text: "$ES", Line: 2},
		{Kind: Hashtag, Text: "＃ES", Line: 4},
	}
	if len(got) != len(want) {
		t.Fatalf("FindTags = %+v, want %d tags", got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.Kind || g.Text != w.Text || g.Line != w.Line {
			t.Errorf("tag %d = %+v, want %+v", i, g, w)
		}
		if text[g.Start:g.End] != g.Text {
			t.Errorf("tag %d: text[%d:%d] = %q, want %q", i, g.Start, g.End, text[g.Start:g.End], g.Text)
		}
	}
}

func TestFindTagsOffsetsIndexNormalizedText(t *testing.T) {
	text := "e\u0301 #cafe\u0301 \xff #话题#"
	n := Normalize(text)
	for _, tg := range FindTags(text, SyntaxAuto) {
		if n[tg.Start:tg.End] != tg.Text {
			t.Errorf("Normalize(s)[%d:%d] = %q, tag says %q", tg.Start, tg.End, n[tg.Start:tg.End], tg.Text)
		}
	}
}

func TestTagKindString(t *testing.T) {
	for k, want := range map[TagKind]string{Hashtag: "hashtag", Topic: "topic", Cashtag: "cashtag", 0: "unknown"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		syn  Syntax
		want string // kind:text pairs joined by |
	}{
		{"words and spaces", "ES Launchpool 挖矿", SyntaxAuto, "text:ES|space: |text:Launchpool|space: |text:挖矿"},
		{"a URL holding # is a URL", "see https://x.com/a#b #ES", SyntaxAuto, "text:see|space: |url:https://x.com/a#b|space: |tag:#ES"},
		{"a topic with spaces is one span", "#Gate Alpha 第三届# 好", SyntaxAuto, "tag:#Gate Alpha 第三届#|space: |text:好"},
		{"mention, cashtag, punctuation", "@张三 买$ES！", SyntaxAuto, "mention:@张三|space: |text:买|tag:$ES|punct:！"},
		{"twitter mentions are ASCII", "@bob_1 @张三", SyntaxTwitter, "mention:@bob_1|space: |punct:@|text:张三"},
		{"emoji runs", "好👍🏽🇨🇳!", SyntaxAuto, "text:好|emoji:👍🏽🇨🇳|punct:!"},
		{"URL ends before trailing punctuation", "(see https://x.com/a_(b)).", SyntaxAuto, "punct:(|text:see|space: |url:https://x.com/a_(b)|punct:).|"},
		{"www URL", "去www.gate.com看", SyntaxAuto, "text:去|url:www.gate.com|text:看"},
		{"invisible characters are space", "a\u200bb\ufeff", SyntaxAuto, "text:a|space:\u200b|text:b|space:\ufeff"},
		{"a mark after a URL stays with it", "https://x.com/cq\u0301 a", SyntaxAuto, "url:https://x.com/cq\u0301|space: |text:a"},
		{"a composed letter stays in a URL's path", "https://x.com/co\u0301 a", SyntaxAuto, "url:https://x.com/c\u00f3|space: |text:a"},
		{"a letter glued to the top-level domain is no URL", "https://x.co\u0301 a", SyntaxAuto, "text:https|punct:://|text:x|punct:.|text:c\u00f3|space: |text:a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Normalize(tt.text)
			var parts []string
			for _, sp := range Tokenize(tt.text, tt.syn, nil) {
				parts = append(parts, sp.Kind.String()+":"+n[sp.Start:sp.End])
			}
			got := strings.Join(parts, "|")
			want := strings.TrimSuffix(tt.want, "|")
			if got != want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.text, got, want)
			}
		})
	}
}

// checkPartition fails unless spans cover text exactly, in order.
func checkPartition(t *testing.T, text string, spans []Span) {
	t.Helper()
	at := 0
	for _, sp := range spans {
		if sp.Start != at || sp.End <= sp.Start {
			t.Fatalf("spans %+v do not partition %q at byte %d", spans, text, at)
		}
		at = sp.End
	}
	if at != len(text) {
		t.Fatalf("spans %+v end at %d, text is %d bytes", spans, at, len(text))
	}
}

func TestTokenizePartitions(t *testing.T) {
	for _, s := range []string{"", "a", "\u0600#tag", "https://x.com\u0301#a#", "#a https://x.com/ b#", "@@@###$$$"} {
		for _, syn := range []Syntax{SyntaxAuto, SyntaxTwitter, SyntaxWeibo} {
			checkPartition(t, Normalize(s), Tokenize(s, syn, nil))
		}
	}
}

func TestSpanKindString(t *testing.T) {
	if SpanEmoji.String() != "emoji" || SpanKind(99).String() != "unknown" {
		t.Error("SpanKind.String")
	}
}

// TestNextHashOnLine: the closing sigil is found past any characters,
// ASCII or not, and not past a line end of any kind.
func TestNextHashOnLine(t *testing.T) {
	cases := []struct {
		name, s string
		at, n   int
	}{
		{"ascii", "ab c#d", 4, 1},
		{"han", "话题#", 6, 1},
		{"full-width sigil", "话题＃", 6, 3},
		{"full-width dollar", "话＄题#", 9, 1},
		{"emoji", "🎉#", 4, 1},
		{"latin", "café#", 5, 1},
		{"none", "话题", -1, 0},
		{"newline", "话\n题#", -1, 0},
		{"carriage return", "话\r#", -1, 0},
		{"vertical tab", "a\v#", -1, 0},
		{"form feed", "a\f#", -1, 0},
		{"next line", "a\u0085#", -1, 0},
		{"line separator", "话\u2028#", -1, 0},
		{"paragraph separator", "话\u2029#", -1, 0},
		{"other E2", "a\u2026#", 4, 1},
		{"other C2", "a\u00a0#", 3, 1},
		{"other EF", "a\uff0c#", 4, 1},
		{"invalid", "a\xe5#", 2, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if at, n := nextHashOnLine(c.s, 0, len(c.s)); at != c.at || n != c.n {
				t.Errorf("nextHashOnLine(%q) = %d, %d, want %d, %d", c.s, at, n, c.at, c.n)
			}
		})
	}
}
