package export

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/input"
	"golang.org/x/text/transform"
)

// CheckEncoding reports whether Read knows the encoding name.
func CheckEncoding(name string) error {
	_, err := input.Canonical(name)
	return err
}

// The byte-order marks, for tests that build files with them.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText returns the file's text as UTF-8, which may still hold invalid bytes, and
// how it was decoded. The encoding is chosen per file by pkg/input: a BOM, else valid
// UTF-8, else the named encoding, else the detector.
func decodeText(r io.Reader, name string) (*bufio.Reader, input.Info, error) {
	dec, info, err := input.NewReader(r, name)
	if err != nil {
		return nil, info, err
	}
	if br, ok := dec.(*bufio.Reader); ok {
		return br, info, nil
	}
	return bufio.NewReaderSize(dec, 64<<10), info, nil
}

// sanitize makes the text valid UTF-8 without NUL bytes, so that no reader fails on them.
func sanitize(r io.Reader) *bufio.Reader {
	return bufio.NewReaderSize(transform.NewReader(r, sanitizer{}), 64<<10)
}

var replacement = []byte("\uFFFD")

// clean reports whether b is valid UTF-8 without NUL bytes.
func clean(b []byte) bool {
	return bytes.IndexByte(b, 0) < 0 && utf8.Valid(b)
}

// repair returns b with invalid UTF-8 and NUL bytes replaced by U+FFFD.
func repair(b []byte) []byte {
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == 0 || (r == utf8.RuneError && n == 1) {
			out = append(out, replacement...)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

// cleanString is repair for strings decoded from escapes such as \u0000.
func cleanString(s string) string {
	if plainValid(s) {
		return s
	}
	return string(repair([]byte(s)))
}

// plainValid reports what strings.IndexByte(s, 0) < 0 &&
// utf8.ValidString(s) reports, in one pass that reads ASCII eight bytes
// at a time and the three-byte forms of Chinese without a call.
func plainValid(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return false
			}
			i++
			for i+8 <= len(s) {
				w := load64(s, i)
				if w&highs != 0 || (w-ones)&^w&highs != 0 {
					break // a byte that is not ASCII, or a NUL
				}
				i += 8
			}
			continue
		}
		// E1–EC and EE–EF take any two continuation bytes; E0 and ED
		// (overlong forms, surrogates) are left to the decoder.
		if 0xE1 <= c && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
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

// sanitizer is repair as a streaming transform.
type sanitizer struct{ transform.NopResetter }

func (sanitizer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c != 0 && c < utf8.RuneSelf {
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		r, n := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && n == 1 && !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		out := src[nSrc : nSrc+n]
		if c == 0 || (r == utf8.RuneError && n == 1) {
			out = replacement
		}
		if nDst+len(out) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc += n
	}
	return nDst, nSrc, nil
}
