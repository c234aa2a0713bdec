package integrity

import (
	"math"
	"sync"
)

const (
	// K is the shingle length in runes. See the package doc for the
	// measurements behind the choice.
	K = 4
	// Bands and Rows split a signature for LSH banding: two texts become
	// candidates when all Rows values of at least one band agree.
	Bands = 18
	Rows  = 8
	// NumHashes is the number of MinHash values in a Signature.
	NumHashes = Bands * Rows
)

// minhash works four hash functions at a time.
var _ [1 - NumHashes%4]struct{}

// Signature is a MinHash sketch of a text's K-rune shingles: the share of
// equal positions between two signatures estimates their Jaccard similarity.
//
// Each value keeps the top 16 bits of its minimum (b-bit MinHash): two
// different minimums then agree by chance once in 65,536 times, which
// moves an estimate by less than 0.0001, and a signature takes 288 bytes
// instead of 576 — most of what a million entries hold in memory.
type Signature [NumHashes]uint16

// Similarity estimates the Jaccard similarity of the texts behind a and b.
func (a *Signature) Similarity(b *Signature) float64 {
	return float64(a.agree(b)) / NumHashes
}

func (a *Signature) agree(b *Signature) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

// hashA and hashB are the multiply-shift hash family, fixed so signatures
// from different runs and machines compare.
var hashA, hashB = family()

func family() (a, b [NumHashes]uint64) {
	state := uint64(0x70726f6d6f)
	for i := range a {
		a[i] = splitmix(&state) | 1
		b[i] = splitmix(&state)
	}
	return a, b
}

func splitmix(state *uint64) uint64 {
	*state += 0x9e3779b97f4a7c15
	return mix64(*state)
}

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Signer computes signatures, reusing its buffers between calls. A Signer
// is not safe for concurrent use; give each worker its own.
type Signer struct {
	runes []rune
	xs    []uint64
}

// Sign returns the MinHash signature of cleaned text, a 64-bit hash of the
// whole text for the exact-copy fast path, and ok=false when the text is
// shorter than K runes and so has no shingle.
func (s *Signer) Sign(cleaned string) (sig Signature, exact uint64, ok bool) {
	exact = exactHash(cleaned)
	s.xs = shingles(s.xs[:0], &s.runes, cleaned)
	if len(s.xs) == 0 {
		return sig, exact, false
	}
	minhash(&sig, s.xs)
	return sig, exact, true
}

var signers = sync.Pool{New: func() any { return new(Signer) }}

// Sign is Signer.Sign with a pooled Signer, safe for concurrent use.
func Sign(cleaned string) (sig Signature, exact uint64, ok bool) {
	s := signers.Get().(*Signer)
	defer signers.Put(s)
	return s.Sign(cleaned)
}

// minhash keeps, for each hash function, the smallest value over all
// shingles. Four functions share each pass over the shingles, with the
// running minimums in registers: the multiplies then overlap.
func minhash(sig *Signature, xs []uint64) {
	for i := 0; i < NumHashes; i += 4 {
		a0, a1, a2, a3 := hashA[i], hashA[i+1], hashA[i+2], hashA[i+3]
		b0, b1, b2, b3 := hashB[i], hashB[i+1], hashB[i+2], hashB[i+3]
		m0, m1, m2, m3 := uint32(math.MaxUint32), uint32(math.MaxUint32), uint32(math.MaxUint32), uint32(math.MaxUint32)
		for _, x := range xs {
			m0 = min(m0, uint32((a0*x+b0)>>32))
			m1 = min(m1, uint32((a1*x+b1)>>32))
			m2 = min(m2, uint32((a2*x+b2)>>32))
			m3 = min(m3, uint32((a3*x+b3)>>32))
		}
		sig[i], sig[i+1], sig[i+2], sig[i+3] = uint16(m0>>16), uint16(m1>>16), uint16(m2>>16), uint16(m3>>16)
	}
}

// shingles appends the hash of every K-rune window of text to xs, using
// *runes as scratch space.
func shingles(xs []uint64, runes *[]rune, text string) []uint64 {
	return shinglesK(xs, runes, text, K)
}

func shinglesK(xs []uint64, runes *[]rune, text string, k int) []uint64 {
	rs := (*runes)[:0]
	for _, r := range text {
		rs = append(rs, r)
	}
	*runes = rs
	for i := 0; i+k <= len(rs); i++ {
		h := uint64(k)
		for _, r := range rs[i : i+k] {
			h = h*0x100000001b3 + uint64(r)
		}
		xs = append(xs, mix64(h))
	}
	return xs
}

// exactHash is 64-bit FNV-1a of the text's bytes.
func exactHash(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 0x100000001b3
	}
	return h
}
