package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TagKind says which syntax a tag is written in.
type TagKind uint8

// The kinds of tag.
const (
	Hashtag TagKind = iota + 1 // '#word', Twitter style
	Topic                      // '#words with spaces#', Weibo/Gate style
	Cashtag                    // '$ES'
)

func (k TagKind) String() string {
	switch k {
	case Hashtag:
		return "hashtag"
	case Topic:
		return "topic"
	case Cashtag:
		return "cashtag"
	}
	return "unknown"
}

// Tag is one tag found in a post.
type Tag struct {
	Kind TagKind
	// Text is the tag as written, sigils included: "#积分狂欢节#", "#ES", "$ES".
	Text string
	// Start and End are byte offsets into Normalize(s), the text FindTags
	// read (s itself when s is valid NFC): Text == Normalize(s)[Start:End].
	Start, End int
	// Line is the 1-based line the tag starts on.
	Line int
}

// FindTags returns the tags of s read in the given syntax, in order.
func FindTags(s string, syn Syntax) []Tag {
	var sc scanner
	t := normalizeInto(s, &sc.buf)
	return tagsOf(t, sc.specials(t, syn, true), nil)
}

// tagsOf turns the tag spans of t into Tags, appending to dst.
func tagsOf(t string, spans []Span, dst []Tag) []Tag {
	line, at := 1, 0
	for _, sp := range spans {
		if sp.Kind != SpanTag {
			continue
		}
		line += strings.Count(t[at:sp.Start], "\n")
		at = sp.Start
		text := t[sp.Start:sp.End]
		dst = append(dst, Tag{Kind: tagKindOf(text), Text: text, Start: sp.Start, End: sp.End, Line: line})
	}
	return dst
}

// tagKindOf tells a tag's kind from its text: a cashtag starts with '$', a
// topic ends with '#' (a hashtag never does).
func tagKindOf(text string) TagKind {
	if c, _ := sigilAt(text, 0); c == '$' {
		return Cashtag
	}
	if r, _ := utf8.DecodeLastRuneInString(text); r == '#' || r == '＃' {
		return Topic
	}
	return Hashtag
}

// tagBody returns a tag's text without its sigils.
func tagBody(text string, kind TagKind) string {
	_, n := sigilAt(text, 0)
	body := text[n:]
	if kind == Topic {
		_, m := utf8.DecodeLastRuneInString(body)
		body = body[:len(body)-m]
	}
	return body
}

// tagAt reads a tag at the '#' or '＃' at t[i] (n bytes long), not going
// past limit (the next URL).
func tagAt(t string, i, n, limit int, syn Syntax) (Span, bool) {
	switch syn {
	case SyntaxTwitter:
		return hashtagAt(t, i, n, limit)
	case SyntaxWeibo:
		return topicAt(t, i, n, limit, true)
	}
	if sp, ok := topicAt(t, i, n, limit, false); ok {
		return sp, true
	}
	return hashtagAt(t, i, n, limit)
}

// topicAt reads a Weibo/Gate topic: the '#' at t[i] closed by the next '#'
// on the same line, around a body that is not blank. When lenient (Weibo
// syntax), a body that starts or ends with white space is a topic only if
// no other '#' follows on the line ("#A #B C#" is the topic "#B C#"); in
// auto syntax such a body is never a topic, so "#ES and #BTC" holds two
// hashtags, and neither is a body that starts or ends with punctuation,
// which ends a hashtag: "#ES，#BTC", "#ES/#BTC" and "(#a )#b" hold hashtags.
func topicAt(t string, i, n, limit int, lenient bool) (Span, bool) {
	body := i + n
	closeAt, closeLen := nextHashOnLine(t, body, limit)
	if closeAt < 0 {
		return Span{}, false
	}
	b := t[body:closeAt]
	if strings.TrimFunc(b, isSpaceRune) == "" {
		return Span{}, false
	}
	if !lenient && edgePunct(b) {
		return Span{}, false
	}
	if padded(b) {
		if !lenient {
			return Span{}, false
		}
		if more, _ := nextHashOnLine(t, closeAt+closeLen, limit); more >= 0 {
			return Span{}, false
		}
	}
	return Span{SpanTag, i, closeAt + closeLen}, true
}

// padded reports whether b starts or ends with white space.
func padded(b string) bool {
	first, _ := utf8.DecodeRuneInString(b)
	last, _ := utf8.DecodeLastRuneInString(b)
	return isSpaceRune(first) || isSpaceRune(last)
}

// edgePunct reports whether b starts or ends with punctuation (Unicode
// category P; symbols and emoji may end a topic: "#加油🎉#").
func edgePunct(b string) bool {
	first, _ := utf8.DecodeRuneInString(b)
	last, _ := utf8.DecodeLastRuneInString(b)
	return unicode.IsPunct(first) || unicode.IsPunct(last)
}

// nextHashOnLine finds the next '#' or '＃' at or after from and before
// limit and the end of the line.
//
// Only the bytes hashLineStop marks can start either or a line end, and
// none of them is a continuation byte, so the others are passed over a
// byte at a time without decoding: the characters of a line are not
// looked at one by one.
func nextHashOnLine(t string, from, limit int) (int, int) {
	for j := from; j < limit; {
		c := t[j]
		if !hashLineStop[c] {
			j++
			continue
		}
		if c < utf8.RuneSelf {
			if c == '#' {
				return j, 1
			}
			return -1, 0 // '\n', '\r', VT or FF
		}
		if ok, m := isHashSigil(t, j); ok {
			return j, m
		}
		r, m := utf8.DecodeRuneInString(t[j:])
		if lineEnd(r) {
			return -1, 0
		}
		j += m
	}
	return -1, 0
}

// hashLineStop marks the bytes nextHashOnLine stops at: '#', the ASCII
// line ends, and the lead bytes of '＃' (EF), NEL (C2) and the line and
// paragraph separators (E2).
var hashLineStop = [256]bool{'#': true, '\n': true, '\r': true, 0x0B: true, 0x0C: true, 0xC2: true, 0xE2: true, 0xEF: true}

// hashtagBlockedBy reports whether r, just before a '#', keeps it from
// starting a hashtag (r is -1 at the start of the text).
func hashtagBlockedBy(r rune) bool {
	return r == '&' || r >= 0 && !presentationSelector(r) && propOf(props(), r)&pHashChar != 0
}

// presentationSelector reports U+FE0E and U+FE0F, the variation selectors
// that pick text or emoji style. They are marks, but they end an emoji
// rather than a word, so a tag may follow them.
func presentationSelector(r rune) bool { return r == 0xFE0E || r == 0xFE0F }

func isSpaceRune(r rune) bool {
	return r >= 0 && propOf(props(), r)&pSpace != 0
}

// hashtagAt reads a Twitter hashtag as twitter-text does: the sigil not
// after a letter, digit, mark, '_' or '&' (nor the other characters a
// hashtag may hold) unless that is U+FE0E or U+FE0F, which end an emoji
// ("❤️#love" holds #love); not followed by U+FE0F or U+20E3 (a keycap);
// then the longest run of letters, marks, digits and '_' (CJK letters included),
// which must hold a letter or mark; dropped when directly followed by '#',
// '＃' or "://".
func hashtagAt(t string, i, n, limit int) (Span, bool) {
	tbl := props()
	if hashtagBlockedBy(runeBefore(t, i)) {
		return Span{}, false
	}
	j := i + n
	if r, _ := utf8.DecodeRuneInString(t[j:]); r == 0xFE0F || r == 0x20E3 {
		return Span{}, false
	}
	letter := false
	for j < limit {
		r, m := utf8.DecodeRuneInString(t[j:])
		p := propOf(tbl, r)
		if p&pHashChar == 0 {
			break
		}
		if p&pLetterMark != 0 {
			letter = true
		}
		j += m
	}
	if !letter {
		return Span{}, false
	}
	if ok, _ := isHashSigil(t, j); ok || strings.HasPrefix(t[j:], "://") {
		return Span{}, false
	}
	return Span{SpanTag, i, j}, true
}

// cashtagAt reads a cashtag: '$' (or '＄') and 1–6 letters A–Z (ASCII or
// full-width, so "$ＥＳ" is the cashtag a rule "$ES" asks for after the
// width fold), then optionally '.' or '_' and 1–2 more; not after a letter,
// digit or mark of a spaced script (CJK may touch it), '_', '$', '&' or '.',
// and not followed by a letter A–Z or digit. As in twitter-text, any
// punctuation may follow, '_' and '$' included: "$TEST_" holds $TEST and
// "$OK$NG" holds $OK only ("$NG" is after a letter).
// (twitter-text also wants white space before; Chinese posts write "($ES)",
// "：$ES" and "$ES专场".)
func cashtagAt(t string, i, n, limit int) (Span, bool) {
	if cashtagBlockedBy(runeBefore(t, i)) {
		return Span{}, false
	}
	j := i + n
	letters := func(from, max int) int {
		k := from
		for c := 0; c < max; c++ {
			m := cashtagLetterAt(t, k, limit)
			if m == 0 {
				break
			}
			k += m
		}
		return k - from
	}
	m := letters(j, 6)
	if m == 0 {
		return Span{}, false
	}
	j += m
	if j+1 < limit && (t[j] == '.' || t[j] == '_') {
		if k := letters(j+1, 2); k > 0 && !cashtagGlued(t, j+1+k, limit) {
			return Span{SpanTag, i, j + 1 + k}, true
		}
	}
	if cashtagGlued(t, j, limit) {
		return Span{}, false
	}
	return Span{SpanTag, i, j}, true
}

// cashtagLetterAt returns the length of the letter A–Z or a–z, ASCII (1
// byte) or full-width (U+FF21–FF3A, U+FF41–FF5A, 3 bytes), at t[k], or 0.
func cashtagLetterAt(t string, k, limit int) int {
	if k >= limit || k >= len(t) {
		return 0
	}
	if isASCIILetter(t[k]) {
		return 1
	}
	if r, m := fullWidthAt(t, k); m > 0 && k+m <= limit && r < 0x7F && isASCIILetter(byte(r)) {
		return m
	}
	return 0
}

// fullWidthAt returns the ASCII character that the full-width form at t[k]
// (U+FF01–FF5E) stands for, and its length, or 0, 0.
func fullWidthAt(t string, k int) (rune, int) {
	if k+2 >= len(t) || t[k] != 0xEF {
		return 0, 0
	}
	r, m := utf8.DecodeRuneInString(t[k:])
	if r < 0xFF01 || r > 0xFF5E {
		return 0, 0
	}
	return r - 0xFF01 + '!', m
}

// cashtagBlockedBy reports whether r, just before a '$', keeps it from
// starting a cashtag ('.' too: "x.$NG" is no cashtag in twitter-text).
func cashtagBlockedBy(r rune) bool {
	return r == '&' || r == '$' || r == '＄' || r == '.' || glueRune(r)
}

// cashtagGlued reports whether a letter or digit, ASCII or full-width, at
// t[j] runs on from a cashtag's letters, so they are no cashtag.
func cashtagGlued(t string, j, limit int) bool {
	if j >= limit || j >= len(t) {
		return false
	}
	if hostByte(t[j]) {
		return true
	}
	r, _ := fullWidthAt(t, j)
	return r > 0 && r < 0x7F && hostByte(byte(r))
}

// mentionAt reads an @mention. Twitter syntax: 1–20 of [A-Za-z0-9_], not
// followed by '@', a Latin letter or "://". Weibo and auto: up to 30
// letters, digits, marks, '_' or '-' (Weibo names may be Chinese). Either
// way not after '@' or a letter, digit, mark or '_' of a spaced script (so
// e-mail addresses are not mentions, while "联系@张三" is one).
func mentionAt(t string, i, n, limit int, syn Syntax) (Span, bool) {
	tbl := props()
	if r := runeBefore(t, i); r == '@' || r == '＠' || glueRune(r) {
		return Span{}, false
	}
	j := i + n
	if syn == SyntaxTwitter {
		for j < limit && (hostByte(t[j]) || t[j] == '_') {
			j++
		}
		if j == i+n || j-(i+n) > 20 {
			return Span{}, false
		}
		if j < limit {
			if c, _ := sigilAt(t, j); c == '@' || strings.HasPrefix(t[j:], "://") {
				return Span{}, false
			}
			if r, _ := utf8.DecodeRuneInString(t[j:]); r > 0x7F && propOf(tbl, r)&pWord != 0 && propOf(tbl, r)&pCJKWord == 0 {
				return Span{}, false // glued to a Latin letter such as é
			}
		}
		return Span{SpanMention, i, j}, true
	}
	for k := 0; j < limit && k < 30; k++ {
		r, m := utf8.DecodeRuneInString(t[j:])
		if r != '_' && r != '-' && propOf(tbl, r)&pWord == 0 {
			break
		}
		j += m
	}
	if j == i+n {
		return Span{}, false
	}
	return Span{SpanMention, i, j}, true
}
