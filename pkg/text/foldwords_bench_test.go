package text

import "testing"

// BenchmarkFoldWordsRead is the quick second pass's reading of the
// wording and stepping of the phrase automaton over the export-like
// posts' folded text, read as quickSecond reads it: once, whole, leaving
// out the wording of its tags, URLs and mentions.
func BenchmarkFoldWordsRead(b *testing.B) {
	ix := CompilePhraseIndex([][]string{
		{"稳赚不赔", "guaranteed profit"},
		{"Eclipse", "SVM", "Solana", "以太坊", "Layer 2"},
		{"代币", "总量", "解锁", "tokenomics"},
		{"质押", "挖矿", "APR"},
	}, AllFolds)
	type post struct {
		folded []byte
		spans  []Span
	}
	var posts []post
	n := 0
	for _, s := range exportPosts {
		var sc Scanner
		var hits PhraseHits
		var w scanBenchWording
		p, _ := sc.Scan(s, AllFolds, 0, ix, &hits, &w)
		posts = append(posts, post{[]byte(p.folded), append([]Span(nil), sc.spans...)})
		n += len(p.folded)
	}
	tbl := props()
	var w foldWords
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range posts {
			w.reset(ix)
			w.readAll(p.folded, p.spans, tbl)
		}
	}
}
