package text

import etext "github.com/promo-cli/promo/pkg/text"

// Counts holds a text's length in every unit.
type Counts struct {
	Runes, Graphemes, Width, Weibo, Han, Words, Twitter int
}

// Of returns the count in unit u, or 0 for an unknown unit.
func (c Counts) Of(u Unit) int {
	switch u {
	case Runes:
		return c.Runes
	case Graphemes:
		return c.Graphemes
	case Width:
		return c.Width
	case Weibo:
		return c.Weibo
	case Han:
		return c.Han
	case Words:
		return c.Words
	case Twitter:
		return c.Twitter
	}
	return 0
}

// twitterURLWeight is what twitter-text v3 counts for any URL.
const twitterURLWeight = 23

// Measurer measures texts with buffers it reuses, so that measuring many
// posts allocates nothing once the buffers have grown. The zero value is
// ready to use; a Measurer is not safe for concurrent use.
type Measurer struct {
	sc scanner
}

// Measure returns s's length in every unit, leaving out the kinds of span
// in ex (each character is counted or left out once). Tags are read in
// syntax syn, which matters only when ex leaves out tags or mentions.
func Measure(s string, ex Exclude, syn Syntax) Counts {
	var m Measurer
	return m.Measure(s, ex, syn)
}

// Measure is the package-level Measure with m's buffers.
//
// Units: runes are code points after NFC; graphemes are UAX #29 extended
// grapheme clusters; width is terminal columns by go-runewidth with
// ambiguous characters 1 column and every emoji sequence 2; weibo counts
// a cluster whose first code point is at most U+00FF as ½ and any other
// as 1, rounded up; han counts \p{Han} code points; words counts each
// CJK ideograph, kana or Hangul syllable as one word and each run of other
// letters and digits as one (a URL is one word); twitter is twitter-text
// v3's weighted length (each URL 23, each emoji sequence 2).
func (m *Measurer) Measure(s string, ex Exclude, syn Syntax) Counts {
	t := Normalize(s)
	specials := m.sc.specials(t, syn, ex&(ExcludeTags|ExcludeMentions) != 0)
	return count(t, specials, ex)
}

// count is the counting pass over normalized text t with its special
// spans: cluster by cluster, each in the special span that holds it, if
// any.
func count(t string, specials []Span, ex Exclude) Counts {
	var (
		c        Counts
		halves   int
		inWord   bool
		k        int
		urlShown = -1 // index of the last URL whose 23 was counted
	)
	for i := 0; i < len(t); {
		end, ci := etext.ClusterAt(t, i)
		for k < len(specials) && specials[k].End <= i {
			k++
		}
		kind := ci.Kind
		if k < len(specials) && specials[k].Start <= i {
			kind = specials[k].Kind
		}
		inURL := kind == SpanURL
		i = end
		// Inside a tag or mention, white space, punctuation and emoji can
		// be left out on their own account too.
		excluded := spanExclude[kind]&ex != 0 || !inURL && spanExclude[ci.Kind]&ex != 0
		if excluded {
			if ci.Word == 0 {
				inWord = false
			}
			continue
		}
		c.Runes += ci.Runes
		c.Graphemes++
		c.Width += ci.Width
		c.Han += ci.Han
		if ci.Half {
			halves++
		} else {
			c.Weibo++
		}
		if inURL {
			if urlShown != k {
				urlShown = k
				c.Twitter += twitterURLWeight
				c.Words++
			}
			inWord = false
			continue
		}
		c.Twitter += ci.Twitter
		switch ci.Word {
		case 0:
			inWord = false
		case 1:
			if !inWord {
				c.Words++
				inWord = true
			}
		case 2:
			c.Words++
			inWord = false
		}
	}
	c.Weibo += (halves + 1) / 2
	return c
}
