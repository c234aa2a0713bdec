package text

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Apply returns s with the folds in f applied: width (x/text/width.Fold,
// then NFKC), case (Unicode case folding), script (Traditional Chinese to
// Simplified, by OpenCC's t2s tables) and space (runs of spaces, tabs,
// NBSP and U+3000 become one space; zero-width characters and variation
// selectors are dropped). Apply is idempotent: the folds are repeated until
// nothing changes, since one can undo another's normal form (a case fold
// can leave text that NFKC changes again). Each byte that is not valid
// UTF-8 becomes U+FFFD first, as in Normalize.
func (f Fold) Apply(s string) string {
	if f == (Fold{}) {
		return s
	}
	if !utf8.ValidString(s) {
		s = string(appendValid(nil, s)) // folds work on text, not bytes
	}
	if isASCII(s) {
		return f.ascii(s)
	}
	if t, ok := f.fast(s); ok {
		return t
	}
	for range 8 {
		n := f.once(s)
		if n == s {
			break
		}
		s = n
	}
	return s
}

// fast is Apply for the usual folds (width and case on) over text whose
// characters fold the same alone as in context; see foldfast.go.
func (f Fold) fast(s string) (string, bool) {
	if !f.Width || !f.Case {
		return "", false
	}
	b, ok := fastWidthCase(s, nil, f.Space)
	if !ok {
		return "", false
	}
	if f.Script {
		b = foldScriptFixed(b, 0)
	}
	return bytesString(b), true // b is this string's alone
}

// foldScriptFixed folds b[start:] to Simplified in place until it settles
// (a few conversions take two steps: 鏇→镟→旋), at most four rounds as
// Apply's fast path always did.
func foldScriptFixed(b []byte, start int) []byte {
	var tmp []byte
	return foldScriptInto(b, start, &tmp)
}

// foldScriptInto is foldScriptFixed with a scratch buffer the caller
// keeps, so that folding post after post allocates nothing.
func foldScriptInto(b []byte, start int, tmp *[]byte) []byte {
	for range 4 {
		var changed bool
		if *tmp, changed = appendScript((*tmp)[:0], bytesString(b[start:])); !changed {
			break
		}
		b = append(b[:start], *tmp...)
	}
	return b
}

// appendApply appends f.Apply(s) to dst, folding straight into dst on the
// usual paths (ASCII; width and case on, context-free characters). s must
// be valid UTF-8, as Normalize's results and their slices are.
func (f Fold) appendApply(dst []byte, s string) []byte {
	switch {
	case f == (Fold{}):
		return append(dst, s...)
	case isASCII(s):
		return f.appendASCII(dst, s)
	case !f.Width || !f.Case:
		return append(dst, f.Apply(s)...)
	}
	start := len(dst)
	dst, ok := fastWidthCase(s, dst, f.Space)
	if !ok {
		return append(dst[:start], f.Apply(s)...)
	}
	if !f.Script {
		return dst
	}
	return foldScriptFixed(dst, start)
}

// appendASCII is ascii appending to dst: the case fold and the space fold
// in one pass.
func (f Fold) appendASCII(dst []byte, s string) []byte {
	inSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if f.Space && isFoldedSpace(rune(c)) {
			if !inSpace {
				dst = append(dst, ' ')
			}
			inSpace = true
			continue
		}
		inSpace = false
		if f.Case && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// once applies each fold in f one time.
func (f Fold) once(s string) string {
	if f.Width {
		s = norm.NFKC.String(width.Fold.String(s))
	}
	if f.Case {
		s = cases.Fold().String(s)
	}
	if f.Script {
		s = foldScript(s)
	}
	if f.Space {
		s = foldSpace(s)
	}
	return s
}

// ascii is Apply for ASCII text, where only case and space folds change
// anything and one pass is enough. Most ASCII that is folded (an author's
// name, post after post) has nothing to change: that is checked a byte at
// a time, without decoding or looking up each character as foldSpace does.
func (f Fold) ascii(s string) string {
	if f.asciiSettled(s) {
		return s
	}
	return string(f.appendASCII(nil, s))
}

// asciiSettled reports whether the ASCII text s is its own fold: no
// capital under the case fold, and under the space fold no tab nor two
// spaces in a row (tab and space are the ASCII characters the space fold
// changes; TestFoldedSpaceByte).
func (f Fold) asciiSettled(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if f.Case && 'A' <= c && c <= 'Z' {
			return false
		}
		if f.Space && (c == '\t' || c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldSpace turns each run of horizontal white space (Zs, tab) into one
// ASCII space and drops zero-width characters and variation selectors.
// Line breaks stay: a tag never spans lines.
func foldSpace(s string) string {
	var b *strings.Builder // nil until the first change: most posts have none
	inSpace := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		piece := s[i : i+n]
		out := piece
		switch {
		case dropInSpaceFold(r):
			out = ""
		case isFoldedSpace(r):
			out = " "
			if inSpace {
				out = ""
			}
			inSpace = true
		default:
			inSpace = false
		}
		if b == nil && out != piece {
			b = &strings.Builder{}
			b.Grow(len(s))
			b.WriteString(s[:i])
		}
		if b != nil {
			b.WriteString(out)
		}
		i += n
	}
	if b == nil {
		return s
	}
	return b.String()
}

// isFoldedSpace reports the horizontal white space a run of which the
// space fold turns into one ASCII space.
func isFoldedSpace(r rune) bool {
	return r == '\t' || r != '\n' && r != '\r' && !lineEnd(r) && isSpaceRune(r) && r != 0x180E && r != 0x200B && r != 0x2060 && r != 0xFEFF
}

// dropInSpaceFold reports the invisible characters the space fold drops.
func dropInSpaceFold(r rune) bool {
	switch {
	case 0x200B <= r && r <= 0x200D, r == 0x2060, r == 0xFEFF, r == 0x180E,
		0xFE00 <= r && r <= 0xFE0F, 0xE0100 <= r && r <= 0xE01EF:
		return true
	}
	return false
}
