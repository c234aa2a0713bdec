package export

import (
	"bufio"
	"bytes"
	"fmt"

	"github.com/promo-cli/promo/pkg/internal/words"
)

// DefaultMaxRecord is the size above which a record is unreadable rather than read.
const DefaultMaxRecord = 1 << 20

// lines splits text at "\n", "\r\n" or a lone "\r" (old Mac and Excel for Mac write
// those), so that no line ending swallows the records after it. A line longer than max
// is counted to its end but only its first max bytes are kept, so one huge line costs
// no more memory than max.
type lines struct {
	r      *bufio.Reader
	buf    []byte
	max    int
	n      int          // number of the line last returned, 1-based
	skipLF bool         // the last line ended in "\r": a "\n" right after it is part of that ending
	watch  func([]byte) // when set, sees every byte of each line, also those not kept
	boms   int          // byte-order marks removed after the start of the text
	bomAt  int          // line of the first one
}

func newLines(r *bufio.Reader, max int) *lines {
	return &lines{r: r, max: max}
}

// next returns the next line without its ending, valid until the next call, and its
// full length; a line longer than max comes back cut to max bytes. At the end it
// returns io.EOF, after the last line even when that has no ending.
func (l *lines) next() ([]byte, int, error) {
	l.buf = l.buf[:0]
	size := 0
	for {
		if _, err := l.r.Peek(1); err != nil {
			if size > 0 {
				l.n++
				return l.strip(l.buf), size, nil
			}
			return nil, 0, err
		}
		b, _ := l.r.Peek(l.r.Buffered())
		if l.skipLF {
			l.skipLF = false
			if b[0] == '\n' {
				l.r.Discard(1)
				continue
			}
		}
		end := lineEnd(b)
		if l.watch != nil {
			if end < 0 {
				l.watch(b)
			} else {
				l.watch(b[:end])
			}
		}
		if end < 0 {
			l.keep(b, size)
			size += len(b)
			l.r.Discard(len(b))
			continue
		}
		l.skipLF = b[end] == '\r'
		l.n++
		if size == 0 && end <= l.max {
			// The whole line is in the buffer: no copy.
			line := b[:end]
			l.r.Discard(end + 1)
			return l.strip(line), end, nil
		}
		l.keep(b[:end], size)
		size += end
		l.r.Discard(end + 1)
		return l.strip(l.buf), size, nil
	}
}

// keep appends what of b still fits under max to the line being read.
func (l *lines) keep(b []byte, size int) {
	if room := l.max - size; room > 0 {
		l.buf = append(l.buf, b[:min(room, len(b))]...)
	}
}

// lineEnd returns the index of the first "\r" or "\n" in b, or -1.
func lineEnd(b []byte) int {
	lf := bytes.IndexByte(b, '\n')
	in := b
	if lf >= 0 {
		in = b[:lf]
	}
	if cr := bytes.IndexByte(in, '\r'); cr >= 0 {
		return cr
	}
	return lf
}

// strip removes byte-order marks inside a line: one is left wherever files saved with a
// BOM were joined (cat a.csv b.csv), and would end up inside an id or break a record.
// The line may be changed in place.
func (l *lines) strip(line []byte) []byte {
	if !hasBOM(line) {
		return line
	}
	if l.boms == 0 {
		l.bomAt = l.n
	}
	l.boms += bytes.Count(line, bomUTF8)
	out := line[:0]
	for {
		i := bytes.Index(line, bomUTF8)
		if i < 0 {
			return append(out, line...)
		}
		out = append(out, line[:i]...)
		line = line[i+3:]
	}
}

// hasBOM is bytes.Contains(line, bomUTF8), which runs on every line. It
// looks for the mark's last byte, 0xBF, which ends one Chinese character in
// sixty-four, rather than its first, 0xEF, which leads all the full-width
// punctuation of a Chinese text.
func hasBOM(line []byte) bool {
	for i := 2; i < len(line); {
		j := bytes.IndexByte(line[i:], 0xBF)
		if j < 0 {
			return false
		}
		i += j
		if line[i-2] == 0xEF && line[i-1] == 0xBB {
			return true
		}
		i++
	}
	return false
}

// bomNote is the note about byte-order marks removed inside a file, or "".
func (l *lines) bomNote(file string) string {
	if l.boms == 0 {
		return ""
	}
	return fmt.Sprintf("%s: removed %d byte-order %s inside the file (first on line %d); files saved with a BOM were probably joined", file, l.boms, words.Plural(l.boms, "mark", "marks"), l.bomAt)
}

// tooLong is the message of a record over the size limit.
func tooLong(size, max int) string {
	return fmt.Sprintf("record is %s, over the limit of %s; it was not read; split it, or raise the limit with --max-record if it is a real post", byteSize(size), byteSize(max))
}

// byteSize writes a size the way the limit is given: bytes, KiB or MiB.
func byteSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB (%d bytes)", float64(n)/(1<<20), n)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// MaxRecordLimit is the largest --max-record: the scanner keeps offsets
// into a post's text in 32 bits, and no post is anywhere near this.
const MaxRecordLimit = 1 << 30
