package export

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// maxDepth is how deep a JSON value may nest, as in encoding/json.
const maxDepth = 10000

// scanner checks one JSON text byte by byte. It finds the members of a line's object
// while checking it, so a JSON Lines record is read in one pass rather than checked by
// json.Valid and then scanned again.
type scanner struct {
	b     []byte
	i     int
	depth int
	dirty bool // a NUL or invalid UTF-8 was met: repair the text and scan again
}

// scanObject reports whether obj is exactly one valid JSON object (spaces around it
// allowed), calling fn with the key literal and raw value of each of its members as they
// are found; fn may have been called when it returns false. dirty says the text holds NUL
// or invalid UTF-8, which repair turns into U+FFFD.
func scanObject(obj []byte, fn func(key, raw []byte)) (ok, dirty bool) {
	s := scanner{b: obj}
	s.space()
	ok = s.object(fn)
	s.space()
	return ok && s.i == len(s.b), s.dirty
}

func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// object scans an object at s.i; fn, when not nil, gets each member.
func (s *scanner) object(fn func(key, raw []byte)) bool {
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return false
	}
	if s.depth++; s.depth > maxDepth {
		return false
	}
	s.i++
	s.space()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		s.depth--
		return true
	}
	for {
		start := s.i
		if !s.str() {
			return false
		}
		key := s.b[start:s.i]
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return false
		}
		s.i++
		s.space()
		start = s.i
		if !s.value() {
			return false
		}
		if fn != nil {
			fn(key, s.b[start:s.i])
		}
		if done, ok := s.after('}'); done || !ok {
			return ok
		}
	}
}

func (s *scanner) array() bool {
	if s.depth++; s.depth > maxDepth {
		return false
	}
	s.i++ // the '['
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		s.depth--
		return true
	}
	for {
		if !s.value() {
			return false
		}
		if done, ok := s.after(']'); done || !ok {
			return ok
		}
	}
}

// after reads what follows a member or an element: a comma, with more to
// come, or the closing byte, which ends the object or array (done).
// Anything else is not JSON (!ok).
func (s *scanner) after(close byte) (done, ok bool) {
	s.space()
	if s.i >= len(s.b) {
		return false, false
	}
	switch s.b[s.i] {
	case ',':
		s.i++
		s.space()
		return false, true
	case close:
		s.i++
		s.depth--
		return true, true
	}
	return false, false
}

func (s *scanner) value() bool {
	if s.i >= len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		return s.str()
	case c == '{':
		return s.object(nil)
	case c == '[':
		return s.array()
	case c == 't':
		return s.word("true")
	case c == 'f':
		return s.word("false")
	case c == 'n':
		return s.word("null")
	case c == '-' || ('0' <= c && c <= '9'):
		return s.number()
	case c == 0 || c >= utf8.RuneSelf:
		s.dirty = true
	}
	return false
}

func (s *scanner) word(w string) bool {
	if len(s.b)-s.i < len(w) || string(s.b[s.i:s.i+len(w)]) != w {
		return false
	}
	s.i += len(w)
	return true
}

// str scans a string literal at s.i, checking its escapes and its UTF-8.
// The plain text between escapes, nearly all of a post, is passed by
// plainRun; only what it stops at is looked at here.
func (s *scanner) str() bool {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		if s.i < len(s.b) && (s.b[s.i] == 0 || s.b[s.i] >= utf8.RuneSelf) {
			s.dirty = true
		}
		return false
	}
	b := s.b
	for i := s.i + 1; ; {
		i += plainRun(b[i:])
		if i >= len(b) {
			return false
		}
		switch c := b[i]; {
		case c == '"':
			s.i = i + 1
			return true
		case c == '\\':
			n := escapeLen(b[i:])
			if n == 0 {
				return false
			}
			i += n
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				s.dirty = true
				return false
			}
			i += n
		default: // a control byte
			s.dirty = s.dirty || c == 0
			return false
		}
	}
}

// plainRun returns the length of the text at the start of b that a string
// literal holds as it is and that needs no decoder: printable ASCII other
// than the quote and the backslash, and three-byte sequences with a
// hanLead lead. A post mixes the two every few characters ("BTC 池上线"),
// so both are looked at in one loop over words of eight bytes: a word
// that is not all plain ASCII is passed up to its first other byte, and
// from there by pairs of Han sequences while they last.
func plainRun(b []byte) int {
	i := 0
	for i+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[i:])
		m := notPlain(w)
		if m == 0 {
			i += 8
			continue
		}
		if k := bits.TrailingZeros64(m) >> 3; k > 0 {
			// the byte after the plain ones is not one: look at it at once
			if i += k; i+8 > len(b) {
				break
			}
			w = binary.LittleEndian.Uint64(b[i:])
		}
		if hanPair(w) {
			i += 6
			for i+8 <= len(b) && hanPair(binary.LittleEndian.Uint64(b[i:])) {
				i += 6
			}
			continue
		}
		if w&0xC0C0F0 == 0x8080E0 && hanLead[byte(w)] {
			i += 3
			continue
		}
		return i
	}
	for { // the last bytes, fewer than a word
		j := asciiRun(b, hanRun(b, i))
		if j == i {
			return i
		}
		i = j
	}
}

// notPlain marks with its top bit each byte of w that is not a plainByte,
// and maybe some above the first: a byte at or over 0x80 has it already;
// a byte below a space, and a quote or a backslash made zero by the xor,
// set it when 0x20 or 1 is taken from it (w-n*ones &^ w). A borrow starts
// only at such a byte, so the lowest byte marked is the first that is not
// plain, exactly.
func notPlain(w uint64) uint64 {
	q, bs := w^('"'*ones), w^('\\'*ones)
	return (w | (w-0x20*ones)&^w | (q-ones)&^q | (bs-ones)&^bs) & highs
}

// hanRun returns the end of the run of three-byte sequences with a hanLead
// lead from b[i]: the Chinese of a post, passed without the decoder.
func hanRun(b []byte, i int) int {
	for i+8 <= len(b) && hanPair(binary.LittleEndian.Uint64(b[i:])) {
		i += 6
	}
	for i+3 <= len(b) {
		c := b[i : i+3 : i+3]
		if !hanLead[c[0]] || c[1]&0xC0 != 0x80 || c[2]&0xC0 != 0x80 {
			break
		}
		i += 3
	}
	return i
}

// hanPair reports whether the first six bytes of w are two such sequences.
func hanPair(w uint64) bool {
	const mask, want = 0xC0C0F0C0C0F0, 0x8080E08080E0
	return w&mask == want && hanLead[byte(w)] && hanLead[byte(w>>24)]
}

// hanLead marks the leads of the three-byte sequences that are valid
// whatever their continuation bytes, as nearly all Chinese is: E1–EC and
// EE–EF, not E0 (overlong forms) nor ED (surrogates), left to the decoder.
var hanLead = func() (t [256]bool) {
	for c := 0xE1; c <= 0xEF; c++ {
		t[c] = c != 0xED
	}
	return t
}()

// asciiRun returns the end of the run of plainByte bytes from b[i], eight
// at a time while it can: the English of a post, its URLs and its keys.
func asciiRun(b []byte, i int) int {
	for i+8 <= len(b) && plainWord(binary.LittleEndian.Uint64(b[i:])) {
		i += 8
	}
	for i < len(b) && plainByte[b[i]] {
		i++
	}
	return i
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// plainWord reports whether the eight bytes of w are all plainByte bytes:
// ASCII, none below a space, none a quote or a backslash.
func plainWord(w uint64) bool {
	return w&highs == 0 && !below(w, 0x20) && !below(w^('"'*ones), 1) && !below(w^('\\'*ones), 1)
}

// below reports whether a byte of w, all of whose bytes are ASCII, is below
// n (at most 0x80): a borrow starts only at such a byte.
func below(w uint64, n uint64) bool {
	return (w-n*ones)&^w&highs != 0
}

// plainByte marks the bytes a string literal holds as they are: printable
// ASCII other than the quote and the backslash.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// escapeLen returns the length of the valid escape at the start of b, or 0.
func escapeLen(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	if b[1] != 'u' {
		if simpleEscapes[b[1]] != 0 {
			return 2
		}
		return 0
	}
	if _, ok := hex4(b); ok {
		return 6
	}
	return 0
}

func (s *scanner) number() bool {
	b, i := s.b, s.i
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = digits(b, i)
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		j := digits(b, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(b, i)
		if j == i {
			return false
		}
		i = j
	}
	s.i = i
	return true
}

func digits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}
