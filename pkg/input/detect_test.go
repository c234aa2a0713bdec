package input

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

var encoders = map[string]encoding.Encoding{
	GBK:     simplifiedchinese.GBK,
	GB18030: simplifiedchinese.GB18030,
	Big5:    traditionalchinese.Big5,
	UTF16LE: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	UTF16BE: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
}

func encode(t testing.TB, enc, s string) []byte {
	t.Helper()
	if enc == UTF8 {
		return []byte(s)
	}
	b, err := encoders[enc].NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q as %s: %v", s, enc, err)
	}
	return b
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, enc, want string
	}{
		{"gbk tag", "带上$ES专场，参加积分狂欢节", GBK, GBK},
		{"gbk short name", "王小明,今天天气很好", GBK, GBK},
		{"gbk traditional", "我已經參加了這次活動，希望能中獎", GBK, GBK},
		{"gb18030 emoji", "太棒了😀，我也要参加这次活动", GB18030, GB18030},
		{"big5 tag", "帶上 #積分狂歡節# 參加活動", Big5, Big5},
		{"big5 short", "今天天氣很好", Big5, Big5},
		{"utf16le ascii", "id,content\n1,hello\n", UTF16LE, UTF16LE},
		{"utf16be csv", "id,content\n1,今天天气很好\n", UTF16BE, UTF16BE},
		{"utf16le chinese only", "今天天气很好我们一起去公园散步吧", UTF16LE, UTF16LE},
		{"utf8 with one bad byte", "我已经参加了这次积分狂欢节活动\xff希望能中奖", UTF8, UTF8},
		// ASCII digits read as UTF-16 are U+3030 (CJK punctuation): without a
		// NUL byte a file cannot be UTF-16, however well it would score.
		{"digits with a stray byte", "0000000\xe500000\n00", UTF8, UTF8},
		{"digits with a NUL", "00\n0000000000000000\x00", UTF8, UTF8},
		// ASCII letters and digits read as UTF-16 are common Chinese
		// ("0b" is 戰): one NUL among ASCII is no UTF-16 (FuzzJSONL).
		{"letters and digits with a NUL", "0b\n0000b07070b0b0b0\x00", UTF8, UTF8},
		{"letters and digits with NULs at both parities", "0b0b0b0b\x000b0b0b0b0\x00b0b", UTF8, UTF8},
		{"utf16le mostly chinese", "今天天气很好，我们一起去公园散步吧。\n", UTF16LE, UTF16LE},
		{"utf16be mostly chinese", "今天天气很好，我们一起去公园散步吧。\n", UTF16BE, UTF16BE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(encode(t, tt.enc, tt.text)); got != tt.want {
				t.Errorf("Detect(%s of %q) = %s, want %s", tt.enc, tt.text, got, tt.want)
			}
		})
	}
}

// sentences reads one of the corpus files: posts as people write them,
// in Simplified Chinese and the same converted to Traditional (Taiwan).
func sentences(t testing.TB, script string) []string {
	data, err := os.ReadFile("testdata/posts-zh-" + script + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

var authors = []string{"王小明", "user_88", "林美玲", "crypto_fan", "李华", "Alice"}

// csvExport makes an export as a spreadsheet writes it: a header, then
// rows of id, author, text, time and likes.
func csvExport(rng *rand.Rand, lines []string, rows int) string {
	var b strings.Builder
	b.WriteString("id,author,content,created_at,likes\n")
	for i := range rows {
		text := lines[rng.IntN(len(lines))]
		if rng.IntN(2) == 0 {
			text += lines[rng.IntN(len(lines))]
		}
		fmt.Fprintf(&b, "%d,%s,\"%s #ES\",2025-09-%02d 14:%02d,%d\n", 1000+i, authors[rng.IntN(len(authors))], text, 1+rng.IntN(28), rng.IntN(60), rng.IntN(500))
	}
	return b.String()
}

// TestDetectAccuracy measures the detector on generated CSV exports:
// every script in every encoding that can hold it, from one row to fifty.
// GBK and GB18030 write the same bytes for these texts, so either answer
// is right for them.
func TestDetectAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := []int{1, 3, 10, 50}
	const trials = 40
	total, right := 0, 0
	for _, script := range []string{"hans", "hant"} {
		lines := sentences(t, script)
		for _, enc := range []string{UTF8, GBK, GB18030, Big5, UTF16LE, UTF16BE} {
			if enc == Big5 && script == "hans" {
				continue // Big5 has no Simplified characters
			}
			for _, rows := range sizes {
				ok := 0
				for range trials {
					data := encode(t, enc, csvExport(rng, lines, rows))
					got, _ := choose(data, true, "")
					if got.Encoding == enc || enc == GB18030 && got.Encoding == GBK {
						ok++
					}
				}
				total += trials
				right += ok
				t.Logf("%-4s %-8s %2d rows: %d/%d", script, enc, rows, ok, trials)
				if rows >= 3 && ok != trials {
					t.Errorf("%s %s with %d rows: %d of %d right", script, enc, rows, ok, trials)
				}
			}
		}
	}
	t.Logf("accuracy: %d/%d = %.1f%%", right, total, 100*float64(right)/float64(total))
	if right*100 < total*99 {
		t.Errorf("accuracy %d/%d is under 99%%", right, total)
	}
}

// TestDetectShortText measures the hard case: a file whose only Chinese is
// one short cell of two to six characters cut from a post. Reported, and
// held to a floor rather than to every case.
func TestDetectShortText(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	total, right := 0, 0
	for _, script := range []string{"hans", "hant"} {
		lines := sentences(t, script)
		for _, enc := range []string{GBK, Big5, UTF16LE, UTF16BE} {
			if enc == Big5 && script == "hans" {
				continue
			}
			ok := 0
			const trials = 200
			for range trials {
				r := []rune(lines[rng.IntN(len(lines))])
				n := 2 + rng.IntN(5)
				i := rng.IntN(len(r) - n)
				data := encode(t, enc, "id,content\n1,"+string(r[i:i+n])+"\n")
				if got, _ := choose(data, true, ""); got.Encoding == enc {
					ok++
				}
			}
			t.Logf("%-4s %-8s short cell: %d/%d", script, enc, ok, trials)
			total += trials
			right += ok
		}
	}
	t.Logf("short-text accuracy: %d/%d = %.1f%%", right, total, 100*float64(right)/float64(total))
	if right*100 < total*90 {
		t.Errorf("short-text accuracy %d/%d is under 90%%", right, total)
	}
}
