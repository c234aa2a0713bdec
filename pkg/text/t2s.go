package text

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

//go:generate go run ./internal/gent2s t2stables.go
//go:generate go test -run ^TestT2SData$ -update-t2s

// t2sEntry is one key of an OpenCC dictionary and its first value.
type t2sEntry struct{ key, value string }

// t2sGroup is one group of the conversion chain made ready for look-ups:
// a bit per code point that starts a key of any of its dictionaries, and
// per such code point the keys to try, in the order that gives gocc's
// answer (the longest key of the first dictionary that has one). The
// groups are worked out from t2sGroups at build time (t2sdata.go,
// TestT2SData), so that a run pays no map building (15 ms at its start).
type t2sGroup struct {
	starts [t2sEnd / 64]uint64
	// rank holds, per word of starts, the bits set in the words before
	// it: the start characters before r number rank[r/64] plus the bits
	// of r's word below r's.
	rank [t2sEnd / 64]uint16
	// off holds, per start character in code point order, where its keys
	// begin in keys, and one more offset: where the last one's end.
	off  []uint16
	keys []t2sEntry
}

// t2sEnd bounds the start bits: no key starts beyond it (CJK Extension G
// and later; TestT2SData).
const t2sEnd = 0x30000

// t2s returns the groups of the conversion chain.
func t2s() []t2sGroup { return t2sTables[:] }

// mayStart reports whether a key of g starts with r.
func (g *t2sGroup) mayStart(r rune) bool {
	return uint32(r) < t2sEnd && g.starts[r/64]&(1<<(r%64)) != 0
}

// keysOf returns the keys of g that start with r, in the order to try
// them.
func (g *t2sGroup) keysOf(r rune) []t2sEntry {
	if !g.mayStart(r) {
		return nil
	}
	w := r / 64
	i := int(g.rank[w]) + bits.OnesCount64(g.starts[w]&(1<<(r%64)-1))
	return g.keys[g.off[i]:g.off[i+1]]
}

// lookup returns the key of g that matches at the start of s (whose first
// character is r) and its value, or 0.
func (g *t2sGroup) lookup(s string, r rune) (int, string) {
	for _, e := range g.keysOf(r) {
		if strings.HasPrefix(s, e.key) {
			return len(e.key), e.value
		}
	}
	return 0, ""
}

// foldScript converts Traditional Chinese to Simplified as gocc's Convert
// does with OpenCC's t2s tables (for each group of the conversion chain in
// turn: at each Han character, the longest key of the first dictionary
// that has one, else the character), looking only at Han characters since
// only their keys are kept. It returns s itself when nothing changed.
func foldScript(s string) string {
	b, changed := appendScript(nil, s)
	if !changed {
		return s
	}
	return string(b)
}

// appendScript appends foldScript(s) to dst when it differs from s, and
// reports whether it did; dst is returned unchanged otherwise.
func appendScript(dst []byte, s string) ([]byte, bool) {
	tables := t2s()
	start := len(dst)
	var tmp []byte
	changed := false
	for gi := range tables {
		src := s
		if changed {
			// A later group reads the earlier one's output: move it aside.
			tmp = append(tmp[:0], dst[start:]...)
			src = bytesString(tmp)
		}
		var ok bool
		if dst, ok = convertGroup(dst[:start], src, &tables[gi]); ok {
			changed = true
		} else if changed {
			dst = append(dst[:start], src...)
		}
	}
	return dst, changed
}

// convertGroup appends s converted by g to dst when a key of g changes
// it, and reports whether one did. A key whose value is itself (了, 据)
// changes nothing: the text is copied only from the first real change.
func convertGroup(dst []byte, s string, g *t2sGroup) ([]byte, bool) {
	tbl := props()
	start := len(dst)
	copied := -1 // s[:copied] is in dst once a key changed something
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf { // no key starts with ASCII
			i++
			continue
		}
		var (
			r rune
			n int
		)
		if 0xE0 <= c && c < 0xF0 && i+2 < len(s) {
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		} else {
			r, n = decode(s, i)
		}
		// U+4E00–U+9FFF are all Han; elsewhere ask the table.
		if !g.mayStart(r) || !(0x4E00 <= r && r <= 0x9FFF || propOf(tbl, r)&pHan != 0) {
			i += n
			continue
		}
		key, value := g.lookup(s[i:], r)
		if key == 0 {
			i += n
			continue
		}
		if value != s[i:i+key] {
			if copied < 0 {
				dst = slices.Grow(dst, len(s)+8)
				copied = 0
			}
			dst = append(append(dst, s[copied:i]...), value...)
			copied = i + key
		}
		i += key
	}
	if copied < 0 {
		return dst[:start], false
	}
	return append(dst, s[copied:]...), true
}

// t2sAnyStart returns a bit per code point below t2sEnd that starts a key
// of any group: a place where no group's key starts is one the whole
// chain passes over (t2sAnyStarts, generated).
func t2sAnyStart() *[t2sEnd / 64]uint64 { return &t2sAnyStarts }

// markHanKeys appends to at the offset, counted from base, of every
// character of s (all U+4000–U+9FFF, three bytes each) that starts a key
// of some group by starts (t2sAnyStart's): the word of the bitmap comes
// from the first two bytes, the bit from the third.
func markHanKeys(at []int32, starts *[t2sEnd / 64]uint64, s string, base int) []int32 {
	for j := base; len(s) >= 3; j += 3 {
		w := starts[int(s[0]&0x0F)<<6|int(s[1]&0x3F)]
		if w>>(s[2]&0x3F)&1 != 0 {
			at = append(at, int32(j))
		}
		s = s[3:]
	}
	return at
}

// markKeys appends to at the offset of every character of b[from:] (valid
// UTF-8) that may start a key of some group.
func markKeys(at []int32, b []byte, from int) []int32 {
	for j := from; j < len(b); {
		if b[j] < utf8.RuneSelf {
			j++ // no key starts with ASCII
			continue
		}
		r, n := utf8.DecodeRune(b[j:])
		if mayStartAny(r) {
			at = append(at, int32(j))
		}
		j += n
	}
	return at
}

// mayStartAny reports whether a key of some group starts with r.
func mayStartAny(r rune) bool {
	return uint32(r) < t2sEnd && t2sAnyStarts[r/64]&(1<<(r%64)) != 0
}

// t2sPairs filters the places a key may start before a look-up: a bit
// per code point that is a key by itself, and a hashed bit per pair of
// the first two characters of the longer keys. Most characters that start
// a key (一, 不, 大) are followed by one no key of theirs continues with.
type t2sPairs struct {
	whole [t2sEnd / 64]uint64
	pairs [1 << 16 / 64]uint64
}

// t2sFilter returns the filter of the chain's keys (t2sKeyPairs,
// generated).
func t2sFilter() *t2sPairs { return &t2sKeyPairs }

// pairHash is a 16-bit hash of two characters.
func pairHash(r, r2 rune) uint32 {
	return (uint32(r)*0x9E3779B1 ^ uint32(r2)*0x85EBCA77) >> 16
}

// mayMatch reports whether a key may match at the start of s, whose first
// character r takes n bytes: false only when none does.
func (f *t2sPairs) mayMatch(s string, r rune, n int) bool {
	if r >= t2sEnd || f.whole[r/64]&(1<<(r%64)) != 0 || n == len(s) {
		return true
	}
	r2, _ := utf8.DecodeRuneInString(s[n:])
	h := pairHash(r, r2)
	return f.pairs[h/64]&(1<<(h%64)) != 0
}

// scriptFrom returns the first of the offsets at in b where a key of some
// group matches, or -1 when none does. at must hold every offset in b
// where a key may start: before the one returned no group changes or
// skips anything, so that b folds as b[:from] followed by the fold of
// b[from:], and not at all when it returns -1.
func scriptFrom(b []byte, at []int32) int {
	if len(at) == 0 {
		return -1
	}
	tables, filter := t2s(), t2sFilter()
	s := bytesString(b)
	for _, i := range at {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !filter.mayMatch(s[i:], r, n) {
			continue
		}
		for gi := range tables {
			if g := &tables[gi]; g.mayStart(r) {
				if key, _ := g.lookup(s[i:], r); key > 0 {
					return int(i)
				}
			}
		}
	}
	return -1
}
