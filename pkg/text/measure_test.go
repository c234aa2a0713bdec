package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

func TestMeasureInvalidUTF8(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Counts
	}{
		// Each bad byte is one U+FFFD: one column (ambiguous), weight 2,
		// a full weibo character, a separator between words.
		{"bad bytes between letters", "a\xffb\xc3", Counts{Runes: 4, Graphemes: 4, Width: 4, Weibo: 3, Han: 0, Words: 2, Twitter: 6}},
		{"a truncated sequence is one replacement per byte", "\xe6\x8c", Counts{Runes: 2, Graphemes: 2, Width: 2, Weibo: 2, Words: 0, Twitter: 4}},
		{"a bad byte before a combining mark takes the mark", "\xff\u0301", Counts{Runes: 2, Graphemes: 1, Width: 1, Weibo: 1, Twitter: 3}},
		{"surrogate halves encoded in UTF-8 are bad bytes", "\xed\xa0\x80", Counts{Runes: 3, Graphemes: 3, Width: 3, Weibo: 3, Twitter: 6}},
		{"lone continuation bytes in Chinese", "挖\x80矿", Counts{Runes: 3, Graphemes: 3, Width: 5, Weibo: 3, Han: 2, Words: 2, Twitter: 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Measure(tt.text, 0, SyntaxAuto); got != tt.want {
				t.Errorf("Measure(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
			// Every exclusion on: still no panic.
			Measure(tt.text, ^Exclude(0), SyntaxWeibo)
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ES Launchpool 挖矿", "ES Launchpool 挖矿"},
		{"cafe\u0301", "caf\u00e9"},
		{"a\xffb", "a\uFFFDb"},
		{"\xe6\x8c", "\uFFFD\uFFFD"},
		{"e\xff\u0301", "e\uFFFD\u0301"},
		{"\u1112\u1161\u11ab", "\ud55c"},
		{"\u0323\u0307\xa0\u1112A", "\u0323\u0307\uFFFD\u1112A"}, // found by FuzzMeasure: NFC after repair once rewrote the repaired text
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMeasureNFCEqualsNFD(t *testing.T) {
	for _, s := range []string{
		"Ỳ Ḉ Ǻ ǖ ệ 한국어 が ガ ｶﾞ Å Ω ﬁ",
		"#Gate Alpha 第三届积分狂欢节 & ES Launchpool# café",
		"q\u0307\u0323 a\u0323\u0307 \u0958",
	} {
		nfc, nfd := norm.NFC.String(s), norm.NFD.String(s)
		if nfc == nfd {
			t.Fatalf("test text %q has no decomposable characters", s)
		}
		for _, ex := range []Exclude{0, ExcludeTags | ExcludeWhitespace} {
			if a, b := Measure(nfc, ex, SyntaxAuto), Measure(nfd, ex, SyntaxAuto); a != b {
				t.Errorf("NFC %+v != NFD %+v for %q", a, b, s)
			}
		}
	}
}

// The width unit never depends on the locale: go-runewidth's package
// defaults (set from LANG and RUNEWIDTH_EASTASIAN) are not consulted.
func TestWidthIgnoresLocale(t *testing.T) {
	text := "①※“”αβγ"
	before := Measure(text, 0, SyntaxAuto).Width
	saved := runewidth.DefaultCondition.EastAsianWidth
	runewidth.DefaultCondition.EastAsianWidth = true
	t.Cleanup(func() { runewidth.DefaultCondition.EastAsianWidth = saved })
	t.Setenv("RUNEWIDTH_EASTASIAN", "1")
	t.Setenv("LANG", "ja_JP.UTF-8")
	if after := Measure(text, 0, SyntaxAuto).Width; after != before || after != 7 {
		t.Errorf("width %d with an East Asian locale, %d without; want 7", after, before)
	}
}

func TestCountsOf(t *testing.T) {
	c := Counts{Runes: 1, Graphemes: 2, Width: 3, Weibo: 4, Han: 5, Words: 6, Twitter: 7}
	for i, u := range Units {
		if c.Of(u) != i+1 {
			t.Errorf("Of(%s) = %d, want %d", u, c.Of(u), i+1)
		}
	}
	if c.Of("bytes") != 0 {
		t.Error("an unknown unit should count 0")
	}
}

func TestMeasurerReuse(t *testing.T) {
	var m Measurer
	long := strings.Repeat("挖矿 cafe\u0301 👍🏽 #话题# https://x.com ", 50)
	for _, s := range []string{long, "ES Launchpool 挖矿", "a\xffb", long, ""} {
		if got, want := m.Measure(s, ExcludeTags, SyntaxAuto), Measure(s, ExcludeTags, SyntaxAuto); got != want {
			t.Errorf("reused Measurer: %+v, fresh: %+v for %q", got, want, s)
		}
	}
}

func TestMeasureAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts are checked in full runs")
	}
	small, large := benchPosts(t)
	var m Measurer
	for _, s := range []string{small, large, norm.NFD.String(small), "a\xffb" + small} {
		for _, ex := range []Exclude{0, ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace} {
			m.Measure(s, ex, SyntaxAuto)
			if n := testing.AllocsPerRun(20, func() { m.Measure(s, ex, SyntaxAuto) }); n != 0 {
				t.Errorf("%.1f allocations per Measure (exclude %b, %d bytes), want 0", n, ex, len(s))
			}
		}
	}
}

// randomText mixes the characters that make counting hard.
func randomText(rng *rand.Rand, n int) string {
	pieces := []string{
		"a", "Z", "7", " ", "\t", "\n", "\r\n", ".", "#", "＃", "$", "@", "&", "_", "/", ":",
		"挖", "矿", "積", "𠀀", "ｶ", "ﾞ", "コ", "ー", "한", "\u1100", "\u1161", "\u11a8",
		"\u0301", "\u0323", "\u200d", "\u200b", "\ufeff", "\ufe0f", "\ufe0e", "\u20e3",
		"👍", "🏽", "👨", "❤", "🇨", "🇳", "©", "①", "※", "“", "\u0600", "\u0915", "\u094d", "\u093f",
		"\xff", "\xe6\x8c", "https://x.com/a#b", "www.gate.com", " #ES ", "#话题#", "$ES", "\u3000", "\u00a0",
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// TestGraphemesAgreeWithUniseg checks the fast path against full UAX #29
// segmentation, and the width unit against go-runewidth where no emoji is
// involved.
func TestGraphemesAgreeWithUniseg(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		s := Normalize(randomText(rng, 1+rng.IntN(30)))
		c := Measure(s, 0, SyntaxAuto)
		if want := uniseg.GraphemeClusterCount(s); c.Graphemes != want {
			t.Fatalf("graphemes(%q) = %d, uniseg says %d", s, c.Graphemes, want)
		}
		if want := utf8.RuneCountInString(s); c.Runes != want {
			t.Fatalf("runes(%q) = %d, want %d", s, c.Runes, want)
		}
		if !strings.ContainsAny(s, "👍🏽👨❤🇨🇳©\ufe0f\u20e3") {
			if want := widthCondition.StringWidth(s); c.Width != want {
				t.Fatalf("width(%q) = %d, go-runewidth says %d", s, c.Width, want)
			}
		}
	}
}

// TestFastPathProperties checks the claim the fast path rests on: a rune
// without pStart followed by a rune without pExt always has a grapheme
// boundary between them. Every rune of planes 0 and 1 is tried on each
// side against partners of every class.
func TestFastPathProperties(t *testing.T) {
	if testing.Short() {
		t.Skip("exhaustive over two planes")
	}
	tbl := props()
	partners := []rune{'a', ' ', '挖', '👍', 0x1F1E8, 0x0915, 0x1100, 0xAC00, '\n', 0x0600}
	boundary := func(a, b rune) bool {
		s := string(a) + string(b)
		c, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
		return len(c) == utf8.RuneLen(a)
	}
	for r := rune(0); r < propTableSize; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		p := tbl[r]
		for _, q := range partners {
			if p&pExt == 0 && tbl[q]&pStart == 0 && !boundary(q, r) {
				t.Fatalf("U+%04X lacks pExt but joins U+%04X before it", r, q)
			}
			if p&pStart == 0 && tbl[q]&pExt == 0 && !boundary(r, q) {
				t.Fatalf("U+%04X lacks pStart but joins U+%04X after it", r, q)
			}
		}
	}
}

// TestQuickNFC checks that every rune the NFC shortcut lets through is left
// alone by NFC next to the runes most likely to combine with it.
func TestQuickNFC(t *testing.T) {
	if testing.Short() {
		t.Skip("exhaustive over two planes")
	}
	tbl := props()
	for r := rune(0); r < propTableSize; r++ {
		if !utf8.ValidRune(r) || tbl[r]&pNFCUnsafe != 0 {
			continue
		}
		for _, s := range []string{string(r), "a" + string(r), "\u1100" + string(r), "\uac00" + string(r), string(r) + "\u0301"} {
			if !quickNFC(s) && !strings.Contains(s, "\u0301") {
				t.Fatalf("quickNFC(%q) = false for safe runes", s)
			}
			if quickNFC(s) && !norm.NFC.IsNormalString(s) {
				t.Fatalf("quickNFC(%q) = true, but it is not NFC", s)
			}
		}
	}
}

// TestASCIIInfo checks the inlined ASCII table against the packed rune
// table the rest of the text goes through.
func TestASCIIInfo(t *testing.T) {
	tbl := props()
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if got, want := asciiInfo[c], runeInfo(c, tbl[c]); got != want {
			t.Errorf("U+%04X: asciiInfo %+v, runeInfo %+v", c, got, want)
		}
	}
}

// TestQuickNFCShortcut checks the lead-byte shortcut of quickNFC: every
// rune it skips without a lookup is NFC-safe.
func TestQuickNFCShortcut(t *testing.T) {
	tbl := props()
	for r := rune(0x4000); r <= 0x9FFF; r++ {
		if tbl[r]&pNFCUnsafe != 0 {
			t.Fatalf("U+%04X is skipped by quickNFC but NFC may change it", r)
		}
	}
	if quickNFC("\xe4\xb8") || quickNFC("\xe4\xb8a") {
		t.Error("quickNFC accepted a truncated sequence")
	}
}

func TestExclusionsNeverAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		s := randomText(rng, 1+rng.IntN(25))
		for _, syn := range []Syntax{SyntaxAuto, SyntaxTwitter, SyntaxWeibo} {
			all := Measure(s, 0, syn)
			for _, e := range ExcludeNames {
				checkNotMore(t, s, e.Name, all, Measure(s, e.Bit, syn))
			}
			checkNotMore(t, s, "everything", all, Measure(s, ^Exclude(0), syn))
		}
	}
}

func checkNotMore(t *testing.T, s, what string, all, ex Counts) {
	t.Helper()
	for _, u := range Units {
		if ex.Of(u) > all.Of(u) {
			t.Fatalf("excluding %s raised %s from %d to %d for %q", what, u, all.Of(u), ex.Of(u), s)
		}
	}
}

// TestWidthOfPictographs: emoji presentation (Emoji_Presentation, or a
// VS16 sequence) takes 2 columns; a text-style pictograph takes the columns
// East Asian Width gives it, as UTS #51 draws it as text.
func TestWidthOfPictographs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"emoji presentation", "😀", 2},
		{"text-style A button", "🅰", 1},
		{"A button with VS16", "🅰\ufe0f", 2},
		{"text-style thermometer", "🌡", 1},
		{"thermometer with VS16", "🌡\ufe0f", 2},
		{"thermometer with VS15", "🌡\ufe0e", 1},
		{"mahjong red dragon has emoji presentation", "🀄", 2},
		{"mahjong east wind", "🀀", 1},
		{"domino tile", "🀱", 1},
		{"playing card ace of spades", "🂡", 1},
		{"joker has emoji presentation", "🃏", 2},
		{"chess symbol", "🨀", 1},
		{"skin tone modifier sequence", "👍🏽", 2},
		{"ZWJ sequence", "👨\u200d👩\u200d👧", 2},
		{"text-style pictographs between letters", "a🅰b🌡c", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Measure(tt.text, 0, SyntaxAuto).Width; got != tt.want {
				t.Errorf("width of %q = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

// quickNFCByRune is quickNFC as first written, a rune at a time: the fast
// paths of quickNFC must answer as it does.
func quickNFCByRune(s string) bool {
	tbl := props()
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || propOf(tbl, r)&pNFCUnsafe != 0 {
			return false
		}
		i += n
	}
	return true
}

func TestQuickNFCFastPaths(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := quickNFC(s), quickNFCByRune(s); got != want {
			t.Fatalf("quickNFC(%q) = %v, want %v", s, got, want)
		}
	}
	// Under the race detector every 61st code point (a prime step, so every
	// block and both halves of a byte are still met); the plain run checks
	// them all.
	step := rune(1)
	if raceEnabled {
		step = 61
	}
	for r := rune(0); r < 0x30000; r += step {
		if utf8.ValidRune(r) {
			check(string(r))
			check("abcdefghij" + string(r) + "klmnopqrstuvw")
		}
	}
	for name, s := range map[string]string{
		"overlong":        "\xe0\x80\xaf",
		"surrogate":       "\xed\xa0\x80",
		"truncated3":      "\xef\xbc",
		"badContinuation": "\xef\xbca",
		"asciiThenBad":    "abcdefgh\xff",
		"longASCII":       strings.Repeat("plain ascii words ", 9) + "\u0301",
		"cjkPunctuation":  "我，你。「好」\u302a",
	} {
		t.Run(name, func(t *testing.T) { check(s) })
	}
}
