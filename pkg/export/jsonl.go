package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unsafe"
)

// ctxEvery is how many records go by between looks at the context.
const ctxEvery = 256

func readJSONL(ctx context.Context, r *bufio.Reader, b *builder, emit func(Post) error) error {
	ls := newLines(r, b.opt.maxRecord())
	defer func() { b.opt.note(ls.bomNote(b.file)) }()
	return readLines(ctx, ls, b, emit)
}

// readLines reads records from ls to its end.
func readLines(ctx context.Context, ls *lines, b *builder, emit func(Post) error) error {
	max := ls.max
	for {
		raw, size, err := ls.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blank(raw) {
			continue
		}
		if ls.n%ctxEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		var p Post
		if size > max {
			p = b.unreadable(ls.n, tooLong(size, max))
		} else {
			p = b.jsonLine(raw, ls.n)
		}
		if e := emit(p); e != nil {
			return e
		}
	}
}

const spaces = " \t\r\n"

// trimSpace is bytes.Trim(b, spaces), without building the set of spaces
// each time: it runs on every line and every value.
func trimSpace(b []byte) []byte {
	i, j := 0, len(b)
	for i < j && isSpace(b[i]) {
		i++
	}
	for j > i && isSpace(b[j-1]) {
		j--
	}
	return b[i:j]
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func blank(b []byte) bool {
	return len(trimSpace(b)) == 0
}

// jsonLine reads one line: checked and taken apart in one pass, scanned again only
// when it holds NUL or invalid UTF-8, and decoded by encoding/json only to say what is
// wrong with it.
func (b *builder) jsonLine(raw []byte, line int) Post {
	raw = trimSpace(raw)
	var r record
	if ok, _ := scanRecord(raw, b, &r); ok {
		return b.post(&r, line)
	}
	if !clean(raw) {
		raw = repair(raw)
		r = record{}
		if ok, _ := scanRecord(raw, b, &r); ok {
			return b.post(&r, line)
		}
	}
	if raw[0] != '{' {
		return b.unreadable(line, "not a JSON object; write one object per line, like {\"id\": \"1\", \"content\": \"...\"}")
	}
	var v any
	err := json.Unmarshal(raw, &v)
	if err == nil {
		err = errors.New("invalid JSON")
	}
	return b.unreadable(line, "invalid JSON"+jsonWhere(err)+": "+jsonReason(err)+"; fix or remove this line")
}

func jsonWhere(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf(" at column %d", se.Offset)
	}
	return ""
}

func jsonReason(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

// fromObject converts a valid JSON object.
func (b *builder) fromObject(obj []byte, line int) Post {
	var r record
	eachMember(obj, func(rawKey, raw []byte) { b.member(&r, rawKey, raw) })
	return b.post(&r, line)
}

// member puts one member of a JSON object into the record, if a field reads its key.
func (b *builder) member(r *record, rawKey, raw []byte) {
	s, key, ok := b.lookupKey(r, rawKey)
	switch {
	case !ok:
		r.other = true
	case readAtOnce[s.f]:
		r.put(s, key, b.jsonScalar(raw))
	default:
		r.put(s, key, b.jsonVal(raw, 0))
	}
}

// readAtOnce marks the fields that post turns into a time or a count and
// keeps nothing of: their text is read in place, in the line, rather than
// copied into the body slab first.
var readAtOnce = [numFields]bool{fCreatedAt: true, fLikes: true, fComments: true, fReposts: true, fViews: true}

// jsonScalar is jsonVal for a value of a readAtOnce field: a number,
// true, false or a string without escapes is left where it is in raw,
// which must outlive the val only until the record's post is built.
func (b *builder) jsonScalar(raw []byte) val {
	raw = trimSpace(raw)
	if len(raw) == 0 {
		return b.jsonVal(raw, 0)
	}
	switch c := raw[0]; {
	case c == '"':
		in := raw[1 : len(raw)-1]
		if bytes.IndexByte(in, '\\') >= 0 {
			return b.jsonText(raw)
		}
		// the scanner let through only valid UTF-8 without NUL
		return val{kind: kText, clean: true, str: inPlace(in)}
	case c == 't' || c == 'f':
		return val{kind: kText, clean: true, str: inPlace(raw)}
	case c == '-' || ('0' <= c && c <= '9'):
		return val{kind: kNumber, clean: true, str: inPlace(raw)}
	}
	return b.jsonVal(raw, 0)
}

// inPlace is b as a string without a copy; b must not change while the
// string is in use.
func inPlace(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// keyMemo is what a key of the last record was looked up as: the records
// of an export nearly always repeat their keys in one order, so the i-th key
// of a record is compared with the last record's i-th rather than looked
// up, and noted, in two maps again.
type keyMemo struct {
	raw string // the key literal
	s   slot
	key string
	ok  bool
}

// maxMemo bounds the keys of a record that are remembered.
const maxMemo = 32

// lookupKey looks up the key of the record's next member, and notes it.
func (b *builder) lookupKey(r *record, rawKey []byte) (slot, string, bool) {
	m, known := b.keyOf(r, rawKey)
	b.noteKey(r, rawKey, m, known)
	return m.s, m.key, m.ok
}

// keyOf looks up the key of the record's next member; known says it is the
// last record's key at this place, noted then.
func (b *builder) keyOf(r *record, rawKey []byte) (keyMemo, bool) {
	if i := r.members; i < len(b.memo) && b.memo[i].raw == string(rawKey) {
		return b.memo[i], true
	}
	s, key, ok := b.fields.lookupJSON(rawKey)
	return keyMemo{s: s, key: key, ok: ok}, false
}

// noteKey counts the member whose key keyOf looked up, once its value is
// known to be valid, and notes the key when it was not known.
func (b *builder) noteKey(r *record, rawKey []byte, m keyMemo, known bool) {
	i := r.members
	r.members++
	if known {
		return
	}
	b.seen.seeJSON(rawKey, m.s, m.ok)
	if i < maxMemo {
		m.raw = string(rawKey)
		if i < len(b.memo) {
			b.memo[i] = m
		} else if i == len(b.memo) {
			b.memo = append(b.memo, m)
		}
	}
}

// maxNest bounds how deep jsonVal looks: a field needs at most a list of objects.
const maxNest = 2

// jsonVal converts a value already checked to be valid JSON. Its strings are
// in the body slab: post copies what it keeps for longer.
func (b *builder) jsonVal(raw json.RawMessage, depth int) val {
	raw = trimSpace(raw)
	if len(raw) == 0 {
		return val{}
	}
	switch raw[0] {
	case '"':
		return b.jsonText(raw)
	case 'n':
		return val{}
	case 't', 'f':
		return val{kind: kText, clean: true, str: b.body.copy(string(raw))}
	case '[':
		return b.jsonList(raw, depth)
	case '{':
		return b.jsonObject(raw, depth)
	}
	return val{kind: kNumber, clean: true, str: b.body.copy(string(raw))}
}

// jsonText decodes a string literal into the body slab, or into a string
// of its own when it is too long for one. The text of a line that passed
// the scanner is valid UTF-8 without NUL (or was repaired to be), so only
// an escaped U+0000 can make the string unclean.
func (b *builder) jsonText(raw []byte) val {
	in := raw[1 : len(raw)-1]
	inSlab := b.body.reserve(len(in))
	var out []byte
	start := len(b.body.buf)
	if inSlab {
		out = b.body.buf
	} else {
		out = make([]byte, 0, len(in))
	}
	out, nul, ok := appendUnquoted(out, in)
	switch {
	case !ok:
		s := jsonString(raw)
		return val{kind: kText, clean: plainValid(s), str: s}
	case inSlab:
		b.body.buf = out // never beyond the room reserved, so still the chunk
		return val{kind: kText, clean: !nul, str: b.body.since(start)}
	}
	// out is never touched again, so it can be the string's bytes.
	return val{kind: kText, clean: !nul, str: unsafe.String(unsafe.SliceData(out), len(out))}
}

// jsonString decodes a string literal; json.Unmarshal is only the fallback.
func jsonString(raw []byte) string {
	if s, ok := unquote(raw); ok {
		return s
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

// jsonList and jsonObject take apart a value already checked to be valid JSON.
func (b *builder) jsonList(raw []byte, depth int) val {
	v := val{kind: kList}
	if depth >= maxNest {
		return v
	}
	// The items are gathered here, then carved from a chunk: the list of
	// an item (depth 1) is carved while this one is being read.
	var room [16]val
	items := room[:0]
	eachItem(raw, func(item []byte) {
		items = append(items, b.jsonVal(item, depth+1))
	})
	if len(items) > 0 {
		v.list = b.valList(len(items))
		copy(v.list, items)
	}
	return v
}

func (b *builder) jsonObject(raw []byte, depth int) val {
	v := val{kind: kObject, obj: map[string]val{}}
	if depth >= maxNest {
		return v
	}
	eachMember(raw, func(key, item []byte) {
		v.obj[strings.ToLower(jsonString(key))] = b.jsonVal(item, depth+1)
	})
	return v
}
