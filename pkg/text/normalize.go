package text

import (
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the text that every offset in this package indexes: s
// with each byte that is not valid UTF-8 replaced by U+FFFD (one per byte,
// as range over a string decodes them), then in NFC. It returns s itself
// when s is already valid NFC, which is the common case.
func Normalize(s string) string {
	var buf normBuf
	return normalizeInto(s, &buf)
}

// normBuf holds the buffers Normalize works in: one for the text made
// valid, one for its NFC form. They must differ: norm's Append normalizes
// the concatenation of what the buffer holds and the new text.
type normBuf struct{ valid, nfc []byte }

// normalizeInto is Normalize with reusable buffers. The string it returns
// may alias them: it is valid until they are next written.
func normalizeInto(s string, buf *normBuf) string {
	if quickNFC(s) {
		return s
	}
	if !utf8.ValidString(s) {
		buf.valid = appendValid(buf.valid[:0], s)
		s = bytesString(buf.valid)
		// (norm's IsNormalString allocates; QuickSpanString does not.)
		if quickNFC(s) || norm.NFC.QuickSpanString(s) == len(s) {
			return s
		}
	}
	if norm.NFC.QuickSpanString(s) == len(s) {
		return s
	}
	buf.nfc = norm.NFC.AppendString(buf.nfc[:0], s)
	return bytesString(buf.nfc)
}

// appendValid appends s to b with each byte that is not valid UTF-8
// replaced by U+FFFD.
func appendValid(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// quickNFC reports, in one pass, that s is valid UTF-8 made only of runes
// that NFC leaves alone whatever surrounds them: such a text is in NFC.
// It may say false for a text that is in NFC; the callers then ask norm.
func quickNFC(s string) bool {
	tbl := props()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			// A run of ASCII (the English of a post), eight bytes a step.
			for i+8 <= len(s) && load64(s, i)&0x8080808080808080 == 0 {
				i += 8
			}
			continue
		}
		if c >= 0xE0 && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// Lead bytes E4–E9 encode U+4000–U+9FFF: CJK Extension A,
			// the Yijing hexagrams and the unified ideographs, all left
			// alone by NFC. Only the continuation bytes need checking.
			if c >= 0xE4 && c <= 0xE9 {
				// And the rest of a run of them, in a loop of its own.
				for i += 3; i+2 < len(s) && s[i]-0xE4 <= 0xE9-0xE4 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80; i += 3 {
				}
				continue
			}
			// The rest of the three-byte forms (CJK and full-width
			// punctuation) decoded here, without a call; an overlong form
			// or a surrogate is not valid UTF-8.
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r < 0x800 || 0xD800 <= r && r < 0xE000 || tbl[r]&pNFCUnsafe != 0 {
				return false
			}
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || propOf(tbl, r)&pNFCUnsafe != 0 {
			return false
		}
		i += n
	}
	return true
}

// load64 reads the eight bytes of s at i as one word (one load: the
// compiler combines these).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// bytesString views b as a string without copying. Callers never write to
// b while the string is in use.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
