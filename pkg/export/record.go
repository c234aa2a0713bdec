package export

import "unicode/utf8"

// scanRecord is scanObject for a record of a JSON Lines file: each member a
// field reads is put into r as soon as its value is scanned, and a string
// value, or a string item of a list, is decoded into the body slab on the
// walk that checks it, rather than found first and walked again to be
// unquoted and copied. It reports whether obj is one valid object (spaces
// around it allowed); r holds what was put into it before a false.
func scanRecord(obj []byte, b *builder, r *record) (ok, dirty bool) {
	s := scanner{b: obj}
	s.space()
	ok = s.record(b, r)
	s.space()
	return ok && s.i == len(s.b), s.dirty
}

// record is object for the top level of a record.
func (s *scanner) record(b *builder, r *record) bool {
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return false
	}
	s.depth++
	s.i++
	s.space()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		s.depth--
		return true
	}
	for {
		start := s.i
		m, known := s.memoKey(b, r)
		if !known && !s.str() {
			return false
		}
		rawKey := s.b[start:s.i]
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return false
		}
		s.i++
		s.space()
		if !known {
			m, known = b.keyOf(r, rawKey)
		}
		if !s.member(b, r, m) {
			return false
		}
		b.noteKey(r, rawKey, m, known)
		if done, ok := s.after('}'); done || !ok {
			return ok
		}
	}
}

// memoKey passes the key literal at s.i when it is the last record's key at
// this place, byte for byte: that literal was checked then, so it needs no
// scan now, and is looked up already.
func (s *scanner) memoKey(b *builder, r *record) (keyMemo, bool) {
	i := r.members
	if i >= len(b.memo) {
		return keyMemo{}, false
	}
	raw := b.memo[i].raw
	if end := s.i + len(raw); end > len(s.b) || string(s.b[s.i:end]) != raw {
		return keyMemo{}, false
	}
	s.i += len(raw)
	return b.memo[i], true
}

// member scans the value of a member whose key reads as m and puts it into
// r, as builder.member does with the value once scanned.
func (s *scanner) member(b *builder, r *record, m keyMemo) bool {
	start := s.i
	var v val
	switch {
	case !m.ok || readAtOnce[m.s.f] || s.i >= len(s.b):
		if !s.value() {
			return false
		}
		if !m.ok {
			r.other = true
			return true
		}
		v = b.jsonScalar(s.b[start:s.i])
	case s.b[s.i] == '"':
		var ok bool
		if v, ok = s.text(b); !ok {
			return false
		}
	case s.b[s.i] == '[':
		var ok bool
		if v, ok = s.list(b); !ok {
			return false
		}
	default:
		if !s.value() {
			return false
		}
		v = b.jsonVal(s.b[start:s.i], 0)
	}
	r.put(m.s, m.key, v)
	return true
}

// text scans the string literal at s.i and decodes it into the body slab,
// as jsonText does with it once scanned. The decoded text is never longer
// than the rest of the line: when that fits in the slab's chunk, the text
// is decoded as it is checked; else it is checked first and decoded then,
// so that no chunk is given up early for the room a short value might need.
func (s *scanner) text(b *builder) (val, bool) {
	start := s.i
	body := &b.body
	if room := len(s.b) - start; cap(body.buf)-len(body.buf) < room || room > body.size/4 {
		if !s.str() {
			return val{}, false
		}
		return b.jsonText(s.b[start:s.i]), true
	}
	in, out, from := s.b, body.buf, len(body.buf)
	nul := false
	for i := start + 1; ; {
		j := i + plainRun(in[i:])
		out = append(out, in[i:j]...)
		if j >= len(in) {
			return val{}, false
		}
		switch c := in[j]; {
		case c == '"':
			s.i = j + 1
			body.buf = out // never beyond the room there was, so still the chunk
			return val{kind: kText, clean: !nul, str: body.since(from)}, true
		case c == '\\':
			if j+1 >= len(in) {
				return val{}, false
			}
			n, ok := unescape(in[j:], &out)
			if !ok {
				return val{}, false
			}
			nul = nul || out[len(out)-1] == 0
			i = j + n
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(in[j:])
			if r == utf8.RuneError && n == 1 {
				s.dirty = true
				return val{}, false
			}
			out = append(out, in[j:j+n]...)
			i = j + n
		default: // a control byte
			s.dirty = s.dirty || c == 0
			return val{}, false
		}
	}
}

// list scans the array at s.i, the value of a member, and takes it apart as
// jsonList does at depth 0: its string items are decoded as they are
// checked, the others taken apart by jsonVal once scanned.
func (s *scanner) list(b *builder) (val, bool) {
	if s.depth++; s.depth > maxDepth {
		return val{}, false
	}
	s.i++ // the '['
	s.space()
	v := val{kind: kList}
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		s.depth--
		return v, true
	}
	var room [16]val
	items := room[:0]
	for {
		var item val
		if s.i < len(s.b) && s.b[s.i] == '"' {
			var ok bool
			if item, ok = s.text(b); !ok {
				return val{}, false
			}
		} else {
			start := s.i
			if !s.value() {
				return val{}, false
			}
			item = b.jsonVal(s.b[start:s.i], 1)
		}
		items = append(items, item)
		if done, ok := s.after(']'); done || !ok {
			if ok {
				v.list = b.valList(len(items))
				copy(v.list, items)
			}
			return v, ok
		}
	}
}
