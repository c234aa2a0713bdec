package text

import (
	"unicode/utf8"

	etext "github.com/promo-cli/promo/pkg/text"
)

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
	var sc scanner
	t := Normalize(s)
	specials := sc.specials(t, syn, true)
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
				end, _ = etext.ClusterAt(t, end)
			}
			for j := k + 1; j < len(specials) && specials[j].Start < end; j++ {
				specials[j].Start = min(end, specials[j].End)
			}
			dst = appendSpan(dst, Span{Kind: sp.Kind, Start: i, End: end}, false)
			i = end
			continue
		}
		end, info := etext.ClusterAt(t, i)
		for j := k; j < len(specials) && specials[j].Start < end; j++ {
			// The cluster swallowed the start of a special span (a
			// Prepend character before '#'): the span starts after it.
			specials[j].Start = min(end, specials[j].End)
		}
		dst = appendSpan(dst, Span{Kind: info.Kind, Start: i, End: end}, true)
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

// scanner finds the spans that patterns decide (URLs, tags, mentions).
type scanner struct{}

// specials returns the URL, tag and mention spans of t in order, looking
// for a sigil at every byte outside the URLs (the engine's URL and tag
// recognition, read the straightforward way). With full false it returns
// the URLs only, which is all the twitter unit needs.
func (sc *scanner) specials(t string, syn Syntax, full bool) []Span {
	urls := etext.FindURLs(t)
	if !full {
		return urls
	}
	var out []Span
	u := 0
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
		if sp, ok := etext.SpecialAt(t, i, limit, syn); ok {
			out = append(out, sp)
			i = sp.End
			continue
		}
		i++
	}
	return out
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
