package integrity

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortKeysAgreesWithSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cases := map[string]struct {
		gen func(i int) uint64
		low uint // the low bits that ascend already, as sortKeys is told
	}{
		"random":         {func(int) uint64 { return rng.Uint64() }, 0},
		"bandKeys":       {func(i int) uint64 { return rng.Uint64()>>17<<17 | uint64(i) }, 17},
		"bandKeysByByte": {func(i int) uint64 { return rng.Uint64()>>16<<16 | uint64(i) }, 16},
		"fewBuckets":     {func(i int) uint64 { return uint64(rng.IntN(3))<<60 | uint64(i) }, 60},
		"allEqual":       {func(int) uint64 { return 42 }, 0},
		"sharedTop":      {func(int) uint64 { return uint64(rng.IntN(4))<<60 | rng.Uint64()>>24 }, 0},
		"sharedTopBands": {func(i int) uint64 { return uint64(rng.IntN(4))<<60 | rng.Uint64()>>24>>17<<17 | uint64(i) }, 17},
		"fewTops":        {func(i int) uint64 { return uint64(rng.IntN(300))<<40 | rng.Uint64()>>40>>17<<17 | uint64(i) }, 17},
		"descending":     {func(i int) uint64 { return uint64(1_000_000 - i) }, 0},
	}
	for name, c := range cases {
		for _, n := range []int{0, 1, 2, 255, 256, 257, 10_000} {
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = c.gen(i)
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			sortKeys(keys, make([]uint64, n), c.low)
			if !slices.Equal(keys, want) {
				t.Fatalf("%s, %d keys: not sorted as slices.Sort sorts them", name, n)
			}
		}
	}
}

// BenchmarkSortKeys sorts one band's keys of a near-duplicate search of
// 100,000 docs: a hash above the doc index.
func BenchmarkSortKeys(b *testing.B) {
	const n = 100_000
	rng := rand.New(rand.NewPCG(3, 4))
	keys := make([]uint64, n)
	for i := range keys {
		keys[i] = rng.Uint64()>>17<<17 | uint64(i)
	}
	work, scratch := make([]uint64, n), make([]uint64, n)
	for b.Loop() {
		copy(work, keys)
		sortKeys(work, scratch, 17)
	}
}
