package text

import "strings"

// findURLs appends the URLs of t to dst, in order. A URL is http:// or
// https:// (any case) or www., not glued to an ASCII letter, digit or sigil
// before it, with a host of at least one character. It runs over printable
// ASCII and stops at anything else (a CJK character, full-width punctuation,
// white space), and drops trailing characters twitter-text never ends a URL
// with (".", ",", ":", "!", "?", quotes, an unbalanced ")" or "]", "*").
// A t.co link ends where twitter-text ends it (see tcoEnd).
func findURLs(t string, dst []Span) []Span {
	// Candidates are found with two cursors that only move forward, so a
	// long post with many dots is scanned once, not once per URL.
	sep, www := -2, -2 // next "://" and "www." at or after the cursor; -2: unknown, -1: none
	for i := 0; i < len(t); {
		if sep != -1 && sep < i {
			sep = indexFrom(t, i, "://")
		}
		if www != -1 && www < i {
			www = indexWWW(t, i)
		}
		start := -1
		if sep >= 0 {
			// Step back over the scheme's letters.
			b := sep
			for b > i && isASCIILetter(t[b-1]) {
				b--
			}
			if b < sep {
				start = b
			} else {
				i = sep + 3 // "://" with no scheme before it
				continue
			}
		}
		if www >= 0 && (start < 0 || www < start) {
			start = www
		}
		if start < 0 {
			break
		}
		if end, ok := urlAt(t, start); ok {
			dst = append(dst, Span{SpanURL, start, end})
			i = end
			continue
		}
		i = start + 1
	}
	return dst
}

// indexFrom is strings.Index from offset i, or -1.
func indexFrom(t string, i int, sub string) int {
	if k := strings.Index(t[i:], sub); k >= 0 {
		return i + k
	}
	return -1
}

// indexWWW finds "www." in any case, from offset i, or -1.
func indexWWW(t string, i int) int {
	for {
		k := strings.IndexByte(t[i:], '.')
		if k < 0 {
			return -1
		}
		d := i + k
		if d >= i+3 && (t[d-1]|0x20) == 'w' && (t[d-2]|0x20) == 'w' && (t[d-3]|0x20) == 'w' {
			return d - 3
		}
		i = d + 1
	}
}

// urlAt reports the end of the URL that starts at t[start], if one does.
func urlAt(t string, start int) (int, bool) {
	if start > 0 {
		switch c := t[start-1]; {
		case isASCIILetter(c), c >= '0' && c <= '9', c == '@', c == '$', c == '#', c == '_':
			return 0, false
		}
		if r := runeBefore(t, start); r == '＠' || r == '＃' || r == '＄' {
			return 0, false
		}
	}
	body, scheme := start, true
	switch {
	case hasFoldPrefix(t[start:], "https://"):
		body += len("https://")
	case hasFoldPrefix(t[start:], "http://"):
		body += len("http://")
	case hasFoldPrefix(t[start:], "www."):
		body, scheme = body+len("www."), false
	default:
		return 0, false
	}
	end := body
	for end < len(t) && urlByte(t[end]) {
		end++
	}
	if scheme && hasFoldPrefix(t[body:end], "t.co/") {
		if k, ok := tcoEnd(t, body+len("t.co/"), end); ok {
			return k, true
		}
	}
	end = trimURLEnd(t, body, end)
	if end <= body || !hostByte(t[body]) {
		return 0, false
	}
	return end, true
}

func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func hostByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9'
}

// urlByte reports whether c may appear inside a URL.
func urlByte(c byte) bool {
	if c <= ' ' || c >= 0x7F {
		return false
	}
	switch c {
	case '"', '<', '>', '\\', '^', '`', '{', '|', '}':
		return false
	}
	return true
}

// trimURLEnd drops what a URL does not end with: a URL ends with a letter,
// digit, '=', '_', '#', '/', '+', '-' or a balanced ')'.
func trimURLEnd(t string, body, end int) int {
	for end > body {
		switch c := t[end-1]; {
		case hostByte(c), c == '=', c == '_', c == '#', c == '/', c == '+', c == '-':
			return end
		case c == ')':
			if strings.Count(t[body:end], "(") >= strings.Count(t[body:end], ")") {
				return end
			}
		}
		end--
	}
	return end
}

// tcoEnd cuts a t.co link where twitter-text does: its path (from
// t[path]) is letters and digits only, then an optional query that ends
// with a letter, digit or one of "-_&=#/". ok is false when there is no
// such path, and the link is then read as any other URL.
func tcoEnd(t string, path, end int) (int, bool) {
	k := path
	for k < end && hostByte(t[k]) {
		k++
	}
	if k == path {
		return 0, false
	}
	if k < end && t[k] == '?' {
		last := k
		for q := k + 1; q < end && strings.IndexByte(tcoQueryBytes, t[q]) >= 0; q++ {
			if c := t[q]; hostByte(c) || strings.IndexByte("-_&=#/", c) >= 0 {
				last = q + 1
			}
		}
		k = last
	}
	return k, true
}

// tcoQueryBytes are the punctuation twitter-text allows in a query, besides
// letters and digits.
const tcoQueryBytes = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!?*'@();:&=+$/%#[]-_.,~|"
