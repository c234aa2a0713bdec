package text

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// keepWording keeps the wording handed to it.
type keepWording struct{ rs []rune }

func (w *keepWording) AddRunes(rs []rune) { w.rs = append(w.rs, rs...) }

// refWording is the wording of s read the long way: s normalized and
// folded under every fold, tokenized, its URLs, tags and mentions left
// out, and of the rest the characters that carry wording.
func refWording(s string) []rune {
	u := AllFolds.Apply(Normalize(s))
	var tk Tokenizer
	var rs []rune
	for _, sp := range tk.Tokenize(u, SyntaxAuto, nil) {
		if sp.End > len(u) || sp.Kind == SpanURL || sp.Kind == SpanTag || sp.Kind == SpanMention {
			continue
		}
		for _, r := range u[sp.Start:sp.End] {
			if r != utf8.RuneError && propOf(props(), r)&pWord != 0 {
				rs = append(rs, r)
			}
		}
	}
	return rs
}

// allFoldSets are the sixteen combinations of the folds.
var allFoldSets = func() (fs []Fold) {
	for b := range 16 {
		fs = append(fs, Fold{Width: b&1 != 0, Case: b&2 != 0, Space: b&4 != 0, Script: b&8 != 0})
	}
	return fs
}()

// scanExclusions are the kinds a rule may leave out of its lengths.
const scanExclusions = ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace | ExcludePunctuation | ExcludeEmoji

// checkScanAll holds every output of Scan on s under f and ex to the
// straightforward path: the Prepared to Prepare, the counts to Measure,
// the phrase hits to ix.Scan of Prepare's result, the wording to
// refWording. The phrases are matched once on an index under every fold
// (the quick second pass when f is AllFolds) and once on one under f.
func checkScanAll(t *testing.T, sc *Scanner, s string, f Fold, ex Exclude, ixs []*PhraseIndex) {
	t.Helper()
	wantP := Prepare(s, f)
	wantC := Measure(s, ex, SyntaxAuto)
	wantW := refWording(s)
	for _, ix := range ixs {
		var hits, wantH PhraseHits
		var w keepWording
		p, c := sc.Scan(s, f, ex, ix, &hits, &w)
		if p.fold != wantP.fold || p.text != wantP.text || p.folded != wantP.folded {
			t.Fatalf("%q %+v: text %q folded %q, Prepare gives %q %q", s, f, p.text, p.folded, wantP.text, wantP.folded)
		}
		if !slices.Equal(p.tags, wantP.tags) {
			t.Fatalf("%q %+v: tags %+v, Prepare gives %+v", s, f, p.tags, wantP.tags)
		}
		if c != wantC {
			t.Fatalf("%q %+v ex %b: counts %+v, Measure gives %+v", s, f, ex, c, wantC)
		}
		ix.Scan(wantP, &wantH)
		if !slices.Equal(hits.found, wantH.found) {
			t.Fatalf("%q %+v ix %+v: hits %v, ix.Scan finds %v", s, f, ix.fold, hits.found, wantH.found)
		}
		if !slices.Equal(w.rs, wantW) {
			t.Fatalf("%q %+v ex %b ix %+v: wording %q, the long way %q", s, f, ex, ix.fold, string(w.rs), string(wantW))
		}
	}
}

// scanAllSeeds cover what the fast paths treat apart: full-width forms,
// the ideographic space, CJK punctuation next to tags, topics in
// full-width sigils, mentions, cashtags, URLs with IDN hosts, ideographs
// with variation selectors and marks, emoji sequences, Hangul, a text
// cut in the middle of a character and invalid UTF-8.
var scanAllSeeds = []string{
	"ＡＢＣ　１２３！＃標籤 ＡＰＲ１２％",
	"今天参加活动　　很开心\u3000#新年快乐#，好",
	"「#话题#」、《#书名》。#tag，@gate_zh：$BTC！",
	"＃话题＃ ＃話題　空格＃ ＄ＢＴＣ ＠ｇａｔｅ ﹟tag﹟ ﹩ES ﹫me",
	"see https://例子.中国/路径?q=代币 and http://xn--fsqu00a.xn--fiqs8s/a，https：／／x.com／a 好",
	"@who: $eth $ES币 #Gate Alpha 第三届 & ES Launchpool# 稳赚不赔",
	"中\ufe0f 葛\U000E0100 中\u0301文 e\u0301 \u302a。 1\u20e3",
	"👨‍👩‍👧‍👦 🇨🇳 👍🏽 ❤️ #🎉 中👩‍💻文",
	"한국어 텍스트 #한글 \u1100\u1161\u11a8 @사람",
	"乾隆年間 著作 臺灣 質押代幣，解鎖時間表 頭髮",
	"Layer  2\tlayer 2x ES 池 Eclipse SVM guaranteed profit 2024年 APR 10% 0xAbC9 _z",
	"中文\r\nABC\r #x\r\n",
	"今天\xe4\xb8",
	"ＡＢ\xef\xbc",
	"a\xffb #t\xe4ag @\x80x 今\xe4\x41\x41天",
	"\uf900\ufb01 \u2126 \u212b #\uf900",
}

// TestScanAll holds every output of Scan to the straightforward path
// on the seeds, under every combination of folds and of exclusions.
func TestScanAll(t *testing.T) {
	var sc Scanner
	for _, s := range scanAllSeeds {
		ixs := scanAllIndexes()
		for _, f := range allFoldSets {
			for _, ex := range []Exclude{0, ExcludeTags | ExcludeMentions, ExcludeURLs | ExcludeWhitespace, ExcludePunctuation | ExcludeEmoji, scanExclusions} {
				checkScanAll(t, &sc, s, f, ex, []*PhraseIndex{ixs[AllFolds], ixs[f]})
			}
		}
	}
}

// scanAllIndexes compiles passTwoGroups under every fold.
func scanAllIndexes() map[Fold]*PhraseIndex {
	m := make(map[Fold]*PhraseIndex)
	for _, f := range allFoldSets {
		m[f] = CompilePhraseIndex(passTwoGroups, f)
	}
	return m
}

// FuzzScanAll is TestScanAll on any bytes, fold and exclusions; one
// Scanner reads post after post, as the checker's do.
func FuzzScanAll(f *testing.F) {
	for i, s := range scanAllSeeds {
		f.Add(s, uint8(i), uint8(i))
	}
	ixs := scanAllIndexes()
	var sc Scanner
	f.Fuzz(func(t *testing.T, s string, ex, bits uint8) {
		fold := allFoldSets[bits&15]
		e := Exclude(ex) & scanExclusions
		checkScanAll(t, &sc, s, fold, e, []*PhraseIndex{ixs[AllFolds], ixs[fold]})
	})
}
