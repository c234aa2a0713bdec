package text

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// widthCondition is go-runewidth with the locale taken out: ambiguous-width
// characters are 1 column whatever LANG or RUNEWIDTH_EASTASIAN say.
var widthCondition = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// clusterInfo is what one grapheme cluster adds to the counts.
type clusterInfo struct {
	runes   int32
	han     int32
	width   int32
	twitter int32 // weight before URLs are taken into account
	half    bool  // first code point at most U+00FF: ½ weibo
	word    uint8 // 0 separator, 1 part of a letter/digit run, 2 a CJK word on its own
	kind    SpanKind
}

// asciiInfo is clusterInfo for each ASCII byte standing alone.
var asciiInfo = func() (a [utf8.RuneSelf]clusterInfo) {
	for c := range a {
		ci := clusterInfo{runes: 1, width: 1, twitter: 1, half: true, kind: SpanText}
		switch {
		case c < 0x20 || c == 0x7F:
			ci.width = 0
			if c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				ci.kind = SpanSpace
			}
		case c == ' ':
			ci.kind = SpanSpace
		case isASCIILetter(byte(c)) || c >= '0' && c <= '9':
			ci.word = 1
		default:
			ci.kind = SpanPunct
		}
		a[c] = ci
	}
	return a
}()

// twitterWeight is twitter-text v3's weight of one code point.
func twitterWeight(r rune) int32 {
	switch {
	case r <= 4351, 8192 <= r && r <= 8205, 8208 <= r && r <= 8223, 8242 <= r && r <= 8247:
		return 1
	}
	return 2
}

// nextCluster returns the end of the grapheme cluster that starts at t[i]
// and what it counts for. Most clusters are one rune, and that is decided
// from the rune and the next one alone; only a rune that can start a
// longer cluster, or one followed by a rune that can extend it, goes
// through full UAX #29 segmentation.
func nextCluster(t string, i int, tbl *[propTableSize]prop) (int, clusterInfo) {
	c := t[i]
	if c < utf8.RuneSelf {
		// An ASCII character is a cluster of its own unless it is CR
		// before LF or something that extends it follows.
		j := i + 1
		if j == len(t) || t[j] < utf8.RuneSelf && c != '\r' {
			return j, asciiInfo[c]
		}
		if c != '\r' {
			n, _ := decode(t, j)
			if propOf(tbl, n)&pExt == 0 {
				return j, asciiInfo[c]
			}
		}
		return slowCluster(t, i, tbl)
	}
	r, size := decode(t, i)
	p := propOf(tbl, r)
	j := i + size
	if p&pStart == 0 {
		single := j == len(t) || t[j] < utf8.RuneSelf
		if !single {
			n, _ := decode(t, j)
			single = propOf(tbl, n)&pExt == 0
		}
		if single {
			return j, runeInfo(r, p)
		}
	}
	return slowCluster(t, i, tbl)
}

// runeInfo is clusterInfo for a cluster of the one rune r, from its
// packed properties.
func runeInfo(r rune, p prop) clusterInfo {
	ci := clusterInfo{
		runes: 1,
		half:  r <= 0xFF,
		width: int32(p>>pWidthShift) & 3,
		kind:  SpanKind(p>>pKindShift) & 7,
		word:  uint8(p>>pWordShift) & 3,
		han:   int32(p>>2) & 1, // pHan
	}
	ci.twitter = 2
	if p&pLight != 0 && ci.kind != SpanEmoji {
		ci.twitter = 1
	}
	return ci
}

// decode is utf8.DecodeRuneInString for text known to be valid UTF-8,
// which is what Normalize returns; it does no checking beyond bounds.
func decode(t string, i int) (rune, int) {
	c := t[i]
	switch {
	case c < 0x80:
		return rune(c), 1
	case c < 0xE0:
		if i+1 < len(t) {
			return rune(c&0x1F)<<6 | rune(t[i+1]&0x3F), 2
		}
	case c < 0xF0:
		if i+2 < len(t) {
			return rune(c&0x0F)<<12 | rune(t[i+1]&0x3F)<<6 | rune(t[i+2]&0x3F), 3
		}
	default:
		if i+3 < len(t) {
			return rune(c&0x07)<<18 | rune(t[i+1]&0x3F)<<12 | rune(t[i+2]&0x3F)<<6 | rune(t[i+3]&0x3F), 4
		}
	}
	return utf8.DecodeRuneInString(t[i:])
}

// slowCluster segments the cluster at t[i] with uniseg and sums it up.
func slowCluster(t string, i int, tbl *[propTableSize]prop) (int, clusterInfo) {
	cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(t[i:], -1)
	if len(cluster) == 0 {
		cluster = t[i : i+1]
	}
	first, _ := utf8.DecodeRuneInString(cluster)
	pf := propOf(tbl, first)
	if len(cluster) == utf8.RuneLen(first) {
		if first < utf8.RuneSelf {
			return i + len(cluster), asciiInfo[first]
		}
		return i + len(cluster), runeInfo(first, pf)
	}
	ci := clusterInfo{half: first <= 0xFF}
	var (
		weights       int32
		width, glyph  int32 = 0, -1
		fe0f, fe0e    bool
		keycap, mod   bool
		zwjPict, tags bool
		ris           int
		prevZWJ       bool
	)
	for _, r := range cluster {
		p := propOf(tbl, r)
		ci.runes++
		if p&pHan != 0 {
			ci.han++
		}
		weights += twitterWeight(r)
		w := int32(p>>pRuneWidthShift) & 3 // widthCondition.RuneWidth(r)
		if glyph < 0 && r >= 0x1100 && p&pGlyph != 0 {
			glyph = 0
		}
		if glyph >= 0 {
			glyph += w
		} else {
			width += w
		}
		switch {
		case r == 0xFE0F:
			fe0f = true
		case r == 0xFE0E:
			fe0e = true
		case r == 0x20E3:
			keycap = true
		case 0x1F3FB <= r && r <= 0x1F3FF:
			mod = true
		case 0xE0020 <= r && r <= 0xE007F:
			tags = true
		case prevZWJ && p&pExtPict != 0:
			zwjPict = true
		}
		if p&pRI != 0 {
			ris++
		}
		prevZWJ = r == 0x200D
	}
	emoji, textStyle := false, false
	switch {
	case pf&pRI != 0:
		emoji = ris >= 2
	case keycap && (first == '#' || first == '*' || '0' <= first && first <= '9'):
		emoji = true
	case pf&pExtPict != 0 && !fe0e:
		pres := fe0f || pf&pEmojiPres != 0 || mod || zwjPict || tags
		emoji, textStyle = pres || first >= 0x1F000, !pres
	}
	if emoji {
		ci.kind = SpanEmoji
		ci.width = 2
		if textStyle {
			// Drawn as text (UTS #51): East Asian Width's columns.
			ci.width = width + min(max(glyph, 0), 2)
		}
		ci.twitter = 2
		return i + len(cluster), ci
	}
	ci.width = width + min(max(glyph, 0), 2)
	ci.twitter = weights
	switch {
	case pf&pSpace != 0:
		ci.kind = SpanSpace
	case pf&pPunct != 0:
		ci.kind = SpanPunct
	}
	switch {
	case pf&pCJKWord != 0:
		ci.word = 2
	case pf&pWord != 0:
		ci.word = 1
	}
	return i + len(cluster), ci
}

// Columns is the number of terminal columns s takes, cluster by cluster as
// the width unit of Measure counts them, but on s as written (no NFC), for
// padding and wrapping what is printed. Tables and the length rule so
// agree on how wide a post is, with one segmenter.
func Columns(s string) int {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD") // one column per bad sequence
	}
	tbl := props()
	w := 0
	for i := 0; i < len(s); {
		var ci clusterInfo
		i, ci = nextCluster(s, i, tbl)
		w += int(ci.width)
	}
	return w
}
