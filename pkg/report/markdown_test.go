package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestMarkdownCell(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"pipe", "a|b", `a\|b`},
		{"backslash", `a\b`, `a\\b`},
		{"backslash before pipe", `a\|b`, `a\\\|b`},
		{"asterisks", "**bold**", `\*\*bold\*\*`},
		{"underscores", "__init__", `\_\_init\_\_`},
		{"backticks", "`code`", "\\`code\\`"},
		{"brackets", "[链接](http://x)", `\[链接\](http://x)`},
		{"image", "![x](http://evil.example/x.png)", `!\[x\](http://evil.example/x.png)`},
		{"html", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
		{"strikethrough", "~~gone~~", `\~\~gone\~\~`},
		{"newline", "a\nb", `a\\nb`},
		{"escape sequence", "\x1b[31m", `\\x1b\[31m`},
		{"chinese", "第三届积分狂欢节", "第三届积分狂欢节"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mdCell(tt.in)
			if got != tt.want {
				t.Errorf("mdCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if back := mdUnescape(got); back != EscapeControl(tt.in) {
				t.Errorf("mdCell(%q) = %q reads back as %q, want %q", tt.in, got, back, EscapeControl(tt.in))
			}
		})
	}
}

// mdUnescape is what a CommonMark reader does to a cell: a backslash before
// ASCII punctuation stands for the punctuation, and the two entities mdCell
// writes stand for their characters.
func mdUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">").Replace(b.String())
}

// unescapedPipes counts the pipes a GFM table sees as cell borders.
func unescapedPipes(line string) int {
	n, slashes := 0, 0
	for _, c := range []byte(line) {
		switch {
		case c == '\\':
			slashes++
			continue
		case c == '|' && slashes%2 == 0:
			n++
		}
		slashes = 0
	}
	return n
}

func TestMarkdownHostileTextKeepsTheTable(t *testing.T) {
	hostile := []string{
		"a | b | c", `trailing \`, `\|`, "**x** _y_ `z`", "[a](javascript:alert(1))",
		"<script>alert(1)</script>", "line1\nline2\r\n| x | y |", "~~x~~", "<!-- comment",
	}
	v := sampleValidation()
	v.Entries = nil
	for i, h := range hostile {
		v.Entries = append(v.Entries, Entry{Source: h, ID: h, Author: h, Length: i, Reasons: nil, Valid: true})
	}
	v.Summary = Summarize(v.Entries)
	var buf bytes.Buffer
	if err := ValidationMarkdown(&buf, v); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsAny(out, "<>") {
		t.Errorf("raw < or > in Markdown:\n%s", out)
	}
	var rows []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "|") {
			rows = append(rows, line)
		}
	}
	if len(rows) != 2+len(hostile) {
		t.Fatalf("%d table lines, want %d:\n%s", len(rows), 2+len(hostile), out)
	}
	for _, r := range rows {
		if n := unescapedPipes(r); n != 8 {
			t.Errorf("line %q has %d cell borders, want 8", r, n)
		}
	}
}
