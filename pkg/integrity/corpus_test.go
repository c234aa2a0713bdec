package integrity

import (
	"math/rand/v2"
	"strings"
	"sync"
)

// phrasePool gives generated posts a shared vocabulary, so unrelated posts
// overlap the way posts on one campaign topic do.
var phrasePool = sync.OnceValue(func() []string {
	rng := rand.New(rand.NewPCG(100, 200))
	pool := make([]string, 3000)
	for i := range pool {
		var b strings.Builder
		for range 2 + rng.IntN(4) {
			b.WriteRune(0x4e00 + rune(rng.IntN(2500)))
		}
		pool[i] = b.String()
	}
	return pool
})

func phrasePost(rng *rand.Rand, runes int) string {
	pool := phrasePool()
	var b strings.Builder
	for n := 0; n < runes; {
		p := pool[rng.IntN(len(pool))]
		b.WriteString(p)
		n += len([]rune(p))
	}
	return b.String()
}

// plantedDocs returns n signed docs; the last share of them are copies of
// random earlier posts with one rune in a hundred changed. Order i+1 is
// doc i, so every Order above from is a copy.
func plantedDocs(n int, share float64, seed uint64) (docs []TextDoc, from int) {
	rng := rand.New(rand.NewPCG(seed, seed))
	copies := int(float64(n) * share)
	texts := make([]string, 0, n)
	for range n - copies {
		texts = append(texts, phrasePost(rng, 60+rng.IntN(240)))
	}
	for range copies {
		texts = append(texts, edit(rng, texts[rng.IntN(n-copies)], 100))
	}
	docs = make([]TextDoc, n)
	var wg sync.WaitGroup
	const workers = 4
	for w := range workers {
		wg.Go(func() {
			var s Signer
			for i := w; i < n; i += workers {
				sig, exact, ok := s.Sign(texts[i])
				docs[i] = TextDoc{Order: int32(i + 1), Sig: sig, Exact: exact, OK: ok}
			}
		})
	}
	wg.Wait()
	return docs, n - copies
}

// score counts a flag as right when it lands on a planted copy: the
// generator plants nothing else above the threshold.
func score(res NearResult, n, from int) (recall, precision float64) {
	right := 0
	for order := range res.Original {
		if order > from {
			right++
		}
	}
	if len(res.Original) == 0 {
		return 0, 0
	}
	return float64(right) / float64(n-from), float64(right) / float64(len(res.Original))
}
