package integrity

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Clean is the part of the text normalization this package can do on its
// own: NFKC, Unicode case folding, and dropping whitespace, punctuation,
// symbols, control characters and invalid bytes. The caller folds
// Traditional to Simplified Chinese and removes tags, URLs and mentions
// before calling it, because those steps need the project's text package.
func Clean(s string) string {
	// Folding can produce text that is no longer NFKC and dropping a
	// character can let its neighbours compose, so normalize on both sides
	// and repeat until nothing changes; two rounds settle real text.
	for range 4 {
		t := norm.NFKC.String(keep(norm.NFKC.String(cases.Fold().String(norm.NFKC.String(s)))))
		if t == s {
			return t
		}
		s = t
	}
	return s
}

// keep drops every rune that carries no wording.
func keep(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if Wording(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Wording reports whether r carries wording, as Clean keeps it: a letter,
// digit, mark or number, not U+FFFD. A caller whose text is already NFKC,
// case-folded and script-folded filters with it while copying, so a post
// is not normalized twice.
func Wording(r rune) bool { return r != unicode.ReplacementChar && kept(r) }

func kept(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x4E00 <= r && r <= 0x9FFF:
		return true // CJK Unified Ideographs, most of a Chinese post
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.No, r) || unicode.Is(unicode.Nl, r)
}
