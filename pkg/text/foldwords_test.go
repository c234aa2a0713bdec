package text

import (
	"slices"
	"strings"
	"testing"
)

// passTwoGroups are phrases whose matches depend on what surrounds them:
// spaced-script words that must stand whole, Chinese substrings, phrases
// with spaces, sigils and full-width forms folded.
var passTwoGroups = [][]string{
	{"稳赚不赔", "guaranteed profit", "ES", "es币"},
	{"Eclipse", "SVM", "以太坊", "Layer 2", "＃gate", "a"},
	{"代币", "解锁", "tokenomics", "launchpool#", "1"},
	{"质押", "APR", "http", "：//", "@gate"},
}

// checkPassTwo scans s and checks that where pass 1 gathered the
// automaton's hits and the wording, they are what second finds reading
// the folded text again.
func checkPassTwo(t *testing.T, ix *PhraseIndex, s string, ex Exclude) (quick bool) {
	var sc Scanner
	var hits, want PhraseHits
	var w scanBenchWording
	p, _ := sc.Scan(s, AllFolds, ex, ix, &hits, &w)
	if !sc.fwOK || !sc.nfc {
		return false
	}
	got := slices.Clone(sc.fw.rs)
	sc.words = sc.words[:0]
	sc.second(p, ix, &want)
	if !slices.Equal(got, sc.words) {
		t.Errorf("%q: wording %q, second reads %q", s, string(got), string(sc.words))
	}
	if !slices.Equal(hits.found, want.found) {
		t.Errorf("%q: hits %v, second finds %v", s, hits.found, want.found)
	}
	return true
}

var passTwoSeeds = append([]string{
	"＃Gate Alpha 第三届 积分＃ 看 https：／／x.com／a，好 ＠gate_zh 说ES币",
	"#话题　空格#ES 池 ﹟tag﹟ ﹩BTC ﹫me Layer  2 layer 2x aLayer 2",
	"http://a.b/c，代币解锁 https://例子.中国/路径 tokenomics!",
	"稳赚不赔稳赚不赔 guaranteed profitable guaranteed profit.",
	"ＥＳ币 ＡＰＲ１２％ 1️⃣ é ﬁ Ⅻ 〇",
	"質押代幣，解鎖時間表 #話題 這個項目發展得很好 ES幣 以太坊 頭髮",
	"我更关心的是BTC 池上线后的流动性，質押挖礦 Layer 2 稳赚不赔 代幣總量",
	// A script fold far into a long post, and two far apart: the read
	// is taken back to a mark far from the start and read again.
	strings.Repeat("我更关心的是流动性，ES 池 Layer 2 质押 ", 12) + "質押代幣，解鎖時間表",
	strings.Repeat("区块链发展 稳赚不赔，", 30) + "頭髮" + strings.Repeat(" 以太坊 Eclipse 代币解锁", 20) + "這個項目",
}, exportPosts...)

func TestScanPassTwo(t *testing.T) {
	ix := CompilePhraseIndex(passTwoGroups, AllFolds)
	n := 0
	for _, s := range passTwoSeeds {
		for _, ex := range []Exclude{0, ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace} {
			if checkPassTwo(t, ix, s, ex) {
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no post took the path where pass 1 gathers pass 2's work")
	}
}

func FuzzScanPassTwo(f *testing.F) {
	for _, s := range passTwoSeeds {
		f.Add(s, uint8(0))
	}
	ix := CompilePhraseIndex(passTwoGroups, AllFolds)
	f.Fuzz(func(t *testing.T, s string, ex uint8) {
		checkPassTwo(t, ix, s, Exclude(ex))
	})
}

// TestIdleHan checks idleHan's stops against decoding rune by rune: at
// a character other than a unified ideograph, at one whose idle bit is
// clear, and at an ideograph cut short by the end of the text.
func TestIdleHan(t *testing.T) {
	var idle [0x10000 / 64]uint64
	for _, r := range "中文字一鿿" {
		idle[r/64] |= 1 << (r % 64)
	}
	tests := []struct {
		name string
		in   string
		from int
		idle *[0x10000 / 64]uint64
	}{
		{"empty", "", 0, nil},
		{"all", "中文字一鿿", 0, nil},
		{"all idle", "中文字一鿿", 0, &idle},
		{"bit clear", "中文字代文", 0, &idle},
		{"before U+4E00", "中䷀文", 0, nil},
		{"ascii", "中a文", 0, nil},
		{"other lead byte", "中가文", 0, nil},
		{"cut short", "中文\xe4\xb8", 0, nil},
		{"from an offset", "ab中文", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(tt.in)
			i := tt.from
			var want []rune
			wantEnd := i
			for _, r := range tt.in[i:] {
				if r < 0x4E00 || r > 0x9FFF || wantEnd+3 > len(b) || tt.idle != nil && tt.idle[r/64]&(1<<(r%64)) == 0 {
					break
				}
				want = append(want, r)
				wantEnd += 3
			}
			out := make([]rune, len(b)+1)
			out[0] = 'x'
			end, n := idleHan(b, i, out, 1, tt.idle)
			if end != wantEnd || !slices.Equal(out[1:n], want) || out[0] != 'x' {
				t.Errorf("idleHan(%q, %d) = %d, %q; want %d, %q", tt.in, i, end, string(out[1:n]), wantEnd, string(want))
			}
		})
	}
}
