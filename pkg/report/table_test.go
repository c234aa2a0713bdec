package report

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		name, s string
		want    int
	}{
		{"ascii", "abc", 3},
		{"han", "中文", 4},
		{"hangul", "한", 2},
		{"full-width latin", "Ａ", 2},
		{"half-width katakana", "ｶ", 1},
		{"ambiguous circled digit", "①", 1},
		{"ambiguous curly quotes", "“”", 2},
		{"combining acute", "e\u0301", 1},
		{"emoji", "👍", 2},
		{"emoji with skin tone", "👍🏽", 2},
		{"emoji zwj family", "👨\u200d👩\u200d👧", 2},
		{"flag", "🇨🇳", 2},
		{"zero width joiner alone", "\u200d", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DisplayWidth(tt.s); got != tt.want {
				t.Errorf("DisplayWidth(%q) = %d, want %d", tt.s, got, tt.want)
			}
		})
	}
}

// wideTable mixes every kind of width in one column and numbers in a
// right-aligned one.
func wideTable() Table {
	return Table{
		Header: []string{"name", "note", "n"},
		Rows: [][]string{
			{"小明", "①“引号”", "7"},
			{"Ｌｕｃｙ", "e\u0301te\u0301", "128"},
			{"👨\u200d👩\u200d👧 家", "👍🏽 ok", "42"},
			{"ｶﾀｶﾅ", "한국어", "1000"},
			{"plain", "text", "0"},
		},
		Right: []int{2},
	}
}

const wideTableWant = "" +
	"name      note        n\n" +
	"小明      ①“引号”     7\n" +
	"Ｌｕｃｙ  e\u0301te\u0301       128\n" +
	"👨\u200d👩\u200d👧 家     👍🏽 ok      42\n" +
	"ｶﾀｶﾅ      한국어   1000\n" +
	"plain     text        0\n"

func renderTable(t *testing.T, tb Table, pad bool) string {
	t.Helper()
	var buf bytes.Buffer
	if err := tb.Write(&buf, pad); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// cellSpans finds each cell of a rendered line in order and returns the
// display columns where it starts and ends, checking that only spaces
// separate the cells.
func cellSpans(t *testing.T, line string, cells []string) (starts, ends []int) {
	t.Helper()
	col, p := 0, 0
	for _, c := range cells {
		i := strings.Index(line[p:], c)
		if i < 0 {
			t.Fatalf("cell %q not found in line %q", c, line)
		}
		if gap := line[p : p+i]; strings.Trim(gap, " ") != "" {
			t.Fatalf("line %q: %q between cells, want spaces", line, gap)
		}
		col += i
		starts = append(starts, col)
		col += DisplayWidth(c)
		ends = append(ends, col)
		p += i + len(c)
	}
	return starts, ends
}

func TestTablePaddedAlignsByDisplayWidth(t *testing.T) {
	tb := wideTable()
	got := renderTable(t, tb, true)
	if got != wideTableWant {
		t.Fatalf("padded table:\n%s\nwant:\n%s", got, wideTableWant)
	}
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	rows := append([][]string{tb.Header}, tb.Rows...)
	starts0, ends0 := cellSpans(t, lines[0], rows[0])
	for i, line := range lines {
		starts, ends := cellSpans(t, line, rows[i])
		for _, col := range []int{0, 1} {
			if starts[col] != starts0[col] {
				t.Errorf("line %d %q: column %d starts at display column %d, header at %d", i, line, col, starts[col], starts0[col])
			}
		}
		if ends[2] != ends0[2] {
			t.Errorf("line %d %q: right-aligned column ends at display column %d, header at %d", i, line, ends[2], ends0[2])
		}
	}
}

func TestTablePaddedRightAlignment(t *testing.T) {
	tb := Table{Header: []string{"rank", "amount", "who"}, Rows: [][]string{{"1", "300.00", "小明"}, {"10", "92.85", "Lucy"}}, Right: []int{0, 1}}
	want := "rank  amount  who\n" +
		"   1  300.00  小明\n" +
		"  10   92.85  Lucy\n"
	if got := renderTable(t, tb, true); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestTablePaddedNoTrailingSpace(t *testing.T) {
	tb := Table{Header: []string{"pick", "id", ""}, Rows: [][]string{{"1", "小明", "winner"}, {"2", "a", ""}}}
	want := "pick  id\n" +
		"1     小明  winner\n" +
		"2     a\n"
	if got := renderTable(t, tb, true); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

func TestTableTSV(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		want string
	}{
		{"plain cells", [][]string{{"小明", "128"}}, "id\tn\n小明\t128\n"},
		{"tab in a cell", [][]string{{"a\tb", "1"}}, "id\tn\na\\tb\t1\n"},
		{"newline in a cell", [][]string{{"line1\nline2", "2"}}, "id\tn\nline1\\nline2\t2\n"},
		{"crlf in a cell", [][]string{{"x\r\ny", "3"}}, "id\tn\nx\\r\\ny\t3\n"},
		{"no padding for wide text", [][]string{{"中文", "1"}, {"a", "22"}}, "id\tn\n中文\t1\na\t22\n"},
		{"escape sequence", [][]string{{"\x1b[2J", "4"}}, "id\tn\n\\x1b[2J\t4\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderTable(t, Table{Header: []string{"id", "n"}, Rows: tt.rows, Right: []int{1}}, false)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTableIgnoresLocale: a table must look the same on every machine. The
// environment is set for the subtest as the brief of the package asks, but
// go-runewidth reads it once at start-up, so the helper process below is
// what proves that RUNEWIDTH_EASTASIAN and LANG change nothing.
func TestTableIgnoresLocale(t *testing.T) {
	want := renderTable(t, wideTable(), true)
	t.Run("setenv", func(t *testing.T) {
		t.Setenv("RUNEWIDTH_EASTASIAN", "1")
		t.Setenv("LANG", "zh_CN.UTF-8")
		t.Setenv("LC_ALL", "zh_CN.UTF-8")
		if got := renderTable(t, wideTable(), true); got != want {
			t.Errorf("with an East Asian locale:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("fresh process", func(t *testing.T) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperPrintWideTable$")
		cmd.Env = append(os.Environ(), "PROMO_REPORT_HELPER=1", "RUNEWIDTH_EASTASIAN=1", "LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("helper process: %v", err)
		}
		got, _, ok := strings.Cut(string(out), "\x00")
		if !ok {
			t.Fatalf("helper process printed no table: %q", out)
		}
		if got != want {
			t.Errorf("in a process started with an East Asian locale:\n%s\nwant:\n%s", got, want)
		}
	})
}

// TestHelperPrintWideTable is run by TestTableIgnoresLocale in a process of
// its own; on its own it does nothing.
func TestHelperPrintWideTable(t *testing.T) {
	if os.Getenv("PROMO_REPORT_HELPER") != "1" {
		t.Skip("helper for TestTableIgnoresLocale")
	}
	if err := wideTable().Write(os.Stdout, true); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("\x00")
}

// isUnsafe is the test's own list of what must never reach a terminal raw,
// written apart from the package's so that a slip in one shows.
func isUnsafe(r rune) bool {
	switch {
	case r <= 0x1f, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func TestEscapeControlEveryControl(t *testing.T) {
	var controls []rune
	for r := rune(0); r <= 0x9f; r++ {
		if isUnsafe(r) {
			controls = append(controls, r)
		}
	}
	controls = append(controls, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069)
	if len(controls) != 32+1+32+9 {
		t.Fatalf("%d controls, want 74", len(controls))
	}
	for _, r := range controls {
		got := EscapeControl("a" + string(r) + "b")
		for _, g := range got {
			if isUnsafe(g) {
				t.Errorf("EscapeControl(%U) = %q keeps a control", r, got)
			}
		}
		if got == "a"+string(r)+"b" || !strings.HasPrefix(got, `a\`) || !strings.HasSuffix(got, "b") {
			t.Errorf("EscapeControl(%U) = %q, want a visible escape between a and b", r, got)
		}
	}
}

func TestEscapeControl(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"newline", "a\nb", `a\nb`},
		{"carriage return", "a\rb", `a\rb`},
		{"tab", "a\tb", `a\tb`},
		{"nul", "a\x00b", `a\x00b`},
		{"bell", "\a", `\x07`},
		{"backspace", "abc\b\b", `abc\x08\x08`},
		{"del", "\x7f", `\x7f`},
		{"c1 next line", "a\u0085b", `a\x85b`},
		{"c1 csi", "\u009b31m", `\x9b31m`},
		{"sgr colour", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"clear screen", "\x1b[2J\x1b[H", `\x1b[2J\x1b[H`},
		{"osc hyperlink", "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07", `\x1b]8;;http://evil.example\x07click\x1b]8;;\x07`},
		{"window title", "\x1b]0;pwned\x1b\\", `\x1b]0;pwned\x1b\`},
		{"right-to-left override", "user\u202etxt.exe", `user\u202etxt.exe`},
		{"isolates", "\u2066a\u2067b\u2068c\u2069", `\u2066a\u2067b\u2068c\u2069`},
		{"embeddings", "\u202aa\u202bb\u202c\u202d", `\u202aa\u202bb\u202c\u202d`},
		{"control beside chinese", "小明\n阿花", `小明\n阿花`},
		{"invalid utf-8 alone", "a\xffb", `a\xffb`},
		{"lone c1 byte", "\x9b2J", `\x9b2J`},
		{"invalid utf-8 beside a control", "\xfe\x1b", `\xfe\x1b`},
		{"genuine replacement character", "a\ufffd\n", `a` + "\ufffd" + `\n`},
		{"zero width space", "a\u200bb", "a<U+200B>b"},
		{"non-joiner between ascii", "b\u200cc", "b<U+200C>c"},
		{"joiner alone", "\u200d", "<U+200D>"},
		{"left-to-right mark", "a\u200eb", "a<U+200E>b"},
		{"right-to-left mark", "a\u200fb", "a<U+200F>b"},
		{"arabic letter mark", "a\u061cb", "a<U+061C>b"},
		{"line separator", "a\u2028b", "a<U+2028>b"},
		{"paragraph separator", "a\u2029b", "a<U+2029>b"},
		{"byte order mark", "\ufeffid", "<U+FEFF>id"},
		{"word joiner", "a\u2060b", "a<U+2060>b"},
		{"soft hyphen", "a\u00adb", "a<U+00AD>b"},
		{"hangul filler", "\u3164", "<U+3164>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EscapeControl(tt.in)
			if got != tt.want {
				t.Errorf("EscapeControl(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("EscapeControl(%q) = %q is not UTF-8", tt.in, got)
			}
		})
	}
}

func TestEscapeControlLeavesTextAlone(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty", ""},
		{"ascii", "Gate Alpha & ES Launchpool"},
		{"chinese", "第三届积分狂欢节，積分狂歡節！"},
		{"full-width", "＃ＥＳ＃　ＡＢＣ"},
		{"ambiguous", "①②“引号”…"},
		{"emoji zwj family", "👨\u200d👩\u200d👧\u200d👦"},
		{"emoji zwj profession", "🧑\u200d💻"},
		{"flag", "🇨🇳🇭🇰"},
		{"skin tone", "👍🏽"},
		{"variation selector", "❤\ufe0f"},
		{"combining", "e\u0301 n\u0303"},
		{"no-break and ideographic space", "a\u00a0b\u3000c"},
		{"non-joiner between persian letters", "\u0645\u06cc\u200c\u0634\u0648\u062f"},
		{"backslash sequences stay text", `\n \x1b`},
		{"replacement character", "\ufffd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EscapeControl(tt.in); got != tt.in {
				t.Errorf("EscapeControl(%q) = %q, want it unchanged", tt.in, got)
			}
		})
	}
}

func TestTableEscapesCells(t *testing.T) {
	tb := Table{Header: []string{"id\x1b[1m", "author"}, Rows: [][]string{{"p\x1b[31m1", "a\u202eb"}}}
	for _, pad := range []bool{true, false} {
		got := renderTable(t, tb, pad)
		if strings.ContainsAny(got, "\x1b\u202e") {
			t.Errorf("pad=%v: raw control in %q", pad, got)
		}
		if strings.Count(got, "\n") != 2 {
			t.Errorf("pad=%v: %q has %d lines, want 2", pad, got, strings.Count(got, "\n"))
		}
	}
}
