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

// Signature is a MinHash sketch of a text's K-rune shingles, made by
// one-permutation hashing (see minhash): the share of equal positions
// between two signatures estimates their Jaccard similarity.
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

// mix64 is splitmix64's finalizer: a fixed bijection that spreads bits,
// so signatures from different runs and machines compare.
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

// minhash fills sig by one-permutation hashing with optimal densification
// (Li, Owen and Zhang 2012; Shrivastava 2017): each shingle's hash is
// computed once, its high half picks one of the NumHashes bins and its low
// half competes for that bin's minimum; a bin no shingle fell into copies
// the value of a bin chosen by a fixed probe sequence, the same for every
// text, so two texts still agree in a bin with probability equal to their
// Jaccard similarity. It does one hash per shingle where classic MinHash
// did NumHashes, which was a quarter of the time spent judging a post.
func minhash(sig *Signature, xs []uint64) {
	var mins [NumHashes]uint32
	for i := range mins {
		mins[i] = math.MaxUint32
	}
	for _, x := range xs {
		bin := (x >> 32) * NumHashes >> 32
		mins[bin] = min(mins[bin], uint32(x))
	}
	for i := range mins {
		sig[i] = uint16(densify(&mins, i) >> 16)
	}
}

// densify returns bin i's minimum, or for an empty bin the minimum of the
// first non-empty bin its probe sequence reaches. The caller has at least
// one non-empty bin; after many probes a plain scan guarantees the end.
func densify(mins *[NumHashes]uint32, i int) uint32 {
	v := mins[i]
	for probe := uint64(1); v == math.MaxUint32 && probe <= 4*NumHashes; probe++ {
		v = mins[mix64(uint64(i)<<32|probe)>>32*NumHashes>>32]
	}
	for j := i; v == math.MaxUint32; j = (j + 1) % NumHashes {
		v = mins[j]
	}
	return v
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

// exactHash is 64-bit FNV-1a of the text's code points (bytes that are not
// valid UTF-8 count as U+FFFD).
func exactHash(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for _, r := range s {
		h ^= uint64(r)
		h *= 0x100000001b3
	}
	return h
}
