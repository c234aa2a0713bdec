package export

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// encodings maps a normalised encoding name to its decoder; nil means UTF-8.
var encodings = map[string]encoding.Encoding{
	"":        nil,
	"utf8":    nil,
	"utf16":   unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	"utf16le": unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	"utf16be": unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
	"gbk":     simplifiedchinese.GBK,
	"gb2312":  simplifiedchinese.GBK,
	"cp936":   simplifiedchinese.GBK,
	"gb18030": simplifiedchinese.GB18030,
	"big5":    traditionalchinese.Big5,
}

func normEncoding(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	return strings.NewReplacer("-", "", "_", "").Replace(name)
}

// CheckEncoding reports whether Read knows the encoding name.
func CheckEncoding(name string) error {
	if _, ok := encodings[normEncoding(name)]; !ok {
		return fmt.Errorf("unknown encoding %q; use utf-8, utf-16, gbk, gb18030 or big5", name)
	}
	return nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText returns the file's text as UTF-8, which may still hold invalid bytes.
// A BOM wins over the named encoding because spreadsheet tools write one that is right
// more often than the operator's setting.
func decodeText(r io.Reader, name string) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(3)
	if err != nil && err != io.EOF {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		_, err = br.Discard(3)
		return br, err
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), nil
	}
	enc := encodings[normEncoding(name)]
	if enc == nil {
		return br, nil
	}
	return bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), 64<<10), nil
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
	if strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) {
		return s
	}
	return string(repair([]byte(s)))
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
