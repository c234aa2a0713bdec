package export

import (
	"bytes"
	"testing"
)

// stringEndByBytes is what stringEnd returns, found one byte at a time.
func stringEndByBytes(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '"':
			return i + 1
		case '\\':
			i++ // skip the escaped byte
		}
	}
	return len(b)
}

func TestStringEndStopsAtEveryOffset(t *testing.T) {
	ends := []string{`"`, `\"`, `\\"`, `\\\"`, `\u0022"`, "\xff\"", "😀\"", "\x00\"", `\`}
	for _, fill := range []string{"abcdefgh", "中文字", "a中b", "https://img.example.com/g1/1.png"} {
		for _, e := range ends {
			for at := 0; at <= 24; at++ {
				b := append([]byte{'"'}, bytes.Repeat([]byte(fill), 10)[:at]...)
				b = append(b, e...)
				b = append(b, fill...)
				b = append(b, `","x"`...)
				if got, want := stringEnd(b, 0), stringEndByBytes(b, 0); got != want {
					t.Errorf("stringEnd(%q) = %d, want %d", b, got, want)
				}
			}
		}
	}
}

// FuzzStringEnd checks stringEnd, which passes plain text eight bytes at
// a time, against stringEndByBytes.
func FuzzStringEnd(f *testing.F) {
	f.Add([]byte(`"https://img.example.com/g0000001/1.png","x"`))
	f.Add([]byte(`"a\"b\\",1`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 {
			return
		}
		if got, want := stringEnd(b, 0), stringEndByBytes(b, 0); got != want {
			t.Fatalf("stringEnd(%q) = %d, want %d", b, got, want)
		}
	})
}

// BenchmarkEachItemURLs walks image lists shaped as the bench exports'
// (three URLs a post) after the scanner checked them, as jsonList does.
func BenchmarkEachItemURLs(b *testing.B) {
	var lists [][]byte
	for i := range 1000 {
		u := []byte(`"https://img.example.com/g` + string(rune('0'+i%10)) + `0000001/`)
		l := append([]byte("["), u...)
		l = append(l, `1.png", `...)
		l = append(l, u...)
		l = append(l, `2.png", `...)
		l = append(l, u...)
		l = append(l, `3.png"]`...)
		lists = append(lists, l)
	}
	n := 0
	for b.Loop() {
		for _, l := range lists {
			eachItem(l, func(item []byte) { n += len(item) })
		}
	}
	if n == 0 {
		b.Fatal("no items")
	}
}
