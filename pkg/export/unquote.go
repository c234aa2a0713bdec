package export

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// unquote decodes a JSON string literal already checked to be valid, quotes included.
// It beats json.Unmarshal several times over on long posts, which nearly always hold
// escapes (\n, or \u0026 from encoders that escape HTML).
func unquote(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	in := raw[1 : len(raw)-1]
	if bytes.IndexByte(in, '\\') < 0 {
		return string(in), true
	}
	out, _, ok := appendUnquoted(make([]byte, 0, len(in)), in)
	if !ok {
		return "", false
	}
	// out is never touched again, so it can be the string's bytes, as in strings.Builder.
	return unsafe.String(unsafe.SliceData(out), len(out)), true
}

// appendUnquoted appends the decoded body of a string literal (in, without
// its quotes) to out; it never appends more than len(in) bytes. nul says an
// escape decoded to U+0000: the only way a literal that passed the scanner
// can decode to text that is not clean.
func appendUnquoted(out, in []byte) (_ []byte, nul, ok bool) {
	for i := 0; i < len(in); {
		j := bytes.IndexByte(in[i:], '\\')
		if j < 0 {
			return append(out, in[i:]...), nul, true
		}
		out = append(out, in[i:i+j]...)
		i += j
		if i+1 >= len(in) {
			return out, nul, false
		}
		n, ok := unescape(in[i:], &out)
		if !ok {
			return out, nul, false
		}
		nul = nul || out[len(out)-1] == 0
		i += n
	}
	return out, nul, true
}

var simpleEscapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// unescape appends the escape at the start of in and returns its length.
func unescape(in []byte, out *[]byte) (int, bool) {
	if e := simpleEscapes[in[1]]; e != 0 {
		*out = append(*out, e)
		return 2, true
	}
	r, ok := hex4(in)
	if !ok {
		return 0, false
	}
	n := 6
	if utf16.IsSurrogate(r) {
		r2, ok2 := hex4(in[6:])
		if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
			r, n = dec, 12
		} else {
			r = utf8.RuneError
		}
	}
	*out = utf8.AppendRune(*out, r)
	return n, true
}

// hex4 reads `\uXXXX` at the start of in.
func hex4(in []byte) (rune, bool) {
	if len(in) < 6 || in[0] != '\\' || in[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range in[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
