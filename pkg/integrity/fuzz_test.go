package integrity

import (
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
