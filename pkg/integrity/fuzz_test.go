package integrity

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "ＡＢＣ１２３", "#积分 狂欢节# 聯合推廣!", "Straße ǅ ﬁ", "e\u0301\u0301", "\xff\xfe", "①½㍿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) = %q is not UTF-8", s, c)
		}
		if again := Clean(c); again != c {
			t.Fatalf("Clean not idempotent: %q → %q → %q", s, c, again)
		}
		if i := strings.IndexFunc(c, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
		}); i >= 0 {
			t.Fatalf("Clean(%q) = %q keeps %q", s, c, c[i:])
		}
	})
}

func FuzzSign(f *testing.F) {
	for _, s := range []string{"", "abc", "积分狂欢节", "launchpool质押截图", "\xff\xff\xff\xff"} {
		f.Add(s)
	}
	var s1, s2 Signer
	f.Fuzz(func(t *testing.T, s string) {
		sig1, exact1, ok1 := s1.Sign(s)
		sig2, exact2, ok2 := s2.Sign(strings.Clone(s))
		if sig1 != sig2 || exact1 != exact2 || ok1 != ok2 {
			t.Fatalf("Sign(%q) differs between two calls", s)
		}
		if want := utf8.RuneCountInString(s) >= K; ok1 != want {
			t.Fatalf("Sign(%q) ok = %v, want %v", s, ok1, want)
		}
		if ok1 && sig1.Similarity(&sig2) != 1 {
			t.Fatalf("Sign(%q) not similar to itself", s)
		}
	})
}

// FuzzAddRunes holds AddRunes, however a text is cut into calls, to Add
// rune by rune and its shingle hashes to shingles', which hashes each
// window afresh: AddRunes rolls its hash another way.
func FuzzAddRunes(f *testing.F) {
	for _, s := range []string{"", "abcd", "积分狂欢节 launchpool质押截图", "\xff\xff\xff\xffab", "😀x😀y😀z"} {
		f.Add(s, uint8(2))
	}
	var one, batch Signer
	var runes []rune
	f.Fuzz(func(t *testing.T, s string, cut uint8) {
		rs := []rune(s)
		c := min(int(cut), len(rs))
		one.Start()
		for _, r := range rs {
			one.Add(r)
		}
		batch.Start()
		batch.AddRunes(rs[:c])
		batch.AddRunes(rs[c:])
		if !slices.Equal(one.xs, batch.xs) || one.roll != batch.roll || one.ring != batch.ring {
			t.Fatalf("%q cut at %d: AddRunes differs from Add", s, c)
		}
		if want := shingles(nil, &runes, s); !slices.Equal(batch.xs, want) {
			t.Fatalf("%q: shingle hashes differ from shingles'", s)
		}
		s1, e1, ok1 := one.Finish()
		s2, e2, ok2 := batch.Finish()
		if s1 != s2 || e1 != e2 || ok1 != ok2 {
			t.Fatalf("%q cut at %d: Finish differs", s, c)
		}
	})
}
