package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/liuzl/gocc"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	etext "github.com/promo-cli/promo/pkg/text"
)

// Apply returns s with the folds in f applied: width (x/text/width.Fold,
// then NFKC), case (Unicode case folding), script (Traditional Chinese to
// Simplified, by OpenCC's t2s tables) and space (runs of spaces, tabs,
// NBSP and U+3000 become one space; zero-width characters and variation
// selectors are dropped), each over the whole text, repeated until nothing
// changes. Each byte that is not valid UTF-8 becomes U+FFFD first.
//
// This is the straightforward fold, with none of the engine's shortcuts
// (ASCII, characters folded alone from a memo, generated script tables):
// the differential tests hold those to it.
func (f Fold) Apply(s string) string {
	if f == (Fold{}) {
		return s
	}
	if !utf8.ValidString(s) {
		var b strings.Builder
		for _, r := range s { // one U+FFFD per invalid byte
			b.WriteRune(r)
		}
		s = b.String()
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

// foldSpace turns each run of horizontal white space (Zs, tab) into one
// ASCII space and drops zero-width characters and variation selectors.
// Line breaks stay: a tag never spans lines.
func foldSpace(s string) string {
	var b strings.Builder
	inSpace := false
	for _, r := range s {
		switch {
		case dropInSpaceFold(r):
		case isFoldedSpace(r):
			if !inSpace {
				b.WriteByte(' ')
			}
			inSpace = true
		default:
			inSpace = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isFoldedSpace reports the horizontal white space a run of which the
// space fold turns into one ASCII space.
func isFoldedSpace(r rune) bool {
	return r == '\t' || r != '\n' && r != '\r' && !lineEnd(r) && etext.IsSpace(r) && r != 0x180E && r != 0x200B && r != 0x2060 && r != 0xFEFF
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

var (
	t2sOnce sync.Once
	t2s     *gocc.OpenCC
)

// converter loads gocc's t2s dictionaries once.
func converter() *gocc.OpenCC {
	t2sOnce.Do(func() {
		cc, err := gocc.New("t2s")
		if err != nil {
			panic("oracle: loading the OpenCC t2s tables: " + err.Error())
		}
		t2s = cc
	})
	return t2s
}

// foldScript converts Traditional Chinese to Simplified with gocc's
// dictionaries through their own API: for each group of the conversion
// chain, at each Han character, the longest key of the first dictionary
// that has one (PrefixMatch), else the character.
func foldScript(s string) string {
	for _, g := range converter().DictChains {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			key, value := 0, ""
			if unicode.Is(unicode.Han, r) {
				key, value = longestKey(g, s[i:])
			}
			if key == 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteString(value)
			i += key
		}
		s = b.String()
	}
	return s
}

// longestKey returns the length of the longest key at the start of w of
// the first dictionary of g that has one, and its first value. The trie
// ends each key with a NUL byte and reads one in the text as a key's end:
// the text is cut at its first NUL (the named fix).
func longestKey(g *gocc.Group, w string) (int, string) {
	w = w[:min(len(w), 64)] // no key is longer than 42 bytes
	if k := strings.IndexByte(w, 0); k >= 0 {
		w = w[:k]
	}
	for _, d := range g.Dicts {
		if d == nil || d.Trie == nil {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		var buf [utf8.UTFMax]byte
		if _, err := d.Trie.Jump(buf[:utf8.EncodeRune(buf[:], r)], 0); err != nil || n == 0 {
			continue // no key starts with r: skip the map PrefixMatch builds
		}
		m, err := d.PrefixMatch(w)
		if err != nil {
			continue
		}
		best, value := 0, ""
		for k, v := range m {
			if len(k) > best && len(v) > 0 {
				best, value = len(k), v[0]
			}
		}
		if best > 0 {
			return best, value
		}
	}
	return 0, ""
}
