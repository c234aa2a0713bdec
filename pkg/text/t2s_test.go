package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/liuzl/gocc"
)

// goccFold is the script fold done the straightforward way, with gocc's own
// dictionaries and its PrefixMatch: at each Han character, the longest key
// of the first dictionary that has one.
func goccFold(t *testing.T, s string) string {
	cc, err := gocc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range cc.DictChains {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			key, value := "", ""
			if unicode.Is(unicode.Han, r) {
				for _, d := range g.Dicts {
					m, err := d.PrefixMatch(s[i:])
					if err != nil {
						t.Fatal(err)
					}
					for k, v := range m {
						if len(k) > len(key) && len(v) > 0 {
							key, value = k, v[0]
						}
					}
					if key != "" {
						break
					}
				}
			}
			if key == "" {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteString(value)
			i += len(key)
		}
		s = b.String()
	}
	return s
}

// TestScriptFoldTables holds the generated tables to the library they were
// generated from: every key alone, keys run together (where a longer key
// must win over its prefix), and random mixes of keys, values and other
// text. A failure after a gocc upgrade means `go generate ./pkg/text`.
func TestScriptFoldTables(t *testing.T) {
	var words []string
	for _, g := range t2sGroups {
		for _, d := range g {
			for _, e := range d {
				words = append(words, e.key, e.value)
			}
		}
	}
	words = append(words, "a", "，", " ", "的", "一", "不", "上", "乾隆", "頭髮", "後來", "鏇", "\u9fff", "𠀀")
	var texts []string
	for i := 0; i+3 <= len(words); i += 3 {
		texts = append(texts, words[i]+words[i+1]+words[i+2])
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range 12 {
			b.WriteString(words[rng.IntN(len(words))])
		}
		texts = append(texts, b.String())
	}
	// gocc.New rebuilds its tries each call: compare in one batch.
	joined := strings.Join(texts, "\n")
	if got, want := foldScript(joined), goccFold(t, joined); got != want {
		g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("foldScript(%q) = %q, gocc gives %q", texts[i], g[i], w[i])
			}
		}
		t.Fatalf("foldScript differs from gocc")
	}
}

// TestScriptFoldKeepsNUL: a NUL byte after a dictionary key stays; the
// trie look-up once read it as the key's end and dropped it.
func TestScriptFoldKeepsNUL(t *testing.T) {
	for _, s := range []string{"乾隆\x00APR", "頭髮\x00", "鏇\x00\x00x"} {
		got := Fold{Script: true}.Apply(s)
		if strings.Count(got, "\x00") != strings.Count(s, "\x00") {
			t.Errorf("Apply(%q) = %q, lost a NUL", s, got)
		}
	}
}

// The scanner skips the NFC check of a folded text built from characters
// NFC leaves alone; the script fold keeps it so only if every value it
// writes is made of such characters.
func TestT2SValuesNFC(t *testing.T) {
	for gi, dicts := range t2sGroups {
		for _, dict := range dicts {
			for _, e := range dict {
				if !quickNFC(e.value) {
					t.Errorf("group %d: the value %q of %q is not plainly NFC", gi, e.value, e.key)
				}
			}
		}
	}
}

// TestT2SPairsFilter: the filter lets every key of every group through,
// alone and followed by more text, and stops most other places.
func TestT2SPairsFilter(t *testing.T) {
	f := t2sFilter()
	for gi, g := range t2s() {
		for _, e := range g.keys {
			r, n := utf8.DecodeRuneInString(e.key)
			for _, s := range []string{e.key, e.key + "的", e.key + "x"} {
				if !f.mayMatch(s, r, n) {
					t.Fatalf("group %d: the filter stops key %q in %q", gi, e.key, s)
				}
			}
		}
	}
	stopped := 0
	for _, s := range []string{"一个", "不是", "大家", "后来", "里面"} {
		r, n := utf8.DecodeRuneInString(s)
		if !f.mayMatch(s, r, n) {
			stopped++
		}
	}
	if stopped < 4 {
		t.Errorf("the filter stops %d of 5 common pairs", stopped)
	}
}
