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

// TestFinishBins holds finishBins8 to emptyBins: the same values and the
// same empty bins, for bins from all empty to all filled.
func TestFinishBins(t *testing.T) {
	if !vectorShingles {
		t.Skip("no AVX-512")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, share := range []int{0, 1, 8, 50, 90, 100} {
		for range 20 {
			var mins [NumHashes]uint32
			for i := range mins {
				mins[i] = rng.Uint32()
				if rng.IntN(100) < share {
					mins[i] = 1<<32 - 1
				}
			}
			var sig1, sig2 Signature
			var e1, e2 [(NumHashes + 63) / 64]uint64
			emptyBins(&sig1, &mins, &e1)
			finishBins8(&sig2[0], &mins[0], &e2[0])
			if sig1 != sig2 || e1 != e2 {
				t.Fatalf("%d %% empty: finishBins8 differs from emptyBins: %x, want %x", share, e2, e1)
			}
		}
	}
}
