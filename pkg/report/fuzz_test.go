package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzEscapeControl(f *testing.F) {
	for _, s := range []string{"", "小明", "a\nb\tc\r", "\x1b[31mred\x1b[0m", "user\u202etxt.exe", "\u0085\u009b", "\x7f", "👨\u200d👩\u200d👧", "\xff\xfe", "\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := EscapeControl(s)
		for _, r := range out {
			if isUnsafe(r) {
				t.Fatalf("EscapeControl(%q) = %q keeps %U", s, out, r)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("EscapeControl(%q) = %q is not UTF-8", s, out)
		}
		if clean(s) && out != s {
			t.Fatalf("EscapeControl(%q) = %q, want it unchanged", s, out)
		}
		if again := EscapeControl(out); again != out {
			t.Fatalf("EscapeControl is not idempotent: %q then %q", out, again)
		}
	})
}

func clean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if isUnsafe(r) || isInvisible(r) {
			return false
		}
	}
	return true
}

func FuzzTable(f *testing.F) {
	f.Add("id", "作者", "p001", "小明", "128", uint8(4), true)
	f.Add("", "", "", "", "", uint8(0), true)
	f.Add("名前", "n", "👨\u200d👩\u200d👧", "e\u0301", "\x1b[2J", uint8(7), true)
	f.Add("a\tb", "c\nd", "①“”", "Ｌｕｃｙ", "  ", uint8(2), false)
	f.Fuzz(func(t *testing.T, h0, h1, a, b, c string, right uint8, pad bool) {
		tb := Table{Header: []string{h0, h1}, Rows: [][]string{{a, b}, {c}, {b, c, a}}}
		for i := 0; i < 3; i++ {
			if right&(1<<i) != 0 {
				tb.Right = append(tb.Right, i)
			}
		}
		var buf bytes.Buffer
		if err := tb.Write(&buf, pad); err != nil {
			t.Fatal(err)
		}
		rows := escapeRows(append([][]string{tb.Header}, tb.Rows...))
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != len(rows) || !strings.HasSuffix(buf.String(), "\n") {
			t.Fatalf("%d lines for %d rows:\n%q", len(lines), len(rows), buf.String())
		}
		for i, r := range rows {
			want := strings.Join(r, "\t")
			if pad {
				want = paddedLine(t, r, maxWidths(rows), tb.Right)
			}
			if lines[i] != want {
				t.Fatalf("line %d = %q, want %q", i, lines[i], want)
			}
		}
	})
}

func escapeRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for _, c := range r {
			out[i] = append(out[i], EscapeControl(c))
		}
	}
	return out
}

func maxWidths(rows [][]string) []int {
	w := make([]int, 3)
	for _, r := range rows {
		for i, c := range r {
			w[i] = max(w[i], DisplayWidth(c))
		}
	}
	return w
}

// paddedLine is the contract of a padded row: each cell takes exactly its
// column's width (the widest cell in it) plus two spaces, padded on the
// side away from its alignment; nothing trails.
func paddedLine(t *testing.T, cells []string, widths, right []int) string {
	t.Helper()
	parts := make([]string, len(cells))
	for i, c := range cells {
		gap := widths[i] - DisplayWidth(c)
		if gap < 0 {
			t.Fatalf("cell %q is wider than its column (%d)", c, widths[i])
		}
		if contains(right, i) {
			parts[i] = strings.Repeat(" ", gap) + c
		} else {
			parts[i] = c + strings.Repeat(" ", gap)
		}
	}
	return strings.TrimRight(strings.Join(parts, "  "), " ")
}

func contains(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
