package export

import (
	"bufio"
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
)

// refLine is one line as the plain reference splitting finds it.
type refLine struct {
	text []byte // kept bytes, marks removed
	full []byte // the whole line as in the input, marks kept
	size int
	no   int
}

// refLines splits data the obvious way: at the first "\r" or "\n", a "\n"
// right after a "\r" belonging to that ending; each line cut to max bytes,
// then the byte-order marks in what is kept removed and counted.
func refLines(data []byte, max int) (out []refLine, boms, bomAt int) {
	for no := 1; len(data) > 0; no++ {
		end := bytes.IndexAny(data, "\r\n")
		line, rest := data, []byte(nil)
		if end >= 0 {
			line, rest = data[:end], data[end+1:]
			if data[end] == '\r' && len(rest) > 0 && rest[0] == '\n' {
				rest = rest[1:]
			}
		}
		kept := line[:min(len(line), max)]
		if n := bytes.Count(kept, bomUTF8); n > 0 {
			if boms == 0 {
				bomAt = no
			}
			boms += n
		}
		out = append(out, refLine{text: bytes.ReplaceAll(kept, bomUTF8, nil), full: line, size: len(line), no: no})
		data = rest
	}
	return out, boms, bomAt
}

// checkLines reads data with lines.next through a reader of the given
// buffer size and compares every line, length, number, watched byte and the
// mark count with refLines.
func checkLines(t *testing.T, data []byte, bufSize, max int) {
	t.Helper()
	want, boms, bomAt := refLines(data, max)
	l := newLines(bufio.NewReaderSize(bytes.NewReader(data), bufSize), max)
	var seen []byte
	l.watch = func(b []byte) { seen = append(seen, b...) }
	for i := 0; ; i++ {
		seen = seen[:0]
		line, size, err := l.next()
		if err == io.EOF {
			if i != len(want) {
				t.Fatalf("%q (buffer %d, max %d): %d lines, want %d", data, bufSize, max, i, len(want))
			}
			break
		}
		if err != nil {
			t.Fatalf("%q: line %d: %v", data, i+1, err)
		}
		if i >= len(want) {
			t.Fatalf("%q (buffer %d, max %d): more than %d lines", data, bufSize, max, len(want))
		}
		w := want[i]
		if !bytes.Equal(line, w.text) || size != w.size || l.n != w.no || !bytes.Equal(seen, w.full) {
			t.Fatalf("%q (buffer %d, max %d): line %d = %q size %d no %d watched %q, want %q size %d no %d watched %q",
				data, bufSize, max, i+1, line, size, l.n, seen, w.text, w.size, w.no, w.full)
		}
	}
	if l.boms != boms || (boms > 0 && l.bomAt != bomAt) {
		t.Fatalf("%q (buffer %d, max %d): %d marks from line %d, want %d from line %d", data, bufSize, max, l.boms, l.bomAt, boms, bomAt)
	}
}

// splitCases are inputs chosen to meet every turn of the splitting: each
// kind of ending, blank lines, marks at the start, middle, end and across
// the cut at max, NUL bytes, a last line without ending.
var splitCases = []string{
	"", "\n", "\r", "\r\n", "\n\r", "\r\r\n\n", "a", "a\n", "a\r", "a\r\n", "a\rb", "a\r\nb", "a\n\rb",
	"\n\n\n", "\r\r\r", "a\x00b\n\x00\r\x00", "\uFEFF", "\uFEFF\n", "\uFEFFa\n", "a\uFEFF", "a\uFEFF\uFEFFb\r\n\uFEFF",
	"\xEF\xBB\n\xBF", "\xEF\r\xBB\xBF", "\xEF\xEF\xBB\xBF\xBB\xBF", "积分，\uFEFF转发\r\n什么\xBF\xEF\xBB\xBF\n",
	"0123456789abcdef0123456789abcdef\uFEFF\n", "0123456789abcde\uFEFF0123456789\r", "abcdefghij\uFEFFk\n\r\n",
	"{\"id\":\"1\",\"content\":\"中文\"}\r\n{\"id\":\"2\"}", "\x00\x00\x00\n\x00",
}

func TestLinesAgreesWithReference(t *testing.T) {
	for _, s := range splitCases {
		for _, size := range []int{16, 17, 19, 64, 4096} {
			for _, max := range []int{0, 1, 2, 3, 4, 5, 11, 12, 13, 16, 31, 33, DefaultMaxRecord} {
				checkLines(t, []byte(s), size, max)
			}
		}
	}
}

// TestLinesAgreesOnRandomText splits random text made mostly of the bytes
// that matter (endings, the mark's bytes, NUL, Chinese) against refLines.
func TestLinesAgreesOnRandomText(t *testing.T) {
	pieces := []string{"\n", "\r", "\r\n", "\uFEFF", "\xEF", "\xBB", "\xBF", "\xEF\xBB", "\x00", "a", "bc", "积分", "，", "\"x\":1"}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 3000 {
		var b []byte
		for n := rng.IntN(60); n > 0; n-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		size := []int{16, 23, 4096}[rng.IntN(3)]
		checkLines(t, b, size, rng.IntN(40))
	}
}

// FuzzLines checks lines.next against refLines on any text.
func FuzzLines(f *testing.F) {
	for _, s := range splitCases {
		f.Add([]byte(s), uint8(16), uint8(8))
	}
	f.Fuzz(func(t *testing.T, data []byte, size, max uint8) {
		checkLines(t, data, 16+int(size), int(max))
	})
}
