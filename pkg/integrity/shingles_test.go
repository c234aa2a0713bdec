package integrity

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestShingleHashes holds shingleHashes, with and without the vector
// instructions, to shinglesK's hash of each window afresh, for texts of
// every length around the vector blocks' eight and runes of every size,
// negative ones too (a rune slice may hold any int32).
func TestShingleHashes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	defer func(v bool) { vectorShingles = v }(vectorShingles)
	for n := K; n < 80; n++ {
		rs := make([]rune, n)
		for i := range rs {
			switch i % 4 {
			case 0:
				rs[i] = rune(rng.Int32()) - 1<<30
			case 1:
				rs[i] = 0x4E00 + rune(rng.IntN(0x5000))
			default:
				rs[i] = rune(rng.IntN(0x11000))
			}
		}
		want := make([]uint64, n-K+1)
		for j := range want {
			h := uint64(K)
			for _, r := range rs[j : j+K] {
				h = h*fnvPrime + uint64(r)
			}
			want[j] = mix64(h)
		}
		for _, vector := range []bool{false, true} {
			if vector && !vectorShingles {
				continue
			}
			vectorShingles = vector
			got := make([]uint64, len(want))
			shingleHashes(got, rs)
			if !slices.Equal(got, want) {
				t.Errorf("%d runes, vector %v: hashes differ from each window's", n, vector)
			}
		}
	}
}

// TestAddRunesScalar runs TestAddRunesAgreesWithAdd's check on the path
// of CPUs without the vector instructions, where this one has them.
func TestAddRunesScalar(t *testing.T) {
	defer func(v bool) { vectorShingles = v }(vectorShingles)
	vectorShingles = false
	TestAddRunesAgreesWithAdd(t)
}
