package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// errStop ends a JSON file after its broken rest was emitted as one unreadable post.
var errStop = errors.New("stop")

// jsonStream reads a .json file token by token, so an array is never held whole.
type jsonStream struct {
	ctx   context.Context
	dec   *json.Decoder
	lines *lineIndex
	b     *builder
	emit  func(Post) error
	n     int
	last  int // line where the last post started
}

func readJSON(ctx context.Context, r *bufio.Reader, b *builder, emit func(Post) error) error {
	guard := newRecordGuard(r, b.opt.maxRecord())
	lines := &lineIndex{r: guard, guard: guard, line: 1}
	s := &jsonStream{ctx: ctx, dec: json.NewDecoder(lines), lines: lines, b: b, emit: emit}
	s.dec.UseNumber()
	err := s.top()
	if err == errStop {
		return nil
	}
	return err
}

func (s *jsonStream) top() error {
	tok, err := s.dec.Token()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return s.broken(err)
	}
	switch tok {
	case json.Delim('['):
		err = s.array()
	case json.Delim('{'):
		err = s.object()
	default:
		err = s.put(s.b.unreadable(1, "a .json export must hold an object or an array of objects; use .jsonl for one object per line"), 1)
	}
	if err != nil {
		return err
	}
	return s.trailing()
}

func (s *jsonStream) trailing() error {
	_, err := s.dec.Token()
	if err == io.EOF {
		return nil
	}
	if err == nil {
		err = errors.New("more data after the end of the JSON value")
	}
	return s.broken(err)
}

// array streams the items of an array whose '[' was just read.
func (s *jsonStream) array() error {
	for s.dec.More() {
		var raw json.RawMessage
		if err := s.dec.Decode(&raw); err != nil {
			return s.broken(err)
		}
		line, col := s.lines.placeAt(s.dec.InputOffset() - int64(len(raw)))
		if err := s.item(raw, line, col); err != nil {
			return err
		}
	}
	if _, err := s.dec.Token(); err != nil {
		return s.broken(err)
	}
	return nil
}

func (s *jsonStream) item(raw json.RawMessage, line, col int) error {
	s.n++
	if s.n%ctxEvery == 0 && s.ctx.Err() != nil {
		return s.ctx.Err()
	}
	if size, ok := replaced(raw); ok {
		return s.put(s.b.unreadable(line, tooLong(size, s.b.opt.maxRecord())), col)
	}
	if len(raw) == 0 || raw[0] != '{' {
		return s.put(s.b.unreadable(line, "array item is not a JSON object; each post must be {\"id\": ..., \"content\": ...}"), col)
	}
	return s.put(s.b.fromObject(raw, line), col)
}

// put emits a post that starts at column col of its line. A post that is not the
// first to start on its line (a minified export holds them all on line 1) is placed
// by its column too, so that each has a source, and an id when it has none, of its own.
func (s *jsonStream) put(p Post, col int) error {
	if p.Line == s.last {
		p.Col = col
		if p.NoID {
			p.ID = p.Source()
		}
	}
	s.last = p.Line
	return s.emit(p)
}

// wrapperKeys hold the array of posts in an object such as {"data": [...]}.
var wrapperKeys = []string{"posts", "data", "items"}

func isWrapper(key string) bool {
	for _, k := range wrapperKeys {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// object reads an object whose '{' was just read: a wrapper when a wrapper key holds an
// array, else one post.
func (s *jsonStream) object() error {
	line, col := s.lines.placeAt(s.dec.InputOffset() - 1)
	fields := map[string]json.RawMessage{}
	wrapped := false
	var where []string // where the posts may be, when no wrapper key holds them
	for s.dec.More() {
		s.passRead()
		tok, err := s.dec.Token()
		if err != nil {
			return s.broken(err)
		}
		key, _ := tok.(string)
		if isWrapper(key) {
			arr, inner, err := s.wrapperValue(key, fields)
			if err != nil {
				return err
			}
			wrapped = wrapped || arr
			if inner != nil && where == nil {
				where = inner
			}
			continue
		}
		var raw json.RawMessage
		if err := s.dec.Decode(&raw); err != nil {
			return s.broken(err)
		}
		fields[key] = raw
		if len(raw) > 0 && raw[0] == '[' && where == nil {
			where = []string{key}
		}
	}
	if _, err := s.dec.Token(); err != nil {
		return s.broken(err)
	}
	if wrapped {
		return nil
	}
	for _, raw := range fields {
		if size, ok := replaced(raw); ok {
			return s.put(s.b.unreadable(line, tooLong(size, s.b.opt.maxRecord())), col)
		}
	}
	if where != nil && !s.anyField(fields) {
		return s.put(s.b.unreadable(line, s.notWrapped(where)), col)
	}
	obj, _ := json.Marshal(fields)
	if max := s.b.opt.maxRecord(); len(obj) > max {
		return s.put(s.b.unreadable(line, tooLong(len(obj), max)), col)
	}
	return s.put(s.b.fromObject(obj, line), col)
}

// wrapperValue streams the array under a wrapper key; any other value is kept as a
// field. For an object it returns the path of the first array inside, so that an
// export such as {"data": {"list": [...]}} gets a clear message rather than one empty post.
func (s *jsonStream) wrapperValue(key string, fields map[string]json.RawMessage) (bool, []string, error) {
	tok, err := s.dec.Token()
	if err != nil {
		return false, nil, s.broken(err)
	}
	switch tok {
	case json.Delim('['):
		return true, nil, s.array()
	case json.Delim('{'):
		inner, err := s.arrayKey()
		if inner == "" {
			return false, []string{key}, err
		}
		return false, []string{key, inner}, err
	}
	raw, _ := json.Marshal(tok)
	fields[key] = raw
	return false, nil, nil
}

// arrayKey consumes an object whose '{' was just read and returns its first key that
// holds an array.
func (s *jsonStream) arrayKey() (string, error) {
	found := ""
	for s.dec.More() {
		s.passRead()
		tok, err := s.dec.Token()
		if err != nil {
			return "", s.broken(err)
		}
		key, _ := tok.(string)
		if tok, err = s.dec.Token(); err != nil {
			return "", s.broken(err)
		}
		switch tok {
		case json.Delim('['):
			if found == "" {
				found = key
			}
			err = s.skip()
		case json.Delim('{'):
			err = s.skip()
		}
		if err != nil {
			return "", err
		}
	}
	if _, err := s.dec.Token(); err != nil {
		return "", s.broken(err)
	}
	return found, nil
}

// anyField reports whether an object holds a key of some post field.
func (s *jsonStream) anyField(fields map[string]json.RawMessage) bool {
	for k := range fields {
		if _, ok := s.b.fields.lookup(k); ok {
			return true
		}
	}
	return false
}

var jqName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// notWrapped explains an object that holds its posts where promo does not look.
func (s *jsonStream) notWrapped(where []string) string {
	const wrappers = `an array of posts under "posts", "data" or "items" of the top-level object`
	if len(where) == 1 && isWrapper(where[0]) {
		return fmt.Sprintf("%q holds an object, not an array of posts; promo reads %s", where[0], wrappers)
	}
	var jq strings.Builder
	for _, k := range where {
		if jqName.MatchString(k) {
			jq.WriteString("." + k)
		} else {
			jq.WriteString("." + strconv.Quote(k))
		}
	}
	file := path.Base(s.b.file)
	return fmt.Sprintf("the posts seem to be under %q, but promo reads %s only; take the array out, e.g. jq '%s' %s > %s-list.json",
		strings.Join(where, "."), wrappers, jq.String(), file, s.b.name)
}

// skip consumes the rest of an object whose '{' was just read.
func (s *jsonStream) skip() error {
	for depth := 1; depth > 0; {
		s.passRead()
		tok, err := s.dec.Token()
		if err != nil {
			return s.broken(err)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// passRead lets the line index forget what the decoder has consumed, where no
// place is asked for (values skipped or kept whole), so that it holds only what
// the decoder holds.
func (s *jsonStream) passRead() { s.lines.pass(s.dec.InputOffset()) }

// broken emits the rest of the file, from the value that failed, as one unreadable post.
func (s *jsonStream) broken(err error) error {
	if s.lines.err != nil && s.lines.err != io.EOF {
		return s.lines.err
	}
	rest, _ := io.ReadAll(s.dec.Buffered())
	lead := len(rest) - len(bytes.TrimLeft(rest, spaces+","))
	start := s.dec.InputOffset() + int64(lead)
	from, col := s.lines.placeAt(start)
	at := s.lines.lineAt(s.errorOffset(err, start, rest[lead:]))
	msg := fmt.Sprintf("invalid JSON at line %d: %s; this record and the rest of the file from line %d could not be read; fix the JSON there", at, jsonReason(err), from)
	if e := s.put(s.b.unreadable(from, msg), col); e != nil {
		return e
	}
	return errStop
}

// errorOffset finds where the JSON went wrong: the decoder's own offsets are not
// positions in the file, so the buffered rest is scanned again.
func (s *jsonStream) errorOffset(err error, start int64, rest []byte) int64 {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return max(start, s.lines.read-1)
	}
	var raw json.RawMessage
	var se *json.SyntaxError
	if errors.As(json.NewDecoder(bytes.NewReader(rest)).Decode(&raw), &se) && se.Offset > 0 {
		return start + se.Offset - 1
	}
	return start
}

// lineIndex counts lines and columns in what the decoder reads, so that a stream
// offset can be turned into a place in the file. It keeps only the bytes the decoder
// has read ahead of the last offset asked for, not the file.
type lineIndex struct {
	r     io.Reader
	guard *recordGuard // its replaced values shift columns
	err   error
	read  int64  // bytes read so far
	buf   []byte // buf[start:] are the bytes from offset at on, not yet passed
	start int
	at    int64 // offset passed so far
	line  int   // 1-based line at offset at
	col   int   // characters between the start of that line and offset at
}

func (l *lineIndex) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.start > 0 && l.start >= len(l.buf)/2 { // reuse the passed half rather than grow
		l.buf = l.buf[:copy(l.buf, l.buf[l.start:])]
		l.start = 0
	}
	l.buf = append(l.buf, p[:n]...)
	l.read += int64(n)
	if err != nil {
		l.err = err
	}
	return n, err
}

// pass moves to the byte offset off, counting the lines and characters on the way;
// offsets must not go backwards.
func (l *lineIndex) pass(off int64) {
	off = min(off, l.read)
	for len(l.guard.shifts) > 0 && l.guard.shifts[0].at <= off {
		sh := l.guard.shifts[0]
		l.guard.shifts = l.guard.shifts[1:]
		l.count(sh.at)
		l.col += sh.cols
	}
	l.count(off)
}

// count moves to the byte offset off, counting the lines and characters read.
func (l *lineIndex) count(off int64) {
	if off <= l.at {
		return
	}
	end := l.start + int(off-l.at)
	chunk := l.buf[l.start:end]
	if i := bytes.LastIndexByte(chunk, '\n'); i >= 0 {
		l.line += bytes.Count(chunk[:i+1], []byte{'\n'})
		l.col = 0
		chunk = chunk[i+1:]
	}
	l.col += utf8.RuneCount(chunk)
	l.start, l.at = end, off
}

// lineAt returns the 1-based line of a byte offset; offsets must not go backwards.
func (l *lineIndex) lineAt(off int64) int {
	l.pass(off)
	return l.line
}

// placeAt returns the 1-based line and column of a byte offset, the column counted
// in characters (Unicode code points) as editors show them; offsets must not go
// backwards.
func (l *lineIndex) placeAt(off int64) (line, col int) {
	l.pass(off)
	return l.line, l.col + 1
}
