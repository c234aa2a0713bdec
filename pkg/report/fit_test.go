package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// cjkTable is a validate-like table whose cells mix Chinese, Japanese,
// Korean, emoji sequences and combining marks with ASCII.
func cjkTable() Table {
	return Table{
		Header: []string{"source", "id", "author", "verdict", "length", "reasons", "details"},
		Rows: [][]string{
			{"export/第三届积分狂欢节/posts.jsonl:12", "1790000000000000001", "積分狂歡節の참가자👨\u200d👩\u200d👧", "invalid", "42", "too-short,missing-tag",
				"length 42 is under 50 (weibo unit); 缺少 #第三届积分狂欢节# 标签，请在正文中加上它 and the café e\u0301 test"},
			{"export/a.csv:3", "p2", "ｶﾀｶﾅ 한국어", "valid", "120", "", ""},
			{"export/b.csv:9", "p3", "🇨🇳🇯🇵🇰🇷", "invalid", "7", "window", "posted before the window opened"},
		},
		Right: []int{4},
	}
}

func TestTableFitsTerminal(t *testing.T) {
	for _, width := range []int{60, 80, 120} {
		for _, l := range []Layout{Padded, Colored} {
			t.Run(strconv.Itoa(width)+"/"+layoutName(l), func(t *testing.T) {
				var b bytes.Buffer
				if err := cjkTable().Render(&b, l.Fit(width)); err != nil {
					t.Fatal(err)
				}
				for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
					plain := stripSGR(line)
					if w := DisplayWidth(plain); w > width {
						t.Errorf("line of %d columns on a terminal of %d:\n%s", w, width, plain)
					}
					if !utf8.ValidString(line) {
						t.Errorf("invalid UTF-8: %q", line)
					}
				}
				checkWholeGraphemes(t, b.String())
			})
		}
	}
}

// checkWholeGraphemes fails when a cut left part of a cluster: every
// grapheme of the output (ellipsis aside) must occur in the table's cells.
func checkWholeGraphemes(t *testing.T, out string) {
	t.Helper()
	var all strings.Builder
	tb := cjkTable()
	for _, r := range append([][]string{tb.Header}, tb.Rows...) {
		all.WriteString(strings.Join(r, " "))
	}
	known := map[string]bool{ellipsis: true, " ": true, "\n": true}
	g := uniseg.NewGraphemes(all.String())
	for g.Next() {
		known[g.Str()] = true
	}
	g = uniseg.NewGraphemes(stripSGR(out))
	for g.Next() {
		if !known[g.Str()] {
			t.Errorf("output holds %q, part of a grapheme of the table", g.Str())
		}
	}
}

func TestTableFitUnchanged(t *testing.T) {
	tests := []struct {
		name   string
		layout Layout
	}{
		{"TSV ignores the width", TSV.Fit(40)},
		{"a wide terminal changes nothing", Padded.Fit(1000)},
		{"no width known", Padded.Fit(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want, got bytes.Buffer
			base := tt.layout & 0xff
			if err := cjkTable().Render(&want, base); err != nil {
				t.Fatal(err)
			}
			if err := cjkTable().Render(&got, tt.layout); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("got\n%s\nwant\n%s", got.String(), want.String())
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name, s string
		width   int
		want    string
	}{
		{"fits", "abc", 3, "abc"},
		{"ascii", "abcdef", 4, "abc…"},
		{"never half a han", "积分狂欢节", 6, "积分…"},
		{"han at an odd width", "积分狂欢节", 5, "积分…"},
		{"emoji sequence whole", "ab👨\u200d👩\u200d👧cd", 4, "ab…"},
		{"emoji sequence kept", "ab👨\u200d👩\u200d👧cd", 5, "ab👨\u200d👩\u200d👧…"},
		{"combining mark stays with its letter", "cafe\u0301sss", 5, "cafe\u0301…"},
		{"flag pair whole", "🇨🇳🇯🇵", 3, "🇨🇳…"},
		{"zero", "abc", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := truncate(tt.s, tt.width); got != tt.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
			}
		})
	}
}

func TestWrapCell(t *testing.T) {
	tests := []struct {
		name, s string
		width   int
		want    []string
	}{
		{"fits", "short", 10, []string{"short"}},
		{"at a space", "posted before the window opened", 12, []string{"posted", "before the", "window", "opened"}},
		{"han by width", "缺少标签请在正文中加上", 8, []string{"缺少标签", "请在正文", "中加上"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapCell(tt.s, tt.width)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrapCell(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
			}
		})
	}
}

func stripSGR(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], 'm')
		s = s[i+j+1:]
	}
}

func layoutName(l Layout) string {
	if l == Colored {
		return "colored"
	}
	return "padded"
}
