package integrity

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortKeysAgreesWithSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cases := map[string]func(i int) uint64{
		"random":     func(int) uint64 { return rng.Uint64() },
		"bandKeys":   func(i int) uint64 { return rng.Uint64()>>17<<17 | uint64(i) },
		"fewBuckets": func(i int) uint64 { return uint64(rng.IntN(3))<<60 | uint64(i) },
		"allEqual":   func(int) uint64 { return 42 },
		"descending": func(i int) uint64 { return uint64(1_000_000 - i) },
	}
	for name, gen := range cases {
		for _, n := range []int{0, 1, 2, 255, 256, 257, 10_000} {
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = gen(i)
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			sortKeys(keys, make([]uint64, n))
			if !slices.Equal(keys, want) {
				t.Fatalf("%s, %d keys: not sorted as slices.Sort sorts them", name, n)
			}
		}
	}
}
