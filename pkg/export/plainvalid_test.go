package export

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainValidAgreesWithValidString(t *testing.T) {
	want := func(s string) bool { return strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) }
	check := func(s string) {
		t.Helper()
		if got := plainValid(s); got != want(s) {
			t.Fatalf("plainValid(%q) = %v, want %v", s, got, !got)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if utf8.ValidRune(r) && (r < 0x800 || r < 0x30000 || r%97 == 0) {
			check(string(r))
			check("abcdefghij" + string(r) + "klmnopqrstuvw")
		}
	}
	cases := map[string]string{
		"nulInASCIIWord": "abcdefgh\x00ijklmnop",
		"nulAtEnd":       "我们abcdefghijklmn\x00",
		"overlong":       "\xe0\x80\xaf",
		"surrogate":      "\xed\xa0\x80",
		"truncated":      "\xe4\xb8",
		"badContinue":    "\xe4\xb8a",
		"replacement":    "\xef\xbf\xbd",
		"fourBytes":      "\xf0\x9f\x98\x80",
		"badFourBytes":   "\xf4\x90\x80\x80",
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) { check(s) })
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", " ", "\x00", "我", "，", "\xe4", "\xb8", "\xed", "\xa0", "\x80", "\xf0", "😀", "é"}
	for range 200_000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		check(b.String())
	}
}
