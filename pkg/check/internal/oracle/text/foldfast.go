package text

import (
	"strings"
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
func fastWidthCase(s string, b *strings.Builder, space bool) bool {
	b.Reset()
	b.Grow(len(s))
	inSpace := false
	for _, r := range s {
		if space {
			if dropInSpaceFold(r) {
				continue
			}
			if isFoldedSpace(r) {
				if !inSpace {
					b.WriteByte(' ')
				}
				inSpace = true
				continue
			}
			inSpace = false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if !writeFolded(b, r) {
			return false
		}
	}
	return true
}

// writeFolded writes the width-and-case fold of r alone, if r folds the
// same in any context.
func writeFolded(b *strings.Builder, r rune) bool {
	if int(r) >= len(foldMemo) {
		return false
	}
	v := foldMemo[r].Load()
	if v == 0 {
		v = learnRune(r)
	}
	switch {
	case v == memoUnsafe:
		return false
	case v&memoMulti != 0:
		b.WriteString((*foldStrings.Load())[v&^memoMulti])
	default:
		b.WriteRune(rune(v - 1))
	}
	return true
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
