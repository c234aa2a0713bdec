package text

import (
	"slices"
	"strings"
	"testing"
)

// TestCJKInfo: the counting pass's constant for a unified ideograph is
// what the property table says of each.
func TestCJKInfo(t *testing.T) {
	tbl := props()
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if got := runeInfo(r, tbl[r]); got != cjkInfo {
			t.Fatalf("U+%04X counts %+v, the constant says %+v", r, got, cjkInfo)
		}
	}
}

// TestCJKAloneShortcuts: the characters cjkAlone knows by their first
// bytes never extend a cluster, and the full-width forms the counting pass
// folds by arithmetic fold so.
func TestCJKAloneShortcuts(t *testing.T) {
	tbl := props()
	for r := rune(0x3000); r <= 0x303F; r++ {
		s := string(r)
		if cjkAlone(s, 0, tbl) != (propOf(tbl, r)&pExt == 0) {
			t.Errorf("cjkAlone(U+%04X) disagrees with the table", r)
		}
	}
	for r := rune(0xFF00); r <= 0xFF7F; r++ {
		if propOf(tbl, r)&pExt != 0 || !cjkAlone(string(r), 0, tbl) {
			t.Errorf("U+%04X: cjkAlone says %t, the table says it extends: %t", r, cjkAlone(string(r), 0, tbl), propOf(tbl, r)&pExt != 0)
		}
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		f := Fold{Width: true, Case: true}
		if got, want := string(rune(r-0xFEE0)), f.Apply(string(r)); strings.ToLower(got) != want {
			t.Errorf("U+%04X folds to %q, the counting pass writes %q", r, want, strings.ToLower(got))
		}
	}
}

// discardWording drops the wording handed to it.
type discardWording struct{}

func (discardWording) AddRunes([]rune) {}

// TestScanKnownNFC: when the counting pass says the folded text is in
// NFC, so that the second pass skips the check, it is.
func TestScanKnownNFC(t *testing.T) {
	tests := map[string]string{
		"ascii":       "Hello WORLD #Tag @who https://x.co/a",
		"chinese":     "今天參加活動，很開心。#新年快樂 https://t.cn/abc",
		"full-width":  "ＡＢＣ　１２３！＃標籤",
		"punctuation": "「引號」、《書名》…—",
		"combining":   "e\u0301 cafe\u0301 \u00a8 \u1e9b\u0323",
		"hangul jamo": "\u1100\u1161\u11a8",
		"compat":      "\uf900\ufb01 \u2126 \u212b",
		"invalid":     "a\xffb\xe4\xb8",
		"cr lf":       "a\r\nb\u3000\u3000c",
		"script":      "乾隆年間 著作 臺灣",
	}
	ix := CompilePhraseIndex(nil, AllFolds)
	var sc Scanner
	var hits PhraseHits
	for name, s := range tests {
		t.Run(name, func(t *testing.T) {
			p, _ := sc.Scan(s, AllFolds, 0, ix, &hits, discardWording{})
			if sc.nfc && !quickNFC(p.folded) {
				t.Errorf("folded %q claimed in NFC, quickNFC says no", p.folded)
			}
		})
	}
}

// TestFastCasesPlainNFC: the characters the counting pass's fast cases
// take without the NFC check are ones quickNFC accepts.
func TestFastCasesPlainNFC(t *testing.T) {
	for r := rune(0x4000); r <= 0x9FFF; r++ {
		if !quickNFC(string(r)) {
			t.Fatalf("U+%04X", r)
		}
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		if !quickNFC(string(r)) {
			t.Fatalf("U+%04X", r)
		}
	}
}

// TestScanChecksNFC: the counting pass, reading a post before it is
// normalized, gives what it gives on the normalized post, for posts that
// are not valid UTF-8 or not in NFC, cut short in the middle of a
// character included.
func TestScanChecksNFC(t *testing.T) {
	tests := map[string]string{
		"cut ideograph":  "今天\xe4\xb8",
		"cut at end":     "abc\xe4",
		"cut full-width": "ＡＢ\xef\xbc",
		"bad full-width": "Ａ\xef\xbc\x41B",
		"bad cont":       "今\xe4\x41\x41天 #tag",
		"lone cont":      "\x80\xbf今天",
		"surrogate":      "\xed\xa0\x80 x",
		"combining":      "cafe\u0301 #Cafe\u0301",
		"compat ideo":    "\uf900 #\uf900",
		"hangul jamo":    "\u1100\u1161 @who",
	}
	ix := CompilePhraseIndex(nil, AllFolds)
	var sc, ref Scanner
	var hits PhraseHits
	for name, s := range tests {
		t.Run(name, func(t *testing.T) {
			for _, ex := range []Exclude{0, ExcludeTags | ExcludeMentions} {
				p, c := sc.Scan(s, AllFolds, ex, ix, &hits, discardWording{})
				q, d := ref.Scan(Normalize(s), AllFolds, ex, ix, &hits, discardWording{})
				if c != d || p.text != q.text || p.folded != q.folded {
					t.Errorf("ex %v: %+v %q %q, normalized first %+v %q %q", ex, c, p.text, p.folded, d, q.text, q.folded)
				}
			}
		})
	}
}

// TestScanScriptFrom: the counting pass marks where a script fold key may
// start, and the fold starts at the first place a key matches; the text
// Scan folds is Apply's wherever the key sits (late, after Simplified
// text whose characters start keys that do not match, inside a tag,
// reached through a compatibility ideograph, or changed by both groups).
func TestScanScriptFrom(t *testing.T) {
	tests := map[string]string{
		"none":              "一个简单的测试，没有繁体字。abc 123",
		"first":             "國家 hello",
		"late":              "一个简单的测试一二三，然后是一目瞭然的繁體字",
		"starts no match":   "一一一一 干 后 里 台 一",
		"in a tag":          "简体 #一目瞭然# 还有 $BTC",
		"full-width before": "ＡＢＣ，一次：憑藉着",
		"compat ideograph":  "简体 \uf900 \uf9a6 文字",
		"chained":           "这是乾坤一擲和了結以及傢俱",
		"emoji between":     "一个🎉一目瞭然👍🏽繁體",
		"extension b":       "简 \U00020000 \U0002A6A5 體",
		"only ascii":        "Hello World",
	}
	for name, s := range tests {
		t.Run(name, func(t *testing.T) {
			var sc Scanner
			var hits PhraseHits
			ix := CompilePhraseIndex(nil, AllFolds)
			for _, ex := range []Exclude{0, ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace} {
				p, _ := sc.Scan(s, AllFolds, ex, ix, &hits, discardWording{})
				if want := AllFolds.Apply(s); p.folded != want {
					t.Errorf("exclude %v: folded %q, Apply gives %q", ex, p.folded, want)
				}
			}
		})
	}
}

// TestScanWordRuns: the counting pass counts a run of ASCII letters and
// digits at once, and gives what Measure gives and folds as Apply does
// where the run meets Chinese, a keycap, a combining mark, a tag, a URL
// or the end.
func TestScanWordRuns(t *testing.T) {
	tests := map[string]string{
		"words":          "Staked 4854 ES in Launchpool this week",
		"next to han":    "BTC池 ES的APR高",
		"keycap":         "step 1\u20e3 and 22\ufe0f\u20e3",
		"combining":      "Cafe\u0301 naive\u0308",
		"into a tag":     "see#Tag and$BTC and x@bob",
		"into a url":     "visit https://Example.COM/Path now",
		"full-width":     "ＡＢＣ123ｄｅｆ",
		"cr":             "ABC\r\nDEF\r",
		"end":            "中文ABC",
		"single letters": "a b c 1 2 3",
	}
	ix := CompilePhraseIndex(nil, AllFolds)
	var sc Scanner
	var hits PhraseHits
	for name, s := range tests {
		t.Run(name, func(t *testing.T) {
			for _, ex := range []Exclude{0, ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace | ExcludePunctuation} {
				p, c := sc.Scan(s, AllFolds, ex, ix, &hits, discardWording{})
				if want := Measure(s, ex, SyntaxAuto); c != want {
					t.Errorf("ex %v: counts %+v, Measure gives %+v", ex, c, want)
				}
				if want := AllFolds.Apply(s); p.folded != want {
					t.Errorf("ex %v: folded %q, Apply gives %q", ex, p.folded, want)
				}
			}
		})
	}
}

// TestASCIISpaceStep holds appendASCIISpace to foldStep for every ASCII
// character up to the space, under the space fold or not, after white
// space or not.
func TestASCIISpaceStep(t *testing.T) {
	for c := range byte(' ' + 1) {
		for _, space := range []bool{false, true} {
			for _, in := range []bool{false, true} {
				wantIn, gotIn := in, in
				want, _, ok := foldStep([]byte("x"), string([]byte{c}), 0, space, &wantIn)
				if !ok {
					t.Fatalf("%#x: foldStep wants the slow path", c)
				}
				got := appendASCIISpace([]byte("x"), c, space, &gotIn)
				// Without the space fold, inSpace is never set and so
				// never read: only its value under the fold matters.
				if string(got) != string(want) || space && gotIn != wantIn {
					t.Errorf("%#x space %t after space %t: %q %t, foldStep %q %t", c, space, in, got, gotIn, want, wantIn)
				}
			}
		}
	}
}

// TestClustersTo holds clustersTo to nextCluster's walk from every
// boundary to every offset, over text where ASCII and ideographs meet
// the characters that extend or join them.
func TestClustersTo(t *testing.T) {
	tbl := props()
	for _, s := range []string{
		"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#", "a\u0301中\u0301b", "中\u200d文", "\r\n#ES\r", "x\r",
		"#️⃣1️⃣", "가\u1161中", "👍🏽中a", "中\ufe0fa\ufe0e", "㐀\u0301䷀a", "，＃话题＃\u0301", "中",
	} {
		var bounds []int
		for i := 0; i < len(s); i, _ = nextCluster(s, i, tbl) {
			bounds = append(bounds, i)
		}
		for _, from := range bounds {
			for to := from; to <= len(s); to++ {
				want := from
				for want < to {
					want, _ = nextCluster(s, want, tbl)
				}
				if got := clustersTo(s, from, to, tbl); got != want {
					t.Errorf("%q from %d to %d: %d, nextCluster's walk %d", s, from, to, got, want)
				}
			}
		}
	}
}

// TestScanCJKPunct holds the scan of every character of U+3000–U+303F,
// the ones countFold copies without its default steps and the others,
// between ideographs, ASCII, a tag, marks and the ends of the text, to
// Measure's counts and Apply's fold.
func TestScanCJKPunct(t *testing.T) {
	ix := CompilePhraseIndex(nil, AllFolds)
	var sc Scanner
	var hits PhraseHits
	plain := 0
	for r := rune(0x3000); r <= 0x303F; r++ {
		if plainCJKPunct>>(r&0x3F)&1 != 0 {
			plain++
		}
		p := string(r)
		for _, s := range []string{p, "中" + p + "文", "a" + p + "b", p + p + "\u0301", "#话题" + p + "#", "\u0301" + p, p + "\u302a", "乾" + p + "隆", " " + p + "　x"} {
			checkScanFolds(t, &sc, ix, &hits, s)
		}
	}
	if plainCJKPunct>>(0x3002&0x3F)&1 == 0 || plainCJKPunct&1 != 0 {
		t.Errorf("。 should be plain and the ideographic space not (%d plain)", plain)
	}
}

// TestPlainCJKPunct works plainCJKPunct's bits out from the properties
// that make a character of U+3000–U+303F plain.
func TestPlainCJKPunct(t *testing.T) {
	var want uint64
	tbl := props()
	for r := rune(0x3000); r <= 0x303F; r++ {
		p := propOf(tbl, r)
		if p&(pNFCUnsafe|pStart|pExt) != 0 || isFoldedSpace(r) || dropInSpaceFold(r) || mayStartAny(r) {
			continue
		}
		if f, ok := appendFolded(nil, r); !ok || string(f) != string(r) {
			continue
		}
		want |= 1 << (r & 0x3F)
	}
	if plainCJKPunct != want {
		t.Errorf("plainCJKPunct = %#x, the properties give %#x", plainCJKPunct, want)
	}
}

// TestFoldedSpaceByte holds foldedSpaceByte to isFoldedSpace.
func TestFoldedSpaceByte(t *testing.T) {
	for c := range rune(' ' + 1) {
		if foldedSpaceByte[c] != isFoldedSpace(c) {
			t.Errorf("foldedSpaceByte[%#x] = %v, isFoldedSpace says %v", c, foldedSpaceByte[c], isFoldedSpace(c))
		}
	}
}

// FuzzFoldedSigils: the sigils the counting pass notes as it folds a text
// are those findSigils finds in the folded text, which quickSecond reads
// the folded text's tags and mentions from.
func FuzzFoldedSigils(f *testing.F) {
	for _, s := range []string{"#Gate Alpha 第三届 & ES Launchpool#", "＃话题＃ ＄BTC ＠gate", "a#b$c@d", "﹟tag ＃　x", "#臺灣#", "e\u0301#x@y"} {
		f.Add(s, uint8(ExcludeTags))
	}
	ix := CompilePhraseIndex(passTwoGroups, AllFolds)
	f.Fuzz(func(t *testing.T, s string, ex uint8) {
		var sc Scanner
		var hits PhraseHits
		var w scanBenchWording
		p, _ := sc.Scan(s, AllFolds, Exclude(ex), ix, &hits, &w)
		if !sc.fsigOK {
			return
		}
		if want := findSigils(p.folded, nil); !slices.Equal(sc.fsig, want) {
			t.Fatalf("%q: pass 1 noted sigils at %v of %q, findSigils %v", s, sc.fsig, p.folded, want)
		}
	})
}

// FuzzScanRuns holds the scan, whose runs (asciiRun, cjkRun) take
// ASCII, ideographs and punctuation in loops of their own, to Measure's
// counts and Apply's fold, on any bytes, under any exclusion and any fold
// the fused pass takes.
func FuzzScanRuns(f *testing.F) {
	for _, s := range []string{
		"BTC 池上线后的流动性，最山去。大家怎么看？", "Staked  4854\tES in\n\nLaunchpool", "1\u20e3 中\u0301 ，\ufe0f a\u0301",
		"＃话题＃ ＄BTC ＠gate，「引号」", "ＡＢＣ１２３！（）", "中\xe5\x80文", "乾隆，皇帝。", "see#Tag and https://x.co/A b",
		"中文\r\nABC\r", "　中，　x", "丁丂\xe4\xb7\xbf\xe4\xb8\x80", "x\x00\x7f\x1b中",
	} {
		f.Add(s, uint8(ExcludeTags|ExcludeURLs|ExcludeMentions|ExcludeWhitespace), uint8(15))
	}
	ix := CompilePhraseIndex(passTwoGroups, AllFolds)
	f.Fuzz(func(t *testing.T, s string, ex, bits uint8) {
		e := Exclude(ex) & (ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace | ExcludePunctuation | ExcludeEmoji)
		fold := Fold{Width: true, Case: true, Space: bits&1 != 0, Script: bits&2 != 0}
		var sc Scanner
		var hits PhraseHits
		p, c := sc.Scan(s, fold, e, ix, &hits, discardWording{})
		if want := Measure(s, e, SyntaxAuto); c != want {
			t.Fatalf("%q %+v ex %b: counts %+v, Measure gives %+v", s, fold, e, c, want)
		}
		if want := fold.Apply(s); p.folded != want {
			t.Fatalf("%q %+v: folded %q, Apply gives %q", s, fold, p.folded, want)
		}
	})
}

// TestScanFullWidth holds the scan of every full-width form of ASCII,
// the punctuation cjkRun takes and the others, between ideographs,
// ASCII, a tag, marks and the ends of the text, to Measure's counts and
// Apply's fold.
func TestScanFullWidth(t *testing.T) {
	ix := CompilePhraseIndex(nil, AllFolds)
	var sc Scanner
	var hits PhraseHits
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		p := string(r)
		for _, s := range []string{p, "中" + p + "文", "a" + p + "b", p + p + "\u0301", "#话题" + p + "#", "\u0301" + p, "。" + p + "\u302a", "乾" + p + "隆", " " + p + "　x", "中" + p + "中\ufe0f"} {
			checkScanFolds(t, &sc, ix, &hits, s)
		}
	}
}

// checkScanFolds holds the scan of s, with every fold and with the fused
// width and case fold alone, with no exclusion and with tags, whitespace
// and punctuation left out, to Measure's counts and Apply's fold.
func checkScanFolds(t *testing.T, sc *Scanner, ix *PhraseIndex, hits *PhraseHits, s string) {
	t.Helper()
	for _, f := range []Fold{AllFolds, {Width: true, Case: true}} {
		for _, ex := range []Exclude{0, ExcludeTags | ExcludeWhitespace | ExcludePunctuation} {
			got, c := sc.Scan(s, f, ex, ix, hits, discardWording{})
			if want := Measure(s, ex, SyntaxAuto); c != want {
				t.Errorf("%q %+v ex %v: counts %+v, Measure gives %+v", s, f, ex, c, want)
			}
			if want := f.Apply(s); got.folded != want {
				t.Errorf("%q %+v: folded %q, Apply gives %q", s, f, got.folded, want)
			}
		}
	}
}
