package export

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
)

// tooLongKey marks a value the guard replaced; the NUL keeps it apart from real keys.
const tooLongKey = `{"\u0000promo-too-long":`

// recordGuard stands between a .json file and the JSON decoder, which holds a whole value
// in memory before it can hand it over. Every post-sized value (an item of the top-level
// array or of a wrapper's array, a member of the top-level object that is not an array)
// passes through whole when it is at most max bytes; a larger one is replaced by
// {"\u0000promo-too-long":SIZE} followed by its line breaks, so that line numbers stay
// right and no more than max bytes of one record are ever held. Everything else passes
// as it is: the decoder still finds every syntax error.
type recordGuard struct {
	r   *bufio.Reader
	max int
	out []byte // ready for Read
	eof bool

	stack []byte // the containers open above post-sized values: '[' or '{'
	key   bool   // in the top-level object, a string now is a key
	inKey bool   // inside a key
	esc   bool   // the last byte was a backslash inside a string

	capturing bool
	kind      byte // '{', '[', '"' or 0 for a number or word
	depth     int
	inStr     bool
	buf       []byte
	size, nl  int
	tail      int // characters of the captured value after its last line break

	handed int64   // bytes handed to the decoder so far
	shifts []shift // where a replaced value leaves the column short, in order
}

// shift says that from output offset at, up to the next line break, the column in
// the file is cols characters further on than in the output: a replaced value is
// shorter than the value it stands for.
type shift struct {
	at   int64
	cols int
}

func newRecordGuard(r *bufio.Reader, max int) *recordGuard {
	return &recordGuard{r: r, max: max}
}

func (g *recordGuard) Read(p []byte) (int, error) {
	for len(g.out) == 0 {
		if g.eof {
			return 0, io.EOF
		}
		g.fill()
	}
	n := copy(p, g.out)
	g.handed += int64(n)
	g.out = g.out[n:]
	if len(g.out) == 0 {
		g.out = g.out[:0:0]
	}
	return n, nil
}

// fill processes one buffer of input.
func (g *recordGuard) fill() {
	chunk, err := g.r.Peek(max(1, g.r.Buffered()))
	if len(chunk) == 0 && err != nil {
		g.eof = true
		if g.capturing {
			// A value cut off by the end: the decoder says so, at the right line.
			g.out = append(g.out, g.buf...)
			g.out = append(g.out, bytes.Repeat([]byte{'\n'}, g.nl-bytes.Count(g.buf, []byte{'\n'}))...)
			g.capturing = false
		}
		return
	}
	for _, c := range chunk {
		g.byte(c)
	}
	g.r.Discard(len(chunk))
}

func (g *recordGuard) byte(c byte) {
	if g.capturing {
		if g.capture(c) {
			return
		}
		// c ended a number or a word and belongs to the level above.
	}
	if g.inKey {
		g.out = append(g.out, c)
		switch {
		case g.esc:
			g.esc = false
		case c == '\\':
			g.esc = true
		case c == '"':
			g.inKey = false
		}
		return
	}
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':':
		g.key = g.key && c != ':'
	case c == ',':
		g.key = len(g.stack) == 1 && g.stack[0] == '{'
	case c == ']' || c == '}':
		if len(g.stack) > 0 {
			g.stack = g.stack[:len(g.stack)-1]
		}
	case c == '"' && g.key:
		g.inKey = true
	case g.postSized(c):
		g.start(c)
		return
	case c == '[' || c == '{':
		g.stack = append(g.stack, c)
		g.key = c == '{' && len(g.stack) == 1
	}
	g.out = append(g.out, c)
}

// postSized reports whether a value starting with c here is one post, or a field of the
// one post a top-level object is.
func (g *recordGuard) postSized(c byte) bool {
	switch len(g.stack) {
	case 1:
		return g.stack[0] == '[' || c != '['
	case 2:
		return g.stack[1] == '['
	}
	return false
}

func (g *recordGuard) start(c byte) {
	g.capturing, g.buf, g.size, g.nl, g.depth, g.inStr, g.esc = true, g.buf[:0], 0, 0, 0, false, false
	g.tail = 0
	g.kind = c
	if c != '{' && c != '[' && c != '"' {
		g.kind = 0
	}
	g.capture(c)
}

// capture takes c into the value being captured; it returns false when c is not part of
// it (the end of a number or word).
func (g *recordGuard) capture(c byte) bool {
	done := false
	switch {
	case g.kind == 0 && (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r'):
		g.finish()
		return false
	case g.inStr:
		switch {
		case g.esc:
			g.esc = false
		case c == '\\':
			g.esc = true
		case c == '"':
			g.inStr = false
			done = g.depth == 0
		}
	case g.kind == 0:
	case c == '"':
		g.inStr = true
	case c == '{' || c == '[':
		g.depth++
	case c == '}' || c == ']':
		g.depth--
		done = g.depth == 0
	}
	g.size++
	switch {
	case c == '\n':
		g.nl, g.tail = g.nl+1, 0
	case c&0xC0 != 0x80: // not inside a UTF-8 sequence
		g.tail++
	}
	if g.size <= g.max {
		g.buf = append(g.buf, c)
	}
	if done {
		g.finish()
	}
	return true
}

func (g *recordGuard) finish() {
	g.capturing = false
	if g.size <= g.max {
		g.out = append(g.out, g.buf...)
		return
	}
	from := len(g.out)
	g.out = append(g.out, tooLongKey...)
	g.out = strconv.AppendInt(g.out, int64(g.size), 10)
	g.out = append(g.out, '}')
	cols := g.tail // the value's last line, in the file; in the output it is empty
	if g.nl == 0 {
		cols -= len(g.out) - from // the value and its stand-in share a line
	}
	g.out = append(g.out, bytes.Repeat([]byte{'\n'}, g.nl)...)
	g.shifts = append(g.shifts, shift{at: g.handed + int64(len(g.out)), cols: cols})
}

// replaced returns the size of the value a guard put in place of raw, if it did.
func replaced(raw []byte) (int, bool) {
	if !bytes.HasPrefix(raw, []byte(tooLongKey)) {
		return 0, false
	}
	n, err := strconv.Atoi(string(bytes.TrimSuffix(raw[len(tooLongKey):], []byte("}"))))
	return n, err == nil
}
