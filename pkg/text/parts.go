package text

// The building blocks below are exported for other implementations of
// this package's logic that must share its definitions: the oracle the
// checker's differential tests compare the scanner with reads grapheme
// clusters, URLs and tags with them, and implements the rest (folds,
// counting, tag readings, phrases) on its own.

// Cluster is what one grapheme cluster counts for in each unit, standing
// alone (before URLs, tags and exclusions are taken into account).
type Cluster struct {
	Runes, Han, Width, Twitter int
	Half                       bool     // first code point at most U+00FF: ½ weibo
	Word                       uint8    // 0 separator, 1 part of a letter/digit run, 2 a CJK word on its own
	Kind                       SpanKind // text, space, punct or emoji
}

// ClusterAt returns the end of the grapheme cluster that starts at t[i]
// and what it counts for; t is Normalize's output.
func ClusterAt(t string, i int) (int, Cluster) {
	end, ci := nextCluster(t, i, props())
	return end, Cluster{Runes: int(ci.runes), Han: int(ci.han), Width: int(ci.width), Twitter: int(ci.twitter),
		Half: ci.half, Word: ci.word, Kind: ci.kind}
}

// FindURLs returns the URL spans of t, Normalize's output, in order.
func FindURLs(t string) []Span { return findURLs(t, nil) }

// SpecialAt reads the tag, cashtag or mention whose sigil ('#', '$', '@'
// or a full-width form) starts at t[i], in syntax syn, not going past limit
// (the next URL); ok is false when none starts there.
func SpecialAt(t string, i, limit int, syn Syntax) (sp Span, ok bool) {
	sigil, n := sigilAt(t, i)
	switch sigil {
	case '#':
		return tagAt(t, i, n, limit, syn)
	case '$':
		return cashtagAt(t, i, n, limit)
	case '@':
		return mentionAt(t, i, n, limit, syn)
	}
	return Span{}, false
}

// IsSpace reports whether r counts as white space (Unicode White_Space,
// Zs, and the invisible U+180E, U+200B, U+2060 and U+FEFF).
func IsSpace(r rune) bool { return isSpaceRune(r) }
