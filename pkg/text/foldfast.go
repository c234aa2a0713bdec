package text

import (
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The fast fold. Folding every post with width.Fold, NFKC and case folding
// as three passes over the whole text, twice (the second pass proves the
// result settled), was most of the cost of judging a post. For the usual
// rule (width and case folds on) a character whose NFKC form does not
// depend on its neighbours folds the same alone as in context, so each
// character's fold is worked out once, by the slow path on that character
// alone, and remembered; a post made only of such characters is folded in
// one pass of table look-ups. Anything else (combining marks, Hangul jamo,
// characters NFKC composes with what precedes them) takes the slow path.

// foldMemo holds, per code point, 0 while unknown, memoUnsafe when the
// character needs the slow path, memoMulti plus an index into foldStrings
// when it folds to several characters (ß, ﬁ, ①), else its fold plus one.
var (
	foldMemo    [0x30000]atomic.Uint32
	foldMu      sync.Mutex // guards appending to foldStrings
	foldStrings atomic.Pointer[[]string]
)

const (
	memoUnsafe = ^uint32(0)
	memoMulti  = uint32(1) << 31
)

// fastWidthCase is Fold{Width: true, Case: true}.Apply for text made of
// context-free characters, with the space fold done in the same pass when
// space is set (script folding, which comes between them in Apply, never
// touches white space); ok is false when s needs the slow path.
func fastWidthCase(s string, b []byte, space bool) ([]byte, bool) {
	b = slices.Grow(b, len(s))
	inSpace, ok := false, true
	for i := 0; i < len(s) && ok; {
		b, i, ok = foldStep(b, s, i, space, &inSpace)
	}
	return b, ok
}

// foldStep appends the fold of the character at s[i] to b, as
// fastWidthCase folds it, and returns where the next character starts; ok
// is false when the character needs the slow path. inSpace carries the
// space fold's state from one character to the next.
func foldStep(b []byte, s string, i int, space bool, inSpace *bool) (_ []byte, next int, ok bool) {
	// U+4000–U+9FFF (lead bytes E4–E9 in valid UTF-8): CJK unified
	// ideographs, most of a Chinese post, and the Yijing hexagrams.
	// Neither width, NFKC nor case folding changes them, and none is
	// white space: they are copied as they are.
	if c := s[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		*inSpace = false
		return append(b, s[i:i+3]...), i + 3, true
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	i += n
	if space {
		// No ASCII character above the space is white space or
		// dropped: only the others need looking up.
		if r >= utf8.RuneSelf || r <= ' ' {
			if dropInSpaceFold(r) {
				return b, i, true
			}
			if isFoldedSpace(r) {
				if !*inSpace {
					b = append(b, ' ')
				}
				*inSpace = true
				return b, i, true
			}
		}
		*inSpace = false
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r)), i, true
	}
	b, ok = appendFolded(b, r)
	return b, i, ok
}

// appendFolded appends the width-and-case fold of r alone, if r folds the
// same in any context.
func appendFolded(b []byte, r rune) ([]byte, bool) {
	if int(r) >= len(foldMemo) {
		return b, false
	}
	v := foldMemo[r].Load()
	if v == 0 {
		v = learnRune(r)
	}
	switch {
	case v == memoUnsafe:
		return b, false
	case v&memoMulti != 0:
		b = append(b, (*foldStrings.Load())[v&^memoMulti]...)
	default:
		b = utf8.AppendRune(b, rune(v-1))
	}
	return b, true
}

func learnRune(r rune) uint32 {
	v := memoUnsafe
	if contextFree(r) {
		v = memoValue(slowWidthCase(string(r)))
	}
	foldMemo[r].Store(v)
	return v
}

// contextFree reports whether r never combines with what precedes it, nor
// does any character of its fold. Composition only happens where a
// character combines with the one before it, so a text made of such
// characters folds character by character exactly as it folds whole.
func contextFree(r rune) bool {
	if r == utf8.RuneError {
		return true
	}
	if !boundary(r) {
		return false
	}
	for _, c := range slowWidthCase(string(r)) {
		// A fold that makes white space (ﷺ) would need the space fold to
		// see its neighbours; leave such characters to the slow path.
		if !boundary(c) || isFoldedSpace(c) || dropInSpaceFold(c) {
			return false
		}
	}
	return true
}

func boundary(r rune) bool {
	var buf [utf8.UTFMax]byte
	p := norm.NFKC.Properties(buf[:utf8.EncodeRune(buf[:], r)])
	return p.BoundaryBefore() && p.CCC() == 0 && !(0x1100 <= r && r <= 0x11FF)
}

// slowWidthCase folds width and case to a fixed point, as Apply's slow
// path does.
func slowWidthCase(s string) string {
	f := Fold{Width: true, Case: true}
	for range 8 {
		n := f.once(s)
		if n == s {
			break
		}
		s = n
	}
	return s
}

func memoValue(f string) uint32 {
	if r, n := utf8.DecodeRuneInString(f); n == len(f) && n > 0 {
		return uint32(r) + 1
	}
	foldMu.Lock()
	defer foldMu.Unlock()
	old := foldStrings.Load()
	var list []string
	if old != nil {
		list = *old
	}
	list = append(list[:len(list):len(list)], f)
	foldStrings.Store(&list)
	return memoMulti | uint32(len(list)-1)
}
