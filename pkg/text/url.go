package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// findURLs appends the URLs of t to dst, in order. A URL is http:// or
// https:// (any case) or www., not glued to an ASCII letter, digit or sigil
// before it, with a host of at least one character; or a bare domain that
// ends in a known top-level domain (see bareAt). It runs over printable
// ASCII and stops at anything else (a CJK character, full-width punctuation,
// white space), and drops trailing characters twitter-text never ends a URL
// with (".", ",", ":", "!", "?", quotes, an unbalanced ")" or "]", "*").
// A t.co link ends where twitter-text ends it (see tcoEnd).
func findURLs(t string, dst []Span) []Span {
	// Candidates are found with cursors that only move forward, so a long
	// post with many dots is scanned once, not once per URL.
	if !labelDot(t) {
		// Every URL has an ASCII dot that starts a label: a host has
		// two labels joined by one (hostAt), a t.co link has its own.
		// Most posts of a Chinese export have none: no dot at all, or
		// only those that end an English sentence, before a space or
		// at the end. This one look saves them the three cursors'
		// scans, each over the whole text (TestURLNeedsDot).
		return dst
	}
	return scanURLs(t, dst)
}

// labelDot reports whether t has an ASCII dot followed by what may start
// a host's label (startsLabel), as every URL has.
func labelDot(t string) bool {
	for i := 0; ; {
		k := strings.IndexByte(t[i:], '.')
		if k < 0 {
			return false
		}
		i += k + 1
		if i < len(t) && startsLabel(t, i) {
			return true
		}
	}
}

// scanURLs is findURLs past its first look.
func scanURLs(t string, dst []Span) []Span {
	sep, www := -2, -2 // next "://" and "www." at or after the cursor; -2: unknown, -1: none
	var bare bareCursor
	bare.reset()
	for i := 0; i < len(t); {
		if sep != -1 && sep < i {
			sep = indexSep(t, i)
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
		if b := bare.find(t, i); b >= 0 && (start < 0 || b < start) {
			if end, ok := bareAt(t, b); ok {
				dst = append(dst, Span{SpanURL, b, end})
				i = end
				continue
			}
			bare.skip(t, b)
			i = b + 1
			continue
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

// indexSep finds "://" from offset i, or -1. It looks for the slashes:
// a Chinese post has colons (its full-width ones become ASCII under the
// width fold, and findURLs reads the folded text too) but hardly ever a
// slash, so strings.Index, which stops at every colon, is slower.
func indexSep(t string, i int) int {
	for p := i + 1; p+1 < len(t); p++ {
		k := strings.IndexByte(t[p:len(t)-1], '/')
		if k < 0 {
			return -1
		}
		p += k
		if t[p-1] == ':' && t[p+1] == '/' {
			return p - 1
		}
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

// bareCursor finds where a bare domain may start: the start of a run of
// letters, digits, '-' and '.' that holds a '.' between two letters or
// digits. Only such a dot is worth a closer look, so most dots (in "1. ",
// "...", "e.g. ") cost one comparison.
type bareCursor struct {
	at    int // the candidate found; -2: unknown, -1: none left
	floor int // no candidate starts before this: the runs already ruled out
}

func (c *bareCursor) reset() { c.at, c.floor = -2, 0 }

// find returns the first candidate at or after i, or -1.
func (c *bareCursor) find(t string, i int) int {
	if c.at == -1 || c.at >= i {
		return c.at
	}
	lo := max(i, c.floor)
	for d := lo; ; d++ {
		k := strings.IndexByte(t[d:], '.')
		if k < 0 {
			c.at = -1
			return -1
		}
		d += k
		if d > lo && d+1 < len(t) && (hostByte(t[d-1]) || latinBefore(t, d)) && startsLabel(t, d+1) {
			s := d
			for s > lo {
				if domainByte(t[s-1]) {
					s--
				} else if latinBefore(t, s) {
					_, m := utf8.DecodeLastRuneInString(t[:s])
					s -= m
				} else {
					break
				}
			}
			c.at = s
			return s
		}
	}
}

// skip rules out the run that starts at t[s], so that no part of it is
// looked at again.
func (c *bareCursor) skip(t string, s int) {
	e := s
	for e < len(t) {
		if domainByte(t[e]) {
			e++
			continue
		}
		r, m := utf8.DecodeRuneInString(t[e:])
		if r < utf8.RuneSelf || !unicode.Is(unicode.Latin, r) && !unicode.IsMark(r) {
			break
		}
		e += m
	}
	c.at, c.floor = -2, e
}

// latinBefore reports whether the rune before t[i] is a non-ASCII Latin
// letter or mark, which a bare domain's labels may hold ("münchen.de"), so
// that "ELPAÍS.com" is read whole and never as "S.com".
func latinBefore(t string, i int) bool {
	if i == 0 || t[i-1] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return unicode.Is(unicode.Latin, r) || unicode.IsMark(r)
}

func domainByte(c byte) bool { return hostByte(c) || c == '-' || c == '.' }

// bareAt reports the end of the URL without a scheme that starts at t[s],
// the start of a run of letters, digits, '-' and '.', if one does: labels
// of letters, digits and inner hyphens joined by dots, the last a top-level
// domain, then an optional port, path and query. As in twitter-text it is
// no URL when glued to what comes before (so an e-mail address has none) or
// followed by '@' or '+'. A single name under a country code is a URL with
// or without a path ("gate.io", "it.so"), as in twitter-text since 2.0;
// 1.x wanted a path there, except under .co and .tv.
func bareAt(t string, s int) (int, bool) {
	if gluedBare(t, s) {
		return 0, false
	}
	host, _, _, ok := hostAt(t, s, true)
	if !ok {
		return 0, false
	}
	end := host
	if end < len(t) && (t[end] == '@' || t[end] == '+') {
		return 0, false
	}
	if end+1 < len(t) && t[end] == ':' && isDigit(t[end+1]) {
		for end++; end < len(t) && isDigit(t[end]); end++ {
		}
	}
	if end < len(t) && (t[end] == '/' || t[end] == '?') {
		e := end
		for e < len(t) && urlByte(t[e]) {
			e++
		}
		if t[end] == '/' && host == s+len("t.co") && strings.EqualFold(t[s:host], "t.co") {
			if k, ok := tcoEnd(t, end+1, e); ok {
				return k, true
			}
		}
		end = trimURLEnd(t, end, e)
	}
	return end, true
}

// gluedBare reports whether the bare domain at t[s] is part of something
// else: a word, an e-mail address, a mention, a tag or a path.
func gluedBare(t string, s int) bool {
	if s == 0 {
		return false
	}
	switch c := t[s-1]; {
	case hostByte(c), c == '_', c == '.', c == '@', c == '-', c == '/', c == '$', c == '#':
		return true
	}
	r := runeBefore(t, s)
	return r == '＠' || r == '＃' || r == '＄' || glueRune(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// maxTLD bounds the labels looked up: the longest top-level domain in use
// has 24 characters.
const maxTLD = 30

// tldCache remembers the labels isTLD has looked up, because the public
// suffix list's lookup allocates and measuring should not. It stops
// growing at maxTLDCache labels so that odd input cannot grow it without
// bound; labels past that are looked up each time.
var tldCache struct {
	sync.RWMutex
	known map[string]bool
}

const maxTLDCache = 4096

// isTLD reports whether label, in any case, is a top-level domain of the
// ICANN section of the public suffix list.
func isTLD(label string) bool {
	if len(label) > maxTLD || !isASCIILetter(label[0]) {
		return false
	}
	var buf [maxTLD]byte
	lower := buf[:len(label)]
	for i := range lower {
		c := label[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	tldCache.RLock()
	ok, found := tldCache.known[string(lower)]
	tldCache.RUnlock()
	if found {
		return ok
	}
	// A name under the label, so that TLDs listed only by a wildcard
	// rule ("*.ck") count too.
	_, ok = publicsuffix.PublicSuffix("a." + string(lower))
	tldCache.Lock()
	if tldCache.known == nil {
		tldCache.known = make(map[string]bool)
	}
	if len(tldCache.known) < maxTLDCache {
		tldCache.known[string(lower)] = ok
	}
	tldCache.Unlock()
	return ok
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
		scheme = false
	default:
		return 0, false
	}
	if scheme && hasFoldPrefix(t[body:], "t.co/") {
		end := body
		for end < len(t) && urlByte(t[end]) {
			end++
		}
		if k, ok := tcoEnd(t, body+len("t.co/"), end); ok {
			return k, true
		}
	}
	host, _, _, ok := hostAt(t, body, false)
	if !ok {
		return 0, false
	}
	end := host
	for end < len(t) {
		if c := t[end]; c < utf8.RuneSelf {
			if !urlByte(c) && c != '|' {
				break
			}
			end++
			continue
		}
		r, m := utf8.DecodeRuneInString(t[end:])
		if !pathRune(r) {
			break
		}
		end += m
	}
	if end > host {
		end = max(host, trimURLEnd(t, host, end))
	}
	return end, true
}

// hostAt reads the host of a URL at t[s]: labels
// joined by dots, each 1–63 letters, digits, marks (any script, so
// "ああ.com" and "münchen.de" are hosts) and inner hyphens, the last a
// top-level domain (ASCII or internationalised, "みんな") that is ASCII or
// not as a whole ("gate.io活动" has the host gate.io). A label with an
// underscore or an edge hyphen, or a host without a known top-level
// domain ("no-tld"), makes no URL, as in twitter-text. A bare domain
// (bare) is read as twitter-text reads one, as ASCII within the text:
// its labels hold ASCII, Latin letters and marks and end at another
// script, and only its top-level domain may be in another script
// ("twitter.jp日本語it.so" holds twitter.jp and it.so).
// It returns where the host ends, where its top-level domain starts, and
// how many labels it has.
func hostAt(t string, s int, bare bool) (host, last, labels int, ok bool) {
	end := s
	for {
		e, ascii := end, true
		n := 0
		for e < len(t) {
			r, m := utf8.DecodeRuneInString(t[e:])
			if r == '_' {
				return 0, 0, 0, false
			}
			if !(r == '-' || r < utf8.RuneSelf && hostByte(byte(r)) || r >= utf8.RuneSelf && hostRune(r)) {
				break
			}
			if bare && n > 0 && r >= utf8.RuneSelf && !latinRune(r) && latinRune(leadRune(t[end:])) {
				break // "jp" in "twitter.jp日本語it.so": the label ends at the CJK
			}
			ascii = ascii && r < utf8.RuneSelf
			e += m
			n++
		}
		if n == 0 || n > 63 || t[end] == '-' || t[e-1] == '-' {
			return 0, 0, 0, false
		}
		labels++
		if e+1 < len(t) && t[e] == '.' && startsLabel(t, e+1) {
			if !bare || latinRune(leadRune(t[e+1:])) {
				end = e + 1
				continue
			}
			// Only the top-level domain of a bare domain may be in
			// another script ("twitter.みんな"); other text after the dot
			// ends the host before it ("foo.com.著名").
			if n := idnTLDPrefix(t[e+1 : idnLabelEnd(t, e+1)]); n > 0 {
				return e + 1 + n, e + 1, labels + 1, true
			}
		}
		if labels < 2 {
			return 0, 0, 0, false
		}
		if tld := t[end:e]; isAnyTLD(tld) {
			return e, end, labels, true
		} else if !ascii {
			// The top-level domain is the run of one kind its label
			// starts with: "io" in "gate.io活动", or an internationalised
			// one its label starts with: "中国" in "gate.中国站".
			k := end
			first := t[end] < utf8.RuneSelf
			for k < e {
				_, m := utf8.DecodeRuneInString(t[k:])
				if (t[k] < utf8.RuneSelf) != first {
					break
				}
				k += m
			}
			if first {
				if k < e && isTLD(t[end:k]) {
					return k, end, labels, true
				}
			} else if n := idnTLDPrefix(t[end:k]); n > 0 {
				return end + n, end, labels, true
			}
		}
		return 0, 0, 0, false
	}
}

// idnTLDPrefix is the length of the longest start of label, whole runes,
// that is an internationalised top-level domain, or 0. As in twitter-text,
// whose top-level domains need only no ASCII letter, digit or @ after
// them, such a domain ends where the text after it goes on in its own
// script: "twitter.みんなです" holds twitter.みんな. Only starts of at most
// maxTLD-4 runes are looked up: the domain's ASCII form, "xn--" and at
// least a byte a rune, has at most maxTLD bytes.
func idnTLDPrefix(label string) int {
	if isAnyTLD(label) {
		return len(label)
	}
	longest := 0
	for n, runes := 0, 0; runes < maxTLD-4; runes++ {
		_, m := utf8.DecodeRuneInString(label[n:])
		if n += m; n >= len(label) {
			break
		}
		if isUnicodeTLD(label[:n]) {
			longest = n
		}
	}
	return longest
}

// idnLabelEnd is where the label at t[k] ends when it is read as an
// internationalised top-level domain: at the first ASCII or Latin rune, or
// at anything that is no letter, mark or digit.
func idnLabelEnd(t string, k int) int {
	for k < len(t) {
		r, m := utf8.DecodeRuneInString(t[k:])
		if latinRune(r) || !hostRune(r) {
			break
		}
		k += m
	}
	return k
}

// latinRune reports whether r may be in a bare domain's label, as in
// twitter-text's ASCII domains: ASCII, Latin letters with accents, marks.
func latinRune(r rune) bool {
	return r < utf8.RuneSelf || unicode.Is(unicode.Latin, r) || unicode.IsMark(r)
}

// leadRune is the first rune of s.
func leadRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// startsLabel reports whether t[k] is a letter or digit, so that a dot
// before it joins two labels rather than ending the host.
func startsLabel(t string, k int) bool {
	if t[k] < utf8.RuneSelf {
		return hostByte(t[k])
	}
	r, _ := utf8.DecodeRuneInString(t[k:])
	return hostRune(r)
}

// hostRune reports whether a non-ASCII r may be part of a host label.
func hostRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// pathRune reports whether a non-ASCII r may be part of a URL's path, as
// twitter-text allows: Latin letters with accents, Cyrillic, marks and the
// en dash ("Hatfield–McCoy_feud", "Русские_слова", "café").
func pathRune(r rune) bool {
	return unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Cyrillic, r) || unicode.IsMark(r) || r == '–'
}

// isAnyTLD is isTLD for a label in ASCII or in Unicode ("みんな"). A
// Unicode label's answer is kept in tldCache under the label itself, so
// Chinese text after a dot is converted to punycode once, not each time.
func isAnyTLD(label string) bool {
	for i := 0; i < len(label); i++ {
		if label[i] >= utf8.RuneSelf {
			return isUnicodeTLD(label)
		}
	}
	return isTLD(label)
}

func isUnicodeTLD(label string) bool {
	if len(label) > 4*maxTLD {
		return false
	}
	tldCache.RLock()
	ok, found := tldCache.known[label]
	tldCache.RUnlock()
	if found {
		return ok
	}
	a, err := idna.ToASCII(label)
	ok = err == nil && a != label && isTLD(a)
	tldCache.Lock()
	if tldCache.known == nil {
		tldCache.known = make(map[string]bool)
	}
	if len(tldCache.known) < maxTLDCache {
		// label may be a view of a Scanner's buffer, which the next post
		// overwrites: the map keeps a copy of its own.
		tldCache.known[strings.Clone(label)] = ok
	}
	tldCache.Unlock()
	return ok
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
		r, m := utf8.DecodeLastRuneInString(t[body:end])
		switch c := r; {
		case c < utf8.RuneSelf && hostByte(byte(c)), c == '=', c == '_', c == '#', c == '/', c == '+', c == '-':
			return end
		case c >= utf8.RuneSelf && c != '–' && pathRune(c):
			return end
		case c == ')':
			if strings.Count(t[body:end], "(") >= strings.Count(t[body:end], ")") {
				return end
			}
		}
		end -= m
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
