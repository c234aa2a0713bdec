package text

import "testing"

// BenchmarkFoldWordsRead is pass 1's reading of the wording and stepping
// of the phrase automaton over the export-like posts' folded text, read
// as countFold reads it: after each run of ideographs, then to the end.
func BenchmarkFoldWordsRead(b *testing.B) {
	ix := CompilePhraseIndex([][]string{
		{"稳赚不赔", "guaranteed profit"},
		{"Eclipse", "SVM", "Solana", "以太坊", "Layer 2"},
		{"代币", "总量", "解锁", "tokenomics"},
		{"质押", "挖矿", "APR"},
	}, AllFolds)
	type post struct {
		folded []byte
		stops  []int // where each run of ideographs ends
	}
	var posts []post
	n := 0
	for _, s := range exportPosts {
		var sc Scanner
		var hits PhraseHits
		var w scanBenchWording
		p, _ := sc.Scan(s, AllFolds, 0, ix, &hits, &w)
		u := []byte(p.folded)
		var stops []int
		for i := 0; i < len(u); {
			if !unifiedAt(p.folded, i) {
				i++
				continue
			}
			for i < len(u) && unifiedAt(p.folded, i) {
				i += 3
			}
			stops = append(stops, i)
		}
		posts = append(posts, post{u, stops})
		n += len(u)
	}
	tbl := props()
	var w foldWords
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range posts {
			w.reset(ix)
			for _, at := range p.stops {
				w.read(p.folded[:at], tbl)
			}
			w.read(p.folded, tbl)
		}
	}
}
