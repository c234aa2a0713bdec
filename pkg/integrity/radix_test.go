package integrity

import (
	"math/bits"
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

// FuzzSortKeys holds sortKeys to slices.Sort for band-like keys (a hash
// above an ascending index) whose top bytes take few or many values, so
// that runs sharing them are short, long or absent.
func FuzzSortKeys(f *testing.F) {
	f.Add(uint64(1), uint16(300), uint8(3), uint8(17))
	f.Add(uint64(2), uint16(5000), uint8(0), uint8(0))
	f.Add(uint64(3), uint16(2000), uint8(255), uint8(16))
	f.Fuzz(func(t *testing.T, seed uint64, n uint16, tops, low uint8) {
		low %= 40 // the hash keeps bits above the top bytes
		rng := rand.New(rand.NewPCG(seed, 1))
		keys := make([]uint64, int(n)%20_000)
		for i := range keys {
			top := uint64(rng.IntN(int(tops)+1)) << 40
			k := (top | rng.Uint64()>>24) >> low << low
			keys[i] = k | uint64(i)&(1<<low-1)
		}
		if low > 0 && len(keys) > 1<<low {
			keys = keys[:1<<low] // the index fits in the low bits
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		sortKeys(keys, make([]uint64, len(keys)), uint(low))
		if !slices.Equal(keys, want) {
			t.Fatalf("%d keys: not sorted as slices.Sort sorts them", len(keys))
		}
	})
}

// TestSharedSetKeepsEveryBucket: the keys sharedSet keeps are a
// subsequence of the keys that holds every key whose hash (above the low
// bits) another key has too, so a search over them finds every bucket.
func TestSharedSetKeepsEveryBucket(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	cases := map[string]struct {
		n, hashes int // keys, and distinct hashes they are drawn from (0: all distinct)
		low       uint
	}{
		"none":           {0, 0, 1},
		"one":            {1, 1, 1},
		"two alike":      {2, 1, 1},
		"two apart":      {2, 0, 1},
		"few shared":     {10_000, 0, 14},
		"many shared":    {10_000, 3_000, 14},
		"all one bucket": {5_000, 1, 13},
		"million-like":   {200_000, 150_000, 18},
	}
	for name, c := range cases {
		keys := make([]uint64, c.n)
		for i := range keys {
			h := rng.Uint64()
			if c.hashes > 0 {
				h = uint64(rng.IntN(c.hashes)+1) * 0x9e3779b97f4a7c15
			}
			keys[i] = h>>c.low<<c.low | uint64(i)
		}
		count := map[uint64]int{}
		for _, k := range keys {
			count[k>>c.low]++
		}
		var s sharedSet
		kept := s.keep(slices.Clone(keys), c.low)
		at := 0
		for _, k := range keys {
			if at < len(kept) && kept[at] == k {
				at++
			} else if count[k>>c.low] > 1 {
				t.Fatalf("%s: key %#x shares its hash but was not kept", name, k)
			}
		}
		if at != len(kept) {
			t.Fatalf("%s: the kept keys are not in the keys' order", name)
		}
	}
}

// BenchmarkSharedSet picks the keys of a band of a million docs whose
// hash may be shared, 3 % of them in buckets of two or more.
func BenchmarkSharedSet(b *testing.B) {
	const n = 1_000_000
	low := uint(bits.Len(uint(n)))
	rng := rand.New(rand.NewPCG(7, 8))
	keys := make([]uint64, n)
	for i := range keys {
		h := rng.Uint64()
		if rng.IntN(100) < 3 {
			h = uint64(rng.IntN(10_000)+1) * 0x9e3779b97f4a7c15
		}
		keys[i] = h>>low<<low | uint64(i)
	}
	work := make([]uint64, n)
	var s sharedSet
	for b.Loop() {
		copy(work, keys)
		s.keep(work, low)
	}
}
