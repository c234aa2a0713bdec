package check_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	ocheck "github.com/promo-cli/promo/pkg/check/internal/oracle/check"
	otext "github.com/promo-cli/promo/pkg/check/internal/oracle/text"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/integrity"
	"github.com/promo-cli/promo/pkg/text"
)

// The differential tests hold the engine to its oracle, a frozen copy of
// the straightforward implementation it replaced (internal/oracle): for
// every post of a generated corpus, under every fold, unit, exclusion and
// tag syntax, the engine must find exactly what the oracle finds. The only
// difference allowed is a named bug fix, asserted here as such:
//
//   - similarity text independent of the tag folds: the oracle made a
//     post's text signature from its text folded as the rule's tags are, so
//     turning match.fold_case off changed which posts were near-duplicates.
//     The engine always signs the text under every fold, so its signature
//     and brief containment equal the oracle's under the default folds.
//   - a NUL byte after a Traditional word: the oracle's dictionary look-up
//     took it as the end of the key and dropped it from the folded text
//     ("乾隆\x00" folded to "乾隆"). Fixed in the oracle's fold too, where
//     it is marked.

// pieces are the building blocks of the generated posts: every tag syntax
// and near miss, every span kind, folds' corner cases, units' corner cases.
var pieces = []string{
	"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#", "＃Gate Alpha 第三屆積分狂歡節 & ES Launchpool＃",
	"#gate alpha 第三届积分狂欢节 & es launchpool#", "#Gate  Alpha\u3000第三届积分狂欢节 &\u00a0ES Launchpool #",
	"#Gate Alpha 第三届积分狂欢节 & ES Launchpool", "Gate Alpha 第三届积分狂欢节 & ES Launchpool#",
	"#Gate Alpha 第三届\n积分狂欢节 & ES Launchpool#", "#Gate Alpha 第三届积分狂欢节&ES Launchpool#",
	"#ES", "#es", "#ＥＳ", "#ESLaunchpool", "#ES_2025", "$ES", "$es", "$ES.X", "$ESLAUNCH", "#话题#", "#話題#",
	"##", "#", "＃", "# #", "#\u200b话题#", "#话题 #", "#️⃣", "👍#ES", "\ufe0f#ES", "a#ES", "1$ES",
	"@alice", "@bob_2", "＠carol", "email@example.com", "@", "@@x",
	"https://example.com/a?b=#c#", "http://x.io/路径", "www.gate.io", "gate.io/alpha", "t.co/AbC123", "https://t.co/xyz.",
	"example.c", "foo.com.", "(https://a.b/c)", "HTTPS://EXAMPLE.COM",
	"这次参加Launchpool质押了一些GT，年化收益比我预期的要高。", "界面也很清楚，新手十分钟就能上手。",
	"我觉得Eclipse把SVM带到以太坊的思路很有意思，代币解锁节奏也比较温和。", "這次參加質押，收益還不錯，區塊鏈的發展讓人興奮。",
	"稳赚不赔", "穩賺不賠", "guaranteed profit", "Guaranteed  Profit", "GUARANTEED\u00a0PROFIT", "guaranteed profits",
	"Eclipse", "eclipse", "ECLIPSE", "Eclipses", "TESLA", "SVM", "ＳＶＭ", "Solana", "以太坊", "Layer 2", "layer  2", "Layer2",
	"代币", "代幣", "总量", "總量", "解锁", "解鎖", "tokenomics", "Tokenomics", "质押", "挖矿", "APR", "apr",
	"奖池总额：1,250 ES", "发帖时带上话题", "附上至少一张参与截图，质押页面或交易页面均可；",
	"正文不少于 60 字，可以介绍项目的亮点与代币机制，也可以聊聊你的挖矿体验、收益对比和对后市的判断。",
	"每位用户仅以其最佳的一篇帖子参与评选；搬运、洗稿或盗用他人截图的内容将被取消资格。",
	"👍", "👍🏽", "👨‍👩‍👧", "❤️", "🇨🇳", "1️⃣", "☺\ufe0e", "e\u0301", "한국어", "\u1100\u1161", "ﬁ", "ß", "Σ", "İ",
	"①", "㍿", "ｶﾀｶﾅ", "ＡＢＣ", "１２３", "。", "！", "，", "…", "——", "“引号”", "「」",
	" ", "  ", "\t", "\n", "\r\n", "\u3000", "\u00a0", "\u200b", "\u200d", "\u2028", "\ufeff",
	"\xff", "\xe4\xb8", "\x00", "\ufffd", "abc", "Hello World", "x", "鏇", "乾隆", "頭髮", "髮", "干", "後來", "著名",
	// Punctuation that a fold changes, inside the phrases, tags and URLs
	// it can join, split or create: the ideographic space (a space once
	// folded), full-width separators of a URL, a full-width ampersand
	// before a sigil, a zero-width space inside a topic.
	"guaranteed\u3000profit", "Layer\u30002", "稳赚\u3000不赔", "\u3000ES\u3000", "#Gate\u3000Alpha 第三届积分狂欢节 & ES Launchpool#",
	"https：／／example．com／a", "www．gate．io", "gate．io／alpha", "＆#ES", "&#ES", "＆＃ES", "＃ES＃", "#话\u200b题#", "Layer\u200b 2",
}

// config is one combination of the rule's text settings.
type config struct {
	fold     text.Fold
	unit     text.Unit
	exclude  []string
	allOf    []string
	anyOf    []string
	min, max int
}

var excludeSets = [][]string{
	nil, {"tags", "urls", "mentions", "whitespace"}, {"tags"}, {"urls"}, {"mentions"}, {"whitespace"},
	{"punctuation"}, {"emoji"}, {"tags", "urls", "mentions", "whitespace", "punctuation", "emoji"},
}

var tagSets = [][2][]string{
	{{"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"}, nil},
	{{"#ES"}, {"$ES", "#话题#"}},
	{nil, {"#ES", "#ESLaunchpool"}},
	{{"$ES", "#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"}, nil},
}

// phraseGroups are phrase lists for the automaton: overlapping phrases,
// phrases inside others, repeats, blanks, glue at either end, CJK.
var phraseGroups = [][]string{
	{"稳赚不赔", "guaranteed profit", "ES", "Layer 2", "profit", "赚"},
	{"Eclipse", "SVM", "Solana", "以太坊", "Layer 2", " ", "", "ES"},
	{"代币", "总量", "代币机制", "币", "解锁", "tokenomics", "代币"},
	{"#ES", "👍", "❤️", "e\u0301", "ß", "ss", "ＥＳ", "区块链", "區塊鏈", "1,250"},
	{},
}

// configs lists every fold combination against every unit, cycling through
// the exclusion and tag sets.
func configs() []config {
	var out []config
	i := 0
	for bits := range 16 {
		f := text.Fold{Width: bits&1 != 0, Case: bits&2 != 0, Space: bits&4 != 0, Script: bits&8 != 0}
		for _, u := range text.Units {
			tags := tagSets[i%len(tagSets)]
			out = append(out, config{fold: f, unit: u, exclude: excludeSets[i%len(excludeSets)],
				allOf: tags[0], anyOf: tags[1], min: 10 + i%50, max: 40 + i%300})
			i++
		}
	}
	return out
}

func (c config) yaml() string {
	quote := func(xs []string) string {
		q := make([]string, len(xs))
		for i, x := range xs {
			q[i] = fmt.Sprintf("%q", x)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return fmt.Sprintf(`name: diff
tags:
  all_of: %s
  any_of: %s
  match: {fold_width: %t, fold_case: %t, fold_space: %t, fold_script: %t}
length: {min: %d, max: %d, unit: %s, exclude: %s}
media: {min_images: 0, verify: false}
authors: {blocklist: [free_es_bot, ＡＬＩＣＥ]}
content: {banned: ["稳赚不赔", "guaranteed profit", "ES", "Layer 2"], brief: testdata/announcement.txt, brief_threshold: 0.3}
scoring:
  topics:
    - {name: a, keywords: [Eclipse, SVM, Solana, 以太坊, Layer 2]}
    - {name: b, keywords: [代币, 总量, 解锁, tokenomics, 代币]}
    - {name: c, keywords: [质押, 挖矿, APR, "#ES", "👍"]}
`, quote(c.allOf), quote(c.anyOf), c.fold.Width, c.fold.Case, c.fold.Space, c.fold.Script,
		c.min, c.max, c.unit, quote(c.exclude))
}

func (c config) oracle(fold text.Fold) ocheck.Config {
	ex, _ := text.ParseExclude(c.exclude)
	return ocheck.Config{
		Fold: otext.Fold(fold), Unit: otext.Unit(c.unit), Exclude: otext.Exclude(ex), Min: c.min, Max: c.max,
		AllOf: c.allOf, AnyOf: c.anyOf, Blocklist: []string{"free_es_bot", "ＡＬＩＣＥ"},
		Banned: []string{"稳赚不赔", "guaranteed profit", "ES", "Layer 2"},
		Topics: [][]string{
			{"Eclipse", "SVM", "Solana", "以太坊", "Layer 2"}, {"代币", "总量", "解锁", "tokenomics", "代币"},
			{"质押", "挖矿", "APR", "#ES", "👍"},
		},
		BriefPath: "testdata/announcement.txt", BriefThreshold: 0.3,
	}
}

// pair is the engine and the oracle built from one config, with the oracle
// under the default folds for the similarity measures (the named fix).
type pair struct {
	engine          *check.Checker
	oracle, allFold *ocheck.Checker
}

func newPairs(t testing.TB) ([]config, []pair) {
	cs := configs()
	ps := make([]pair, len(cs))
	for i, c := range cs {
		ps[i].engine = mustChecker(t, c.yaml())
		var err error
		if ps[i].oracle, err = ocheck.New(c.oracle(c.fold)); err != nil {
			t.Fatal(err)
		}
		if ps[i].allFold, err = ocheck.New(c.oracle(text.AllFolds)); err != nil {
			t.Fatal(err)
		}
	}
	return cs, ps
}

// genPost joins 1–24 pieces, sometimes glued, sometimes spaced.
func genPost(rng *rand.Rand) string {
	var b strings.Builder
	n := 1 + rng.IntN(24)
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
		switch rng.IntN(4) {
		case 0:
			b.WriteByte(' ')
		case 1:
			b.WriteString("，")
		}
	}
	return b.String()
}

// textOnly drops the reasons of checks outside the text engine.
func textOnly(rs []check.Reason) []check.Reason {
	var out []check.Reason
	for _, r := range rs {
		switch r.Code {
		case check.NoImage, check.ImageUnreadable, check.OutsideWindow, check.NoTimestamp:
			continue
		}
		out = append(out, r)
	}
	return out
}

// agree reports how the engine's entry for content differs from the
// oracle's, or "" when it does not.
func agree(p pair, ws *check.Workspace, ows *ocheck.Workspace, author, content string, verbose bool) string {
	post := &export.Post{ID: "p", Author: author, Content: content, File: "f.jsonl", Line: 1}
	e := p.engine.Inspect(post, ws, verbose)
	text, _ := ws.Signatures()
	o := p.oracle.Inspect(post, ows, verbose)
	all := p.allFold.Inspect(post, ows, verbose)
	got := textOnly(e.Reasons)
	var want []check.Reason
	// The brief's check comes last; its containment is the one under
	// every fold (the named fix).
	for _, r := range o.Reasons {
		if r.Code != ocheck.CopiesBrief {
			want = append(want, reason(r))
		}
	}
	for _, r := range all.Reasons {
		if r.Code == ocheck.CopiesBrief {
			want = append(want, reason(r))
		}
	}
	if len(got) != 0 || len(want) != 0 {
		if !reflect.DeepEqual(got, want) {
			return fmt.Sprintf("reasons\n got %+v\nwant %+v", got, want)
		}
	}
	switch m, om := e.Measure, o.Measure; {
	case m.Length != om.Length:
		return fmt.Sprintf("length %d, oracle %d", m.Length, om.Length)
	case m.Topics != om.Topics:
		return fmt.Sprintf("topics %d, oracle %d", m.Topics, om.Topics)
	case m.Brief != all.Measure.Brief:
		return fmt.Sprintf("brief %v, oracle under every fold %v", m.Brief, all.Measure.Brief)
	case text.Exact != all.Measure.Text.Exact || text.OK != all.Measure.Text.OK || [integrity.NumHashes]uint16(text.Sig) != [integrity.NumHashes]uint16(all.Measure.Text.Sig):
		return "text signature differs from the oracle's under every fold"
	}
	return ""
}

func reason(r ocheck.Reason) check.Reason {
	return check.Reason{Code: check.Code(r.Code), Message: r.Message, Measured: r.Measured, Limit: r.Limit, Other: r.Other, Pass: r.Pass}
}

// TestEngineAgreesWithOracle runs a generated corpus of oraclePosts posts, each
// under one of the 112 fold × unit configurations (cycling through the
// exclusions and tag sets), verbose and not.
func TestEngineAgreesWithOracle(t *testing.T) {
	cs, ps := newPairs(t)
	rng := rand.New(rand.NewPCG(9, 1))
	var ws check.Workspace
	var ows ocheck.Workspace
	authors := []string{"alice", "ａｌｉｃｅ", "free_es_bot", "FREE_ES_BOT", "bob"}
	fails := 0
	for i := range oraclePosts {
		content := genPost(rng)
		k := i % len(cs)
		author := authors[i%len(authors)]
		if d := agree(ps[k], &ws, &ows, author, content, i%3 == 0); d != "" {
			t.Errorf("post %d under %+v %s: %q\n%s", i, cs[k].fold, cs[k].unit, content, d)
			if fails++; fails > 10 {
				t.Fatal("too many differences")
			}
		}
	}
}

// TestTextAgreesWithOracle compares the text package's own results with
// the oracle's: every unit under every exclusion and syntax, tags in every
// syntax, folds, near misses.
func TestTextAgreesWithOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 2))
	var m text.Measurer
	var om otext.Measurer
	rules := []string{"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#", "#ES", "$ES", "#话题#"}
	var indexes [16]*text.PhraseIndex
	for bits := range indexes {
		f := text.Fold{Width: bits&1 != 0, Case: bits&2 != 0, Space: bits&4 != 0, Script: bits&8 != 0}
		indexes[bits] = text.CompilePhraseIndex(phraseGroups, f)
	}
	for i := range oraclePosts {
		s := genPost(rng)
		for syn := range text.Syntax(3) {
			ex := text.Exclude(rng.IntN(64))
			got, want := m.Measure(s, ex, syn), om.Measure(s, otext.Exclude(ex), otext.Syntax(syn))
			for _, u := range text.Units {
				if got.Of(u) != want.Of(otext.Unit(u)) {
					t.Fatalf("%q %s exclude %b syntax %d: %d, oracle %d", s, u, ex, syn, got.Of(u), want.Of(otext.Unit(u)))
				}
			}
			if g, w := fmt.Sprint(text.FindTags(s, syn)), fmt.Sprint(otext.FindTags(s, otext.Syntax(syn))); g != w {
				t.Fatalf("%q syntax %d: tags %s, oracle %s", s, syn, g, w)
			}
		}
		bits := rng.IntN(16)
		f := text.Fold{Width: bits&1 != 0, Case: bits&2 != 0, Space: bits&4 != 0, Script: bits&8 != 0}
		if g, w := f.Apply(s), otext.Fold(f).Apply(s); g != w {
			t.Fatalf("%q fold %+v: %q, oracle %q", s, f, g, w)
		}
		var hits text.PhraseHits
		index := indexes[bits]
		index.Scan(text.Prepare(s, f), &hits)
		op := otext.Prepare(s, otext.Fold(f))
		for g, group := range phraseGroups {
			want := otext.CompilePhrases(group, otext.Fold(f)).Find(op)
			if got := index.Found(&hits, g); !reflect.DeepEqual(got, want) || index.Any(&hits, g) != (len(want) > 0) {
				t.Fatalf("%q fold %+v group %d: phrases %q, oracle %q", s, f, g, got, want)
			}
		}
		r, err := text.CompileTag(rules[i%len(rules)], f)
		if err != nil {
			t.Fatal(err)
		}
		or, err := otext.CompileTag(rules[i%len(rules)], otext.Fold(f))
		if err != nil {
			t.Fatal(err)
		}
		if g, w := r.Match(text.Prepare(s, f)), or.Match(op); g != w {
			t.Fatalf("%q rule %s fold %+v: match %t, oracle %t", s, r.Text(), f, g, w)
		}
	}
}

// FuzzEngineOracle: for any post, the engine agrees with the oracle under
// a fold and unit the input picks.
func FuzzEngineOracle(f *testing.F) {
	rng := rand.New(rand.NewPCG(9, 3))
	for i := range 20 {
		f.Add(genPost(rng), uint8(i))
	}
	cs, ps := newPairs(f)
	f.Fuzz(func(t *testing.T, content string, k uint8) {
		var ws check.Workspace
		var ows ocheck.Workspace
		i := int(k) % len(cs)
		if d := agree(ps[i], &ws, &ows, "alice", content, k%2 == 0); d != "" {
			t.Fatalf("under %+v %s: %q\n%s", cs[i].fold, cs[i].unit, content, d)
		}
	})
}
