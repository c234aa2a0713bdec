package text

import (
	"slices"
	"sync"
	"unicode/utf8"
)

// The runs of countFold. A Chinese post alternates short runs of
// ideographs with full-width punctuation, and short runs of ASCII words
// with spaces and signs between them. Taking each such character as a
// cluster of its own, through the general steps that look up what it
// counts for, whether it is left out and whether it ends a word, cost a
// few branches a character that its mix of kinds made hard to guess. The
// runs below take a whole stretch of plain text (before the next URL,
// tag or mention) in one loop each: the counts of their characters are
// known from their kind, and are summed without a branch.

// runCounts sums what the runs of countFold counted, added to the
// counts once at the end.
type runCounts struct {
	ascii      int // ASCII characters counted: one rune, one cluster, half a weibo, twitter 1
	asciiWidth int // the columns of those (controls take none)
	words      int // the ASCII words started
	punct      int // full-width and CJK punctuation: one rune, two columns, a weibo, twitter 2
}

// add adds what the runs counted to c, and the halves of the weibo unit
// to *halves.
func (rc *runCounts) add(c *Counts, halves *int) {
	c.Runes += rc.ascii + rc.punct
	c.Graphemes += rc.ascii + rc.punct
	c.Width += rc.asciiWidth + 2*rc.punct
	c.Twitter += rc.ascii + 2*rc.punct
	c.Weibo += rc.punct
	c.Words += rc.words
	*halves += rc.ascii
}

// ASCII classes of asciiClass.
const (
	acWord  = 1 << iota // letter or digit: part of a word, kind text
	acText              // kind text (controls, letters, digits)
	acSpace             // kind space
	acPunct             // kind punctuation
	acWide              // one column
	acFold              // a tab or space, which the space fold folds
	acRun               // may be in a run: not CR (which LF extends), not a sigil
)

// asciiClass is what asciiRun needs of each byte, from asciiInfo: none
// of its classes for a byte that is not ASCII.
var asciiClass = func() (a [256]uint8) {
	for c := range utf8.RuneSelf {
		ci := asciiInfo[c]
		var k uint8
		if ci.word == 1 {
			k |= acWord
		}
		switch ci.kind {
		case SpanText:
			k |= acText
		case SpanSpace:
			k |= acSpace
		case SpanPunct:
			k |= acPunct
		}
		if ci.width == 1 {
			k |= acWide
		}
		if foldedSpaceByte[c&0x3F] && c <= ' ' {
			k |= acFold
		}
		if c != '\r' && !sigilByte[c] {
			k |= acRun
		}
		a[c] = k
	}
	return a
}()

// asciiLower is the width and case fold of each ASCII byte, and
// asciiSpaced the same with the space fold's tab to space.
var asciiLower, asciiSpaced = func() (a, s [utf8.RuneSelf]byte) {
	for c := range a {
		a[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			a[c] += 'a' - 'A'
		}
		s[c] = a[c]
		if c == '\t' {
			s[c] = ' '
		}
	}
	return a, s
}()

// asciiRun folds into dst the run of ASCII characters from t[i] (plain
// text, one that stands alone as a cluster, neither CR nor a sigil) up
// to limit, each standing alone as a cluster, none CR or a sigil, and
// counts it: keep has the classes (acText, acSpace, acPunct) that are
// counted, space says whether the space fold is on. inSpace and inWord
// carry the space fold's and the word count's state. It returns dst and
// where the run ends.
//
// Letters, digits, spaces and signs alternate: each byte is taken by
// the same steps, its class making a difference in values only.
func asciiRun(dst []byte, t string, i, limit int, keep uint8, space bool, inSpace, inWord *bool, rc *runCounts, tbl *[propTableSize]prop) ([]byte, int) {
	limit = min(limit, len(t))
	dst = slices.Grow(dst, limit-i)
	n, out := len(dst), dst[:cap(dst)]
	fold, lower := uint8(0), &asciiLower
	if space {
		fold, lower = acFold, &asciiSpaced
	}
	sp, w := b2i(*inSpace), b2i(*inWord)
	ascii, width, words := 0, 0, 0
	j := i
	for ; j < limit; j++ {
		c := t[j]
		k := asciiClass[c]
		if k&acRun == 0 {
			break
		}
		if j+1 < len(t) && !aloneLead[t[j+1]] && !cjkAloneSlow(t, j+1, tbl) {
			break // what follows extends it
		}
		// A tab or space folded right after another is dropped: the
		// byte is written, and kept only where n moves on.
		folded := b2i(k&fold != 0)
		out[n] = lower[c&0x7F]
		n += 1 - folded&sp
		sp = folded
		isWord := int(k & acWord)
		words += isWord &^ w
		w = isWord
		kept := b2i(k&keep != 0)
		ascii += kept
		width += kept & int(k/acWide&1)
	}
	*inSpace, *inWord = sp != 0, w != 0
	rc.ascii += ascii
	rc.asciiWidth += width
	rc.words += words
	return out[:n], j
}

// fastPunct marks, by code point, the characters of three bytes that
// cjkRun takes: every CJK unified ideograph (U+4E00–U+9FFF) and, in
// punct, the full-width forms (U+FF01–U+FF5E) and CJK punctuation
// (plainCJKPunct's) that make a cluster of one character counting for
// one rune, two columns, a weibo and twitter 2, punctuation, no sigil,
// no word; han marks the ideographs alone, for a rule that leaves
// punctuation out.
type fastPunct struct {
	han, punct [0x10000 / 64]uint64
}

var (
	fastPunctOnce  sync.Once
	fastPunctTable fastPunct
)

// punctTable returns fastPunct, worked out on first use from the
// property table.
func punctTable() *fastPunct {
	fastPunctOnce.Do(func() {
		tbl := props()
		fp := &fastPunctTable
		for r := 0x4E00; r <= 0x9FFF; r++ {
			fp.han[r>>6] |= 1 << (r & 0x3F)
		}
		fp.punct = fp.han
		want := clusterInfo{runes: 1, width: 2, twitter: 2, kind: SpanPunct}
		for r := rune(0xFF01); r <= 0xFF5E; r++ {
			a := byte(r - 0xFEE0)
			if runeInfo(r, tbl[r]) == want && !sigilByte[a] && !asciiWording[a] {
				fp.punct[r>>6] |= 1 << (r & 0x3F)
			}
		}
		for r := rune(0x3000); r <= 0x303F; r++ {
			if plainCJKPunct>>(r&0x3F)&1 != 0 && runeInfo(r, tbl[r]) == want {
				fp.punct[r>>6] |= 1 << (r & 0x3F)
			}
		}
	})
	return &fastPunctTable
}

// b2i is 1 for true, 0 for false, without a branch.
func b2i(b bool) int {
	var i int
	if b {
		i = 1
	}
	return i
}

// cjkRun folds into dst the run of the characters that fast marks (the
// ideographs, and the punctuation unless it is left out) from t[i] (one
// of them that stands alone as a cluster) up to limit, and counts it:
// the ideographs into *han, the punctuation into rc. With starts not
// nil, the offset in dst of every ideograph that starts a key of the
// script fold is appended to *at (as markHanKeys). Every character but
// the last is followed by another of the run, which extends nothing; if
// what follows the last extends it, the last is left to the next
// cluster. It returns dst and where the run ends.
//
// The kinds of character alternate in a Chinese post, where a branch on
// the kind would be guessed wrong at every change: each character is
// taken by the same steps, its kind making a difference in values only.
func cjkRun(dst []byte, t string, i, limit int, fast *[0x10000 / 64]uint64, starts *[t2sEnd / 64]uint64, at *[]int32, han *int, rc *runCounts, tbl *[propTableSize]prop) ([]byte, int) {
	limit = min(limit, len(t))
	dst = slices.Grow(dst, limit-i)
	n, out := len(dst), dst[:cap(dst)]
	var marks []int32
	if starts != nil {
		marks = slices.Grow(*at, (limit-i)/3)
	}
	m := len(marks)
	// Room for an offset a character, made once: each offset is
	// written, and kept by adding its bit to m.
	marks = marks[:cap(marks)]
	nh := 0
	j := i
	for ; j+2 < limit; j += 3 {
		c := t[j : j+3]
		b0, b1, b2 := c[0], c[1], c[2]
		r := uint16(b0&0x0F)<<12 | uint16(b1&0x3F)<<6 | uint16(b2&0x3F)
		if b0&0xF0|b1>>6<<2|b2>>6 != 0xEA || fast[r>>6]>>(r&0x3F)&1 == 0 {
			break
		}
		isHan := r-0x4E00 < 0xA000-0x4E00
		// A full-width form is folded to its ASCII form, one byte.
		o := b0
		if r >= 0xFF00 {
			o = byte(r - 0xFEE0)
		}
		o1 := out[n : n+3]
		o1[0], o1[1], o1[2] = o, b1, b2
		if starts != nil {
			marks[m] = int32(n)
			m += b2i(isHan) & int(starts[r>>6]>>(r&0x3F))
		}
		n += 3 - 2*b2i(r >= 0xFF00)
		nh += b2i(isHan)
	}
	if j > i+3 && !cjkAlone(t, j, tbl) {
		// Marked already, the last ideograph is marked again as the
		// next cluster: scriptFrom does not mind an offset twice.
		j -= 3
		if r := rune(t[j]&0x0F)<<12 | rune(t[j+1]&0x3F)<<6 | rune(t[j+2]&0x3F); r >= 0xFF00 {
			n--
		} else {
			n -= 3
			nh -= b2i(uint32(r-0x4E00) < 0xA000-0x4E00)
		}
	}
	if starts != nil {
		*at = marks[:m]
	}
	*han += nh
	rc.punct += (j-i)/3 - nh
	return out[:n], j
}
