package text

import (
	"strings"
	"unicode/utf8"
)

// SpanKind says what a span of a post is.
type SpanKind uint8

// The kinds of span Tokenize reports.
const (
	SpanText    SpanKind = iota // anything else: letters, digits, controls
	SpanURL                     // http(s)://…, www.… or a bare domain (gate.com/…)
	SpanTag                     // #hashtag, #topic#, $CASHTAG
	SpanMention                 // @name
	SpanSpace                   // white space and invisible characters (ZWSP, BOM)
	SpanPunct                   // punctuation and symbols
	SpanEmoji                   // one or more emoji sequences
)

var spanKindNames = [...]string{"text", "url", "tag", "mention", "space", "punct", "emoji"}

func (k SpanKind) String() string {
	if int(k) < len(spanKindNames) {
		return spanKindNames[k]
	}
	return "unknown"
}

// Span is a run of one kind, as byte offsets into Normalize(s).
type Span struct {
	Kind       SpanKind
	Start, End int
}

// spanExclude is the exclusion that drops a span kind.
var spanExclude = [...]Exclude{
	SpanText:    0,
	SpanURL:     ExcludeURLs,
	SpanTag:     ExcludeTags,
	SpanMention: ExcludeMentions,
	SpanSpace:   ExcludeWhitespace,
	SpanPunct:   ExcludePunctuation,
	SpanEmoji:   ExcludeEmoji,
}

// Tokenize splits s into spans that cover Normalize(s) exactly, each byte in
// one span: every URL, tag and mention is a span of its own; the rest is
// grouped into runs of text, white space, punctuation and emoji, each
// ending on a grapheme cluster boundary. A URL is found before anything
// else, so a '#' inside one is part of the URL. The spans are appended to
// dst, which may be nil.
func Tokenize(s string, syn Syntax, dst []Span) []Span {
	var tk Tokenizer
	return tk.Tokenize(s, syn, dst)
}

// Tokenizer tokenizes texts one after another, reusing its buffers. The
// zero value is ready to use; a Tokenizer is not safe for concurrent use.
type Tokenizer struct {
	sc scanner
}

// Tokenize is the package-level Tokenize with tk's buffers.
func (tk *Tokenizer) Tokenize(s string, syn Syntax, dst []Span) []Span {
	sc := &tk.sc
	t := normalizeInto(s, &sc.buf)
	specials := sc.specials(t, syn, true)
	tbl := props()
	k := 0
	for i := 0; i < len(t); {
		for k < len(specials) && specials[k].End <= i {
			k++
		}
		if k < len(specials) && specials[k].Start <= i {
			sp := specials[k]
			// A special span ends on a cluster boundary too: a mark
			// after a URL stays with the URL's last character.
			end := i
			for end < sp.End {
				end, _ = nextCluster(t, end, tbl)
			}
			for j := k + 1; j < len(specials) && specials[j].Start < end; j++ {
				specials[j].Start = min(end, specials[j].End)
			}
			dst = appendSpan(dst, Span{sp.Kind, i, end}, false)
			i = end
			continue
		}
		end, info := nextCluster(t, i, tbl)
		for j := k; j < len(specials) && specials[j].Start < end; j++ {
			// The cluster swallowed the start of a special span (a
			// Prepend character before '#'): the span starts after it.
			specials[j].Start = min(end, specials[j].End)
		}
		dst = appendSpan(dst, Span{info.kind, i, end}, true)
		i = end
	}
	return dst
}

// appendSpan adds sp, merging it into the previous span when both are
// mergeable runs of the same kind.
func appendSpan(dst []Span, sp Span, merge bool) []Span {
	if n := len(dst); merge && n > 0 && dst[n-1].Kind == sp.Kind && dst[n-1].End == sp.Start && sp.Kind != SpanURL && sp.Kind != SpanTag && sp.Kind != SpanMention {
		dst[n-1].End = sp.End
		return dst
	}
	return append(dst, sp)
}

// scanner finds the spans that patterns decide (URLs, tags, mentions),
// with buffers it reuses.
type scanner struct {
	buf    normBuf
	urls   []Span
	sigils []int32
	out    []Span
}

// specials returns the URL, tag and mention spans of t in order. With
// full false it finds URLs only, which is all the twitter unit needs.
func (sc *scanner) specials(t string, syn Syntax, full bool) []Span {
	sc.urls = findURLs(t, sc.urls[:0])
	if !full {
		return sc.urls
	}
	sc.sigils = findSigils(t, sc.sigils[:0])
	sc.out = specialsWith(t, sc.urls, sc.sigils, syn, sc.out[:0])
	return sc.out
}

// findSigils appends the offset of every sigil of t ('#', '$', '@' and
// their full-width forms) to dst, found once for all the readings of t.
func findSigils(t string, dst []int32) []int32 {
	var next triggers
	next.reset()
	for i := next.find(t, 0); i < len(t); i = next.find(t, i) {
		if c, n := sigilAt(t, i); c != 0 {
			dst = append(dst, int32(i))
			i += n
			continue
		}
		i++
	}
	return dst
}

// specialsWith is specials with t's URLs and sigils already found, so
// that the readings of one text in several syntaxes look for them once.
// The spans are appended to out.
func specialsWith(t string, urls []Span, sigils []int32, syn Syntax, out []Span) []Span {
	u, g := 0, 0
	for i := 0; i < len(t); {
		if u < len(urls) && i >= urls[u].Start {
			out = append(out, urls[u])
			i = urls[u].End
			u++
			continue
		}
		limit := len(t)
		if u < len(urls) {
			limit = urls[u].Start
		}
		for g < len(sigils) && int(sigils[g]) < i {
			g++
		}
		j := len(t)
		if g < len(sigils) {
			j = int(sigils[g])
		}
		if j >= limit {
			i = limit // nothing before the next URL (or the end)
			continue
		}
		i = j
		sigil, n := sigilAt(t, i)
		if sigil == 0 {
			i++
			continue
		}
		var sp Span
		ok := false
		switch sigil {
		case '#':
			sp, ok = tagAt(t, i, n, limit, syn)
		case '$':
			sp, ok = cashtagAt(t, i, n, limit)
		case '@':
			sp, ok = mentionAt(t, i, n, limit, syn)
		}
		if ok {
			out = append(out, sp)
			i = sp.End
			continue
		}
		i += n
	}
	return out
}

// triggerBytes are the bytes that can start a sigil: '#', '$', '@' and
// the lead byte of their full-width forms.
const triggerBytes = "#$@\xEF"

// triggers finds the next sigil with one strings.IndexByte cursor per
// byte of triggerBytes, each moved only when passed, so a post is scanned
// a few times at memory speed rather than byte by byte.
type triggers struct{ at [len(triggerBytes)]int }

func (tr *triggers) reset() {
	for k := range tr.at {
		tr.at[k] = -2 // not looked for yet
	}
}

// find returns the first trigger at or after i, or len(t).
func (tr *triggers) find(t string, i int) int {
	best := len(t)
	for k := range tr.at {
		if tr.at[k] == -1 {
			continue // none left
		}
		if tr.at[k] < i {
			tr.at[k] = -1
			if j := indexTrigger(t, i, triggerBytes[k]); j >= 0 {
				tr.at[k] = j
			}
		}
		if tr.at[k] >= 0 && tr.at[k] < best {
			best = tr.at[k]
		}
	}
	return best
}

// indexTrigger returns where the first sigil that starts with the byte c
// is in t at or after i, or -1. The lead byte of the full-width sigils
// also leads the full-width commas, colons and brackets of every Chinese
// post: those are passed over here, not one find each.
func indexTrigger(t string, i int, c byte) int {
	for {
		j := strings.IndexByte(t[i:], c)
		if j < 0 {
			return -1
		}
		if i += j; c != 0xEF {
			return i
		}
		if s, _ := sigilAt(t, i); s != 0 {
			return i
		}
		i++
	}
}

// sigilAt reports the ASCII sigil at t[i] ('#', '$' or '@', full-width
// forms included) and its length in bytes, or 0.
func sigilAt(t string, i int) (byte, int) {
	if i >= len(t) {
		return 0, 0
	}
	switch c := t[i]; c {
	case '#', '$', '@':
		return c, 1
	case 0xEF:
		if i+2 < len(t) && t[i+1] == 0xBC {
			switch t[i+2] {
			case 0x83: // ＃
				return '#', 3
			case 0x84: // ＄
				return '$', 3
			case 0xA0: // ＠
				return '@', 3
			}
		}
	}
	return 0, 0
}

// isHashSigil reports whether t[i:] starts with '#' or '＃', and its length.
func isHashSigil(t string, i int) (bool, int) {
	c, n := sigilAt(t, i)
	return c == '#', n
}

// runeBefore returns the rune that ends just before t[i], or -1 at the start.
func runeBefore(t string, i int) rune {
	if i == 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return r
}

// lineEnd reports whether r ends a line.
func lineEnd(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x0B || r == 0x0C || r == 0x85 || r == 0x2028 || r == 0x2029
}

// Specials returns Normalize(s) and its URL, tag and mention spans exactly
// as Tokenize returns them (each ending on a cluster boundary, shifted past
// a cluster that swallowed its start, empty ones left out), without
// segmenting the rest of the text into clusters: only the few characters
// before each span, from a point that is a boundary whatever precedes it,
// and the span itself are walked. The spans are appended to dst.
func (tk *Tokenizer) Specials(s string, syn Syntax, dst []Span) (string, []Span) {
	t := normalizeInto(s, &tk.sc.buf)
	return t, tk.specialsOf(t, syn, dst)
}

// specialsOf is Specials over a text already in NFC.
func (tk *Tokenizer) specialsOf(t string, syn Syntax, dst []Span) []Span {
	return clusterSpans(t, tk.sc.specials(t, syn, true), dst)
}

// specialsOfSigils is specialsOf given t's sigils (findSigils').
func (tk *Tokenizer) specialsOfSigils(t string, syn Syntax, sigils []int32, dst []Span) []Span {
	sc := &tk.sc
	sc.urls = findURLs(t, sc.urls[:0])
	sc.out = specialsWith(t, sc.urls, sigils, syn, sc.out[:0])
	return clusterSpans(t, sc.out, dst)
}

// clusterSpans appends to dst the spans of specials (t's, in order)
// widened to t's cluster boundaries, as Specials returns them.
func clusterSpans(t string, specials []Span, dst []Span) []Span {
	tbl := props()
	pos := 0 // a cluster boundary: everything before it is decided
	for _, sp := range specials {
		start := sp.Start
		if start < pos {
			start = min(pos, sp.End) // a span or cluster passed its start
		}
		if start >= sp.End {
			continue
		}
		if start > pos {
			p := clustersTo(t, safeBoundary(t, start, pos), start, tbl)
			pos = p
			if p > start { // a cluster crossed into the span
				if start = min(p, sp.End); start >= sp.End {
					continue
				}
			}
		}
		end := clustersTo(t, start, sp.End, tbl)
		dst = append(dst, Span{sp.Kind, start, end})
		pos = end
	}
	return dst
}

// clustersTo walks t (valid UTF-8) cluster by cluster from the boundary
// from, and returns the first boundary at or after to. An ASCII character
// other than CR, or a character of U+4000–U+9FFF, that the next one does
// not extend is a cluster of its own, as nextCluster would find: the
// characters of a topic such as "#Gate Alpha 第三届积分狂欢节#" are
// passed without a call each.
func clustersTo(t string, from, to int, tbl *[propTableSize]prop) int {
	e := from
	for e < to {
		switch c := t[e]; {
		case c < utf8.RuneSelf && c != '\r' && cjkAlone(t, e+1, tbl):
			e++
		case c-0xE4 <= 0xE9-0xE4 && e+3 <= len(t) && cjkAlone(t, e+3, tbl):
			e += 3
		default:
			e, _ = nextCluster(t, e, tbl)
		}
	}
	return e
}

// safeBoundary returns the last position in [floor, at] that is a grapheme
// cluster boundary whatever the text before it holds, looking back a few
// characters at most, or floor (a boundary the caller knows). Between two
// characters that are each ASCII or a CJK unified ideograph, the first not
// a carriage return, UAX #29 always breaks: neither extends, joins, is
// prepended or pairs as regional indicators do.
func safeBoundary(t string, at, floor int) int {
	for q, steps := at, 0; q > floor && steps < 16; steps++ {
		prev, n := utf8.DecodeLastRuneInString(t[:q])
		cur, _ := utf8.DecodeRuneInString(t[q:])
		if alwaysBreaks(prev) && prev != '\r' && alwaysBreaks(cur) {
			return q
		}
		q -= n
	}
	return floor
}

func alwaysBreaks(r rune) bool {
	return r < utf8.RuneSelf || 0x4E00 <= r && r <= 0x9FFF
}
