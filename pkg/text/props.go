package text

import (
	"sync"
	"unicode"
)

//go:generate go run ./internal/gentables tables.go
//go:generate go test -run ^TestPropRuns$ -update-props

// runeRange is an inclusive range of code points in a generated table.
type runeRange struct{ lo, hi rune }

// prop is a set of rune properties, looked up once per rune in the
// counting pass. The table covers planes 0 and 1, where nearly all text and
// every emoji live; rarer planes are answered by propsSlow. Above the flags
// it packs what a cluster of that rune alone counts for (see runeInfo).
type prop uint32

const (
	pExt        prop = 1 << iota // may continue the grapheme cluster before it (Extend, ZWJ, SpacingMark, Hangul, RI)
	pStart                       // may start a multi-rune cluster whatever follows (Prepend, CR, Hangul, RI)
	pHan                         // \p{Han}
	pCJKWord                     // Han, kana or Hangul: one word each
	pWord                        // letter, digit or mark: part of a run that is one word
	pSpace                       // white space, or an invisible character counted with it
	pPunct                       // punctuation or symbol
	pEmojiPres                   // Emoji_Presentation
	pExtPict                     // Extended_Pictographic
	pGlyph                       // starts a sequence a terminal draws as one glyph (go-runewidth's rule)
	pHashChar                    // may appear in a #hashtag (twitter-text's hashtag_alphanumeric)
	pLetterMark                  // \p{L} or \p{M}: a hashtag needs one
	pRI                          // Regional_Indicator
	pNFCUnsafe                   // may change under NFC, or combine with what precedes it
	pLight                       // weighs 1 in twitter-text v3
)

// Packed fields above the flags, filled by pack.
const (
	pWidthShift = 16 // 2 bits: go-runewidth's width, or 2 for an emoji
	pKindShift  = 18 // 3 bits: the SpanKind of the rune alone
	pWordShift  = 21 // 2 bits: 0 separator, 1 letter/digit run, 2 CJK word
	// 2 bits: go-runewidth's width of the rune, emoji or not (what a
	// cluster of several runes sums), so that go-runewidth, which builds
	// a table of its own on first use, is asked at build time for every
	// rune the table covers; runes above it (plane 2 on) still ask it
	// at run time, through propsSlow.
	pRuneWidthShift = 23
)

// pack adds to p the fields a one-rune cluster needs.
func pack(r rune, p prop) prop {
	kind, word, w := SpanText, prop(0), prop(widthCondition.RuneWidth(r))
	switch {
	case p&pEmojiPres != 0:
		kind, w = SpanEmoji, 2
	case p&pExtPict != 0 && r >= 0x1F000:
		// A text-style pictograph (🅰, 🌡, mahjong, domino, card and chess
		// symbols) is an emoji for the other units but takes the columns
		// East Asian Width gives it, 1, as UTS #51 draws it as text.
		kind = SpanEmoji
	case p&pSpace != 0 || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r':
		kind = SpanSpace
	case p&pPunct != 0:
		kind = SpanPunct
	}
	if kind != SpanEmoji {
		switch {
		case p&pCJKWord != 0:
			word = 2
		case p&pWord != 0:
			word = 1
		}
	}
	if twitterWeight(r) == 1 {
		p |= pLight
	}
	return p | w<<pWidthShift | prop(kind)<<pKindShift | word<<pWordShift | prop(widthCondition.RuneWidth(r))<<pRuneWidthShift
}

const propTableSize = 0x20000

var (
	propOnce  sync.Once
	propTable *[propTableSize]prop
)

// props returns the property table, expanded on first use from propRuns,
// the table computed at build time (computeProps), so that a run pays
// neither go-runewidth's tables nor the Unicode range walk that building
// it takes (about 10 ms at the start of every run).
func props() *[propTableSize]prop {
	propOnce.Do(func() {
		propTable = expandPropRuns(propRuns[:])
	})
	return propTable
}

// expandPropRuns spreads runs, each the first code point of a run of
// equal properties in its high 32 bits and the properties in its low, over
// a new table.
func expandPropRuns(runs []uint64) *[propTableSize]prop {
	t := new([propTableSize]prop)
	for k, run := range runs {
		end := rune(propTableSize)
		if k+1 < len(runs) {
			end = rune(runs[k+1] >> 32)
		}
		p := prop(uint32(run))
		if p == 0 {
			continue // the new table is zero already
		}
		for r := rune(run >> 32); r < end; r++ {
			t[r] = p
		}
	}
	return t
}

// computeProps builds the property table from the Unicode tables and
// go-runewidth: what propRuns holds (TestPropRuns).
func computeProps() *[propTableSize]prop {
	t := new([propTableSize]prop)
	fillProps(func(lo, hi rune, p prop) {
		if lo >= propTableSize {
			return
		}
		hi = min(hi, propTableSize-1)
		for r := lo; r <= hi; r++ {
			t[r] |= p
		}
	})
	for r := range rune(propTableSize) {
		t[r] = pack(r, t[r])
	}
	return t
}

// propOf answers for any rune, using the table where it can.
func propOf(t *[propTableSize]prop, r rune) prop {
	if uint32(r) < propTableSize {
		return t[r]
	}
	return propsSlow(r)
}

// propsSlow computes the properties of a rune outside the table.
func propsSlow(r rune) prop {
	var p prop
	fillProps(func(lo, hi rune, q prop) {
		if lo <= r && r <= hi {
			p |= q
		}
	})
	return pack(r, p)
}

// hashtagExtra are the non-letters that twitter-text lets a hashtag hold.
var hashtagExtra = []rune{'_', 0x200C, 0x200D, 0xA67E, 0x05BE, 0x05F3, 0x05F4, 0xFF5E, 0x301C, 0x309B, 0x309C, 0x30A0, 0x30FB, 0x3003, 0x0F0B, 0x0F0C, 0x00B7}

// fillProps reports every (range, property) pair to set.
func fillProps(set func(lo, hi rune, p prop)) {
	table := func(rt *unicode.RangeTable, p prop) {
		for _, r := range rt.R16 {
			if r.Stride == 1 {
				set(rune(r.Lo), rune(r.Hi), p)
				continue
			}
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				set(c, c, p)
			}
		}
		for _, r := range rt.R32 {
			if r.Stride == 1 {
				set(rune(r.Lo), rune(r.Hi), p)
				continue
			}
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				set(c, c, p)
			}
		}
	}
	ranges := func(rs []runeRange, p prop) {
		for _, r := range rs {
			set(r.lo, r.hi, p)
		}
	}
	ranges(gbExtend, pExt)
	ranges(gbSpacingMark, pExt)
	set(0x200D, 0x200D, pExt) // ZWJ
	ranges(gbHangul, pExt|pStart|pGlyph)
	ranges(gbRegionalIndicator, pExt|pStart|pGlyph|pRI)
	ranges(gbPrepend, pStart)
	set('\r', '\r', pStart)
	ranges(extPict, pExtPict|pGlyph)
	ranges(emojiPresentation, pEmojiPres)
	ranges(nfcUnsafe, pNFCUnsafe)
	// go-runewidth also draws Hangul jamo blocks as one glyph.
	set(0x1100, 0x11FF, pGlyph)
	set(0xA960, 0xA97F, pGlyph)
	set(0xAC00, 0xD7FF, pGlyph)

	table(unicode.Han, pHan|pCJKWord)
	table(unicode.Hiragana, pCJKWord)
	table(unicode.Katakana, pCJKWord)
	table(unicode.Hangul, pCJKWord)
	set(0x30FC, 0x30FC, pCJKWord) // ー, the prolonged sound mark
	set(0xFF70, 0xFF70, pCJKWord) // ｰ, its half-width form

	table(unicode.L, pWord|pHashChar|pLetterMark)
	table(unicode.M, pWord|pHashChar|pLetterMark)
	table(unicode.Nd, pWord|pHashChar)
	table(unicode.Nl, pWord)
	table(unicode.No, pWord)
	for _, r := range hashtagExtra {
		set(r, r, pHashChar)
	}

	table(unicode.White_Space, pSpace)
	table(unicode.Zs, pSpace)
	for _, r := range []rune{0x180E, 0x200B, 0x2060, 0xFEFF} { // invisible: counted as white space
		set(r, r, pSpace)
	}
	table(unicode.P, pPunct)
	table(unicode.S, pPunct)
}
