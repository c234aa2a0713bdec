package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestScanStringAtEveryOffset puts each byte that ends or breaks plain text
// at every place of the words the scanner reads eight bytes at a time, and
// in runs of Chinese, and checks the verdict against encoding/json.
func TestScanStringAtEveryOffset(t *testing.T) {
	odd := []string{`"`, `\`, `\n`, `\u00e9`, `\x`, "\x1f", "\x00", "\x7f", "\x80", "\xed\xa0\x80", "\xe0\x80\x80", "é", "中", "\xe4\xbd"}
	fills := map[string]string{"ascii": "abcdefgh", "han": "中文字", "mixed": "a中b"}
	for name, fill := range fills {
		for _, o := range odd {
			for at := 0; at <= 24; at++ {
				body := bytes.Repeat([]byte(fill), 10)[:at]
				body = append(body, o...)
				body = append(body, bytes.Repeat([]byte(fill), 4)...)
				line := []byte(`{"k":"` + string(body) + `","n":1}`)
				t.Run(fmt.Sprintf("%s/%q/%d", name, o, at), func(t *testing.T) {
					ok, _ := scanObject(line, nil)
					want := json.Valid(line) && clean(line)
					if ok != want {
						t.Errorf("scanObject(%q) = %v, want %v", line, ok, want)
					}
				})
			}
		}
	}
}

func TestHasBOMAgreesWithContains(t *testing.T) {
	for _, s := range []string{"", "\xBF", "\xBB\xBF", "\uFEFF", "a\uFEFF", "\uFEFFa", "，。！\uFEFF", "，。！", "\xEF\xBB", "\xEF\xBB\xBE\xBF",
		"\xEF\xBF\xBF", "x\xEF\xBB\xEF\xBB\xBF", "什么\xBF\xEF\xBB\xBF", strings.Repeat("积分，", 40) + "\uFEFF"} {
		if got, want := hasBOM([]byte(s)), bytes.Contains([]byte(s), bomUTF8); got != want {
			t.Errorf("hasBOM(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzHasBOM checks hasBOM against bytes.Contains on any line.
func FuzzHasBOM(f *testing.F) {
	f.Add([]byte("积分，\uFEFF"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if hasBOM(b) != bytes.Contains(b, bomUTF8) {
			t.Errorf("hasBOM(%q) disagrees with bytes.Contains", b)
		}
	})
}

// plainRunByBytes is what plainRun returns, found one byte or one
// three-byte sequence at a time.
func plainRunByBytes(b []byte) int {
	i := 0
	for i < len(b) {
		switch {
		case plainByte[b[i]]:
			i++
		case i+3 <= len(b) && hanLead[b[i]] && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80:
			i += 3
		default:
			return i
		}
	}
	return i
}

func TestPlainRunStopsAtEveryOffset(t *testing.T) {
	odd := []string{`"`, `\`, "\x1f", "\x00", "\x7f", "\x80", "\xed\xa0\x80", "\xe0\xa0\x80", "é", "😀", "\xe4\xbd", "\xe4a"}
	for _, fill := range []string{"abcdefgh", "中文字", "a中b", "池 B，"} {
		for _, o := range odd {
			for at := 0; at <= 24; at++ {
				b := append(bytes.Repeat([]byte(fill), 10)[:at], o...)
				b = append(b, fill...)
				if got, want := plainRun(b), plainRunByBytes(b); got != want {
					t.Errorf("plainRun(%q) = %d, want %d", b, got, want)
				}
			}
		}
	}
}

// FuzzPlainRun checks plainRun, which reads words of eight bytes, against
// plainRunByBytes.
func FuzzPlainRun(f *testing.F) {
	f.Add([]byte("abc 池上线后的流动性，最山去 \xed\xa0\x80 x"))
	f.Add([]byte("BTC 池，\"x"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := plainRun(b), plainRunByBytes(b); got != want {
			t.Fatalf("plainRun(%q) = %d, want %d", b, got, want)
		}
	})
}

// BenchmarkPlainRun passes the text of posts that mix Chinese with short
// English words and numbers every few characters, as the bench exports
// do, stopping at each escape as scanner.str does.
func BenchmarkPlainRun(b *testing.B) {
	const post = `我更关心的是BTC 池上线后的流动性，大家怎么看？如果你只有 165 U，我建议先试试BTC 池。` +
		`对比了三家平台的质押挖矿，这里的门槛最低，只要 1680 就能参加。\n我这周在 Launchpool 质押了 917 个 ES，` +
		`年化大概 216%，比预期高一点。\nMy take on ES: the tokenomics look fair, unlock over 351 months. `
	text := []byte(strings.Repeat(post, 64))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for i := 0; i < len(text); {
			i += plainRun(text[i:]) + 1
		}
	}
}

// TestPlainRunAgreesOnMixedPieces checks plainRun against plainRunByBytes
// on texts strung together from pieces that each test a part of the
// word-wide arithmetic: leads of every kind, continuation bytes missing or
// astray, and the bytes that end plain text, at every alignment.
func TestPlainRunAgreesOnMixedPieces(t *testing.T) {
	pieces := []string{"a", "B 1", "中", "文字", "，", "\uffff", "\u1000", "\ud7ff", "\ue000", "é", "😀",
		"\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xe4\xbd", "\xe4", "\x80", "\xbf", "\xc0\x80", "\xf4\x8f\xbf\xbf",
		"\xff", `"`, `\`, "\x1f", "\x00", "\x7f", " "}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 200000 {
		var b []byte
		for n := rng.IntN(24); n > 0; n-- {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(3) > 0 { // mostly plain, so that runs are long
				p = pieces[rng.IntN(7)]
			}
			b = append(b, p...)
		}
		if got, want := plainRun(b), plainRunByBytes(b); got != want {
			t.Fatalf("plainRun(%q) = %d, want %d", b, got, want)
		}
	}
}
