package text

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/liuzl/da"
	"github.com/liuzl/gocc"
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
	var b strings.Builder
	if !fastWidthCase(s, &b, f.Space) {
		return "", false
	}
	t := b.String()
	if f.Script {
		// A few conversions take two steps (鏇→镟→旋): fold until settled.
		for range 4 {
			n := foldScript(t)
			if n == t {
				break
			}
			t = n
		}
	}
	return t, true
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
// anything and one pass is enough.
func (f Fold) ascii(s string) string {
	if f.Case {
		s = strings.ToLower(s)
	}
	if f.Space {
		s = foldSpace(s)
	}
	return s
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

var (
	t2sOnce sync.Once
	t2s     *gocc.OpenCC
)

// converter loads OpenCC's Traditional-to-Simplified tables (embedded in
// gocc, about 10 ms) the first time a script fold needs them. gocc leaves
// the command line alone: it registers no flags.
func converter() *gocc.OpenCC {
	t2sOnce.Do(func() {
		cc, err := gocc.New("t2s")
		if err != nil {
			// The tables are compiled into the binary: failing to
			// read them is a broken build, not bad input.
			panic("text: loading the embedded OpenCC t2s tables: " + err.Error())
		}
		t2s = cc
	})
	return t2s
}

// t2sWindow bounds how much text one dictionary lookup sees. gocc's own
// Convert hands every lookup the whole rest of the text, copying it each
// time (quadratic in a long post); the longest t2s key is 14 characters,
// 42 bytes, so a window of 64 bytes finds every match Convert finds.
const t2sWindow = 64

// foldScript converts Traditional Chinese to Simplified as gocc's Convert
// does (for each group of the conversion chain in turn: at each Han
// character, the longest key of the first dictionary that has one, else the
// character), looking only at Han characters since every t2s key is Han.
func foldScript(s string) string {
	if !hasHan(s) {
		return s
	}
	for gi, group := range converter().DictChains {
		s = convertGroup(s, gi, group)
	}
	return s
}

func hasHan(s string) bool {
	tbl := props()
	for _, r := range s {
		if propOf(tbl, r)&pHan != 0 {
			return true
		}
	}
	return false
}

func convertGroup(s string, gi int, group *gocc.Group) string {
	tbl := props()
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if propOf(tbl, r)&pHan == 0 || !mayStartKey(r, gi) {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		key, value := lookupT2S(group, s[i:min(len(s), i+t2sWindow)])
		if key == 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteString(value)
		i += key
	}
	return b.String()
}

// keyStarts remembers, per code point, which groups of the conversion chain
// have a key starting with it: bit 31 once known, bit g for group g. Most
// characters of a Simplified post start no key, and knowing that saves a
// trie walk per character.
var keyStarts [0x30000]atomic.Uint32

func mayStartKey(r rune, gi int) bool {
	if int(r) >= len(keyStarts) || gi >= 31 {
		return true
	}
	v := keyStarts[r].Load()
	if v == 0 {
		v = 1 << 31
		for g, grp := range converter().DictChains {
			if g < 31 && startsKey(grp, r) {
				v |= 1 << g
			}
		}
		keyStarts[r].Store(v)
	}
	return v&(1<<gi) != 0
}

func startsKey(group *gocc.Group, r rune) bool {
	var buf [utf8.UTFMax]byte
	b := buf[:utf8.EncodeRune(buf[:], r)]
	for _, d := range group.Dicts {
		if d != nil && d.Trie != nil {
			if _, err := d.Trie.Jump(b, 0); err == nil {
				return true
			}
		}
	}
	return false
}

// lookupT2S returns the length of the longest key at the start of w and its
// replacement, from the first dictionary of the group that matches.
func lookupT2S(group *gocc.Group, w string) (int, string) {
	for _, d := range group.Dicts {
		if n, v := longestKey(d, w); n > 0 {
			return n, v
		}
	}
	return 0, ""
}

// longestKey walks the dictionary's trie along w one byte at a time and
// remembers the last node that ends a key. It does what da.Dict.PrefixMatch
// does without building a map and rebuilding every key per call, which made
// the script fold the most expensive step of judging a post.
func longestKey(d *da.Dict, w string) (int, string) {
	if d == nil || d.Trie == nil {
		return 0, ""
	}
	// Jump only reads the bytes; viewing the string as a slice saves a
	// copy per character of every post.
	b := unsafe.Slice(unsafe.StringData(w), len(w))
	best, value, from := 0, "", 0
	for i := range b {
		if b[i] == 0 {
			// The trie ends each key with a NUL byte: reading one from the
			// text took it as part of the key (the named fix).
			break
		}
		to, err := d.Trie.Jump(b[i:i+1], from)
		if err != nil {
			break
		}
		if id, err := d.Trie.Value(to); err == nil && id < len(d.Values) && len(d.Values[id]) > 0 {
			best, value = i+1, d.Values[id][0]
		}
		from = to
	}
	return best, value
}
