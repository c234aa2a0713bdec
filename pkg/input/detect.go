package input

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// detectSize bounds the bytes the detector decodes: 32 KiB of Chinese text
// is thousands of characters, plenty to tell the encodings apart.
const detectSize = 32 << 10

// minScore is the score another encoding than UTF-8 must pass: about two
// common characters more good than bad.
const minScore = 7

// minUTF16 is the shortest sample read as UTF-16 without a BOM: eight characters.
const minUTF16 = 16

// candidates are the encodings the detector weighs, in the order that
// wins a tie: UTF-8 first, so damage to a UTF-8 file never garbles it all.
var candidates = []string{UTF8, GBK, Big5, UTF16LE, UTF16BE}

// Detect returns the encoding that reads sample as the most plausible
// text. Each candidate's decoding is scored per character: one of the
// common Chinese characters (either script) or CJK punctuation counts for,
// a rare Han character a little against, anything else outside ASCII (a
// Hangul syllable, a Latin-1 letter, a private-use or control code) and an
// undecodable byte strongly against. The wrong double-byte decodings of
// Chinese text land mostly on rare characters, Big5 read as GBK and back
// included, and Chinese read as UTF-16 on arbitrary code points. GBK text
// with four-byte GB18030 sequences is reported as GB18030.
func Detect(sample []byte) string {
	if len(sample) > detectSize {
		sample = sample[:detectSize]
	}
	// Another encoding must read better than UTF-8 and clearly well: a
	// file of a few stray bytes stays UTF-8, its bytes replaced.
	best, bestScore := UTF8, max(minScore, score(UTF8, sample))
	for _, enc := range candidates[1:] {
		if (enc == UTF16LE || enc == UTF16BE) && !utf16Shaped(sample, enc) {
			continue
		}
		if s := score(enc, sample); s > bestScore {
			best, bestScore = enc, s
		}
	}
	if best == GBK && hasGB18030(sample) {
		return GB18030
	}
	return best
}

// utf16Shaped reports whether sample can be UTF-16 text in the byte order
// enc at all. It must be long enough to tell it from two bytes of anything
// else, and hold a NUL byte, which every line break, digit or comma in
// UTF-16 brings: a run of ASCII digits read as UTF-16 is CJK punctuation
// (U+3030), so without this a mostly-ASCII file with a stray byte could be
// read as UTF-16.
//
// A sample that is valid UTF-8 but for its NULs needs more: ASCII letters
// and digits paired up read as common Chinese ("0b" is 戰), so ASCII text
// with a stray NUL read well as UTF-16 and lost its line breaks. Such a
// sample is UTF-16 only when it is mostly ASCII characters in UTF-16: a
// NUL in the high byte of at least half its code units, all at the one
// parity of offset the byte order puts them at. (Chinese text in UTF-16
// is almost never valid UTF-8: about one character in three has a byte of
// 0x80 or more, which does not form UTF-8 sequences.)
func utf16Shaped(sample []byte, enc string) bool {
	if len(sample) < minUTF16 || bytes.IndexByte(sample, 0) < 0 {
		return false
	}
	if !utf8.Valid(sample) {
		return true
	}
	high := 1 // the high byte's place in a code unit
	if enc == UTF16BE {
		high = 0
	}
	nuls := 0
	for k := high; k < len(sample); k += 2 {
		if sample[k] == 0 {
			nuls++
		}
	}
	return 2*nuls >= len(sample)/2
}

// score rates sample read as enc; higher is more plausible.
func score(enc string, sample []byte) int {
	text := sample
	if enc != UTF8 {
		dec := decoders[enc]
		if enc == GBK {
			dec = decoders[GB18030] // the same two-byte table, plus four-byte codes
		}
		var err error
		if text, _, err = transform.Bytes(dec.NewDecoder(), sample); err != nil {
			return -1 << 30
		}
	}
	s := 0
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		s += weigh(r, n)
	}
	return s
}

// weigh is one decoded character's score.
func weigh(r rune, n int) int {
	switch {
	case r == utf8.RuneError:
		return -8 * n
	case r == '\t' || r == '\n' || r == '\r':
		return 0
	case r < 0x20 || r == 0x7F:
		return -4 // control codes: UTF-16 read as bytes, or bytes as UTF-16
	case r < utf8.RuneSelf:
		return 1
	case common.has(r):
		return 4
	case isPunct(r):
		return 2
	case unicode.Is(unicode.Han, r):
		return -1
	}
	return -4
}

// isPunct reports CJK and full-width punctuation and symbols, common in
// Chinese text. The CJK block stops at U+301F: U+3030 and after (a wavy
// dash, kana repeat marks) are rare in posts, and U+3030 is what two ASCII
// digits read as UTF-16 give, so counting them made digits look like UTF-16.
func isPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x301F || r >= 0xFF01 && r <= 0xFF5E || r >= 0x2010 && r <= 0x2027 ||
		r == 0x00B7 || r == 0x00D7 || r == 0x2026
}

// hasGB18030 reports a four-byte GB18030 sequence: a lead byte, a digit, a
// lead byte, a digit.
func hasGB18030(b []byte) bool {
	for i := 0; i+3 < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		if c >= 0x81 && c <= 0xFE && b[i+1] >= 0x30 && b[i+1] <= 0x39 && b[i+2] >= 0x81 && b[i+2] <= 0xFE && b[i+3] >= 0x30 && b[i+3] <= 0x39 {
			return true
		}
		i++ // the second byte of a two-byte code
	}
	return false
}
