package text

import "testing"

// BenchmarkScan reads the 1 KB mixed post as the checker does, under
// every fold with the rule file's default exclusions and no phrases.
func BenchmarkScan(b *testing.B) {
	small, _ := benchPosts(b)
	ix := CompilePhraseIndex(nil, AllFolds)
	ex := ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace
	var sc Scanner
	var hits PhraseHits
	var w scanBenchWording
	sc.Scan(small, AllFolds, ex, ix, &hits, &w) // grow the buffers, build the tables
	b.SetBytes(int64(len(small)))
	b.ReportAllocs()
	for b.Loop() {
		sc.Scan(small, AllFolds, ex, ix, &hits, &w)
	}
}

// scanBenchWording counts the wording it is handed.
type scanBenchWording struct{ n int }

func (w *scanBenchWording) AddRunes(rs []rune) { w.n += len(rs) }
