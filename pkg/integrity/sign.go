package integrity

import (
	"math"
	"math/bits"
	"slices"
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
	return sim(a.agree(b))
}

// sim is the similarity of two signatures that agree in agree values; the
// near-duplicate search, which counts agreements itself, calls it too.
func sim(agree int) float64 {
	return float64(agree) / NumHashes
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
//
// Besides Sign, it takes a text one rune at a time (Start, Add, Finish), so
// that a post's wording is hashed while it is read, without building the
// cleaned text as a string: each rune completes one shingle, whose hash
// goes straight into its MinHash bin.
type Signer struct {
	xs []uint64

	// The text being added: its last K runes, how many runes so far, the
	// polynomial hash of the last K runes (as shinglesK computes it), the
	// exact hash of its runes, the bins' minimums.
	ring  [K]rune
	n     int
	roll  uint64
	exact uint64
	mins  [NumHashes]uint32

	seen set // the distinct shingles of the text, for Containment

	// The brief of the last Containment call (watched), the one watched
	// at Start (from), and the text's shingles that from's filter lets
	// through (the first len(passed) of them, npassed counting on),
	// noted as each shingle is binned: see Containment.
	watched, from *Brief
	passed        [8]uint64
	npassed       int
}

// Sign returns the MinHash signature of cleaned text, a 64-bit hash of the
// whole text for the exact-copy fast path, and ok=false when the text is
// shorter than K runes and so has no shingle. Both are of the text's runes:
// bytes that are not valid UTF-8 count as U+FFFD, as in the shingles.
func (s *Signer) Sign(cleaned string) (sig Signature, exact uint64, ok bool) {
	s.Start()
	for _, r := range cleaned {
		s.Add(r)
	}
	return s.Finish()
}

// Start begins a text for Add.
func (s *Signer) Start() {
	s.xs = s.xs[:0]
	s.n = 0
	s.roll = 0
	s.ring = [K]rune{} // the rolling hash takes out the oldest rune, 0 at first
	s.exact = fnvOffset
	s.mins = emptyMins
	s.from, s.npassed = s.watched, 0
}

// emptyMins is the bins before any shingle: copied in 8 ns, where a loop
// setting them one by one took 55 ns, a twentieth of a post's signature.
var emptyMins = func() (m [NumHashes]uint32) {
	for i := range m {
		m[i] = math.MaxUint32
	}
	return m
}()

// Add appends one rune of cleaned text: what Sign would see of the text
// holding every rune added since Start.
//
// The signature is made by one-permutation hashing with optimal
// densification (Li, Owen and Zhang 2012; Shrivastava 2017): each
// shingle's hash is computed once, its high half picks one of the
// NumHashes bins and its low half competes for that bin's minimum; at
// Finish, a bin no shingle fell into copies the value of a bin chosen by a
// fixed probe sequence, the same for every text, so two texts still agree
// in a bin with probability equal to their Jaccard similarity. It does one
// hash per shingle where classic MinHash did NumHashes.
func (s *Signer) Add(r rune) {
	s.exact = exactStep(s.exact, r)
	// The ring holds the last K runes, oldest first at n%K. The shingle's
	// hash K·P⁴ + r₀·P³ + r₁·P² + r₂·P + r₃ (mod 2⁶⁴) rolls: take the
	// oldest rune's term out, shift, add the new rune.
	old := s.ring[s.n%K]
	s.ring[s.n%K] = r
	s.n++
	s.roll = (s.roll-uint64(old)*pK1)*fnvPrime + uint64(r)
	if s.n < K {
		return
	}
	x := mix64(s.roll + kTerm)
	s.xs = append(s.xs, x)
	if s.from != nil {
		s.npassed = s.from.pass(x, &s.passed, s.npassed)
	}
	bin := (x >> 32) * NumHashes >> 32
	s.mins[bin] = min(s.mins[bin], uint32(x))
}

// AddRunes is Add for each rune of rs in turn. Past the first K runes the
// shingle's oldest rune is read from rs itself, and the hashes and bins
// stay in registers: the per-rune cost of a post's wording is a few
// multiplications, without a call or a ring to keep.
func (s *Signer) AddRunes(rs []rune) {
	head := min(len(rs), K)
	for _, r := range rs[:head] {
		s.Add(r)
	}
	if len(rs) == head {
		return
	}
	// Past the head, head == K: the shingle ending at news[j] starts at
	// olds[j]. Slices of one length let the compiler drop bounds checks.
	news, olds := rs[K:], rs[:len(rs)-K]
	n := len(s.xs)
	s.xs = slices.Grow(s.xs, len(news))[:n+len(news)]
	out := s.xs[n:]
	out = out[:len(news)]
	olds = olds[:len(news)]
	switch {
	case vectorShingles:
		// The shingle ending at news[j] is rs[j+1:j+1+K].
		shingleHashes(out, rs[1:])
		if s.from != nil {
			s.exact, s.npassed = exactBinFiltered(&s.mins, s.from, out, news, s.exact, &s.passed, s.npassed)
		} else {
			s.exact = exactBin(&s.mins, out, news, s.exact)
		}
		s.roll = rollOf(rs[len(rs)-K:])
	default:
		s.exact, s.roll = rollInto(out, news, olds, s.exact, s.roll)
		if s.from != nil {
			s.npassed = binFiltered(&s.mins, s.from, out, &s.passed, s.npassed)
		} else {
			binInto(&s.mins, out)
		}
	}
	n0 := s.n - K // the position of rs[0] in the text
	s.n = n0 + len(rs)
	for i := len(rs) - K; i < len(rs); i++ {
		s.ring[uint(n0+i)%K] = rs[i]
	}
}

// rollInto sets out[j] to the hash of the shingle ending at news[j],
// which starts at olds[j], and returns the exact and rolling hashes after
// news. It reads no memory it writes: the bins' minimums, each read after
// the last was written, perhaps to the same bin, are binInto's. In one
// loop with them, where a shingle's bin is known a dozen cycles after its
// rune is read, the signature took a sixth longer.
//
// Two runes a turn: the loop is paced by its two chains of a
// multiplication and an addition a rune (exact, roll), and one rune a
// turn its own count, bounds and constants, and a spilled register, came
// on top, 8 % more (four runes a turn gained nothing more). The chains
// stay as they are: with roll computed as pairs of runes, a_j = r_{j-1}·P
// + r_j and a_{j-2}·P² + a_j, which has none, the exact hash's chain
// still set the same pace.
func rollInto(out []uint64, news, olds []rune, exact, roll uint64) (uint64, uint64) {
	out, olds = out[:len(news)], olds[:len(news)]
	for j := 0; j < len(news)-1; j += 2 {
		r0, r1 := news[j], news[j+1]
		exact = exactStep(exactStep(exact, r0), r1)
		// (roll - old·P³)·P + r, the oldest rune's term taken out
		// beside the chain from one roll to the next.
		roll = roll*fnvPrime + (uint64(r0) - uint64(olds[j])*pK)
		x0 := roll + kTerm
		roll = roll*fnvPrime + (uint64(r1) - uint64(olds[j+1])*pK)
		x1 := roll + kTerm
		out[j], out[j+1] = mix64(x0), mix64(x1)
	}
	if j := len(news) - 1; j%2 == 0 { // an odd count: the last rune alone
		r := news[j]
		exact = exactStep(exact, r)
		roll = roll*fnvPrime + (uint64(r) - uint64(olds[j])*pK)
		out[j] = mix64(roll + kTerm)
	}
	return exact, roll
}

// binInto lets each shingle hash of xs compete for its bin's minimum.
func binInto(mins *[NumHashes]uint32, xs []uint64) {
	for _, x := range xs {
		bin := (x >> 32) * NumHashes >> 32
		mins[bin] = min(mins[bin], uint32(x))
	}
}

// binFiltered is binInto that also passes each shingle through b's filter
// (Brief.pass): that was a loop of its own over the shingles
// (Brief.anyIn), for every post; here it shares the loads and the loop of
// the binning, whose few registers leave room for it.
func binFiltered(mins *[NumHashes]uint32, b *Brief, xs []uint64, passed *[8]uint64, n int) int {
	for _, x := range xs {
		bin := (x >> 32) * NumHashes >> 32
		mins[bin] = min(mins[bin], uint32(x))
		n = b.pass(x, passed, n)
	}
	return n
}

// pK1 is fnvPrime to the power K-1, the weight of a shingle's oldest rune
// in its hash, and pK the power K; kTerm is the shingle length's term, K·fnvPrime^K.
const (
	pK1   = fnvPrime * fnvPrime * fnvPrime % (1 << 64)
	pK    = pK1 * fnvPrime % (1 << 64)
	kTerm = K * (pK1 * fnvPrime % (1 << 64)) % (1 << 64)
)

// pK1 is written for K = 4: these fail to compile for any other K.
var (
	_ [K - 4]struct{}
	_ [4 - K]struct{}
)

// exactStep adds r to the exact hash h: FNV-1a over code points. One
// multiplication a rune, where FNV-1a over UTF-8 bytes took three for most
// of a Chinese post. Equal hashes are trusted as equal texts (exactGroups
// joins them without comparing the texts), so it keeps 64 bits. Its chain
// of multiplications no longer sets the pace of AddRunes: without it,
// AddRunes took the same time (the shingle's rolling hash is a chain as
// long, and mix64 more work a rune), and a hash of four runes a
// multiplication made the loop slower.
func exactStep(h uint64, r rune) uint64 {
	return (h ^ uint64(uint32(r))) * fnvPrime
}

// Finish returns what Sign returns for the runes added since Start.
//
// Its first step takes every bin's top 16 bits and notes the empty bins
// in a mask, without a branch (sixteen bins at once with AVX-512,
// finishBins8); only then are the empty bins, an eighth of a post's,
// filled. Branching on each bin in turn, the loop guessed
// wrong at nearly every empty bin and took a quarter of a post's
// signature.
func (s *Signer) Finish() (sig Signature, exact uint64, ok bool) {
	if len(s.xs) == 0 {
		return sig, s.exact, false
	}
	var empty [(NumHashes + 63) / 64]uint64
	if vectorShingles {
		finishBins8(&sig[0], &s.mins[0], &empty[0])
	} else {
		emptyBins(&sig, &s.mins, &empty)
	}
	filled := NumHashes
	for _, m := range empty {
		filled -= bits.OnesCount64(m)
	}
	if filled <= fewFilled {
		s.densifyFew(&sig, &empty)
		return sig, s.exact, true
	}
	// Nearly every empty bin's first probe reaches a filled bin: it is
	// looked at here, without densify's call.
	for w, m := range empty {
		for ; m != 0; m &= m - 1 {
			i := w*64 + bits.TrailingZeros64(m)
			v := s.mins[firstProbes[i][0]]
			if v == math.MaxUint32 {
				v = densify(&s.mins, i)
			}
			sig[i] = uint16(v >> 16)
		}
	}
	return sig, s.exact, true
}

// emptyBins sets each value of sig to its bin's top 16 bits, and notes the
// empty bins in empty: Finish's first loop, where the CPU has no AVX-512
// (finishBins8 does it sixteen bins a step).
func emptyBins(sig *Signature, binMins *[NumHashes]uint32, empty *[(NumHashes + 63) / 64]uint64) {
	for w := range empty {
		lo, hi := w*64, min(w*64+64, NumHashes)
		mins, out := binMins[lo:hi], sig[lo:hi]
		out = out[:len(mins)]
		// Backwards, each bin's bit shifted in at the bottom: bit j
		// is bin j's, without a shift by j (a signed j%64 took
		// four instructions a bin).
		var m uint64
		for j := len(mins) - 1; j >= 0; j-- {
			v := mins[j]
			out[j] = uint16(v >> 16)
			// 1 when v is MaxUint32, the carry out of 32 bits:
			// two instructions where a compare took three.
			m = m<<1 | (uint64(v)+1)>>32
		}
		empty[w] = m
	}
}

// fewFilled is the most filled bins for which Finish fills the empty ones
// by densifyFew: below it, an empty bin probes more bins one by one (on
// average NumHashes/filled) than densifyFew reads words for it.
const fewFilled = 40

// densifyFew fills the empty bins of sig (the bits of empty) as densify
// does, for a text that filled few bins: a bin's first probe that reaches
// a filled bin is the least of the places, in its probe sequence, of the
// filled bins (probeAt), taken for every bin at once, eight bins to a
// word, over the filled bins' rows. Probing bin by bin, a short post's
// empty bins took a dozen probes each, the last one a branch guessed
// wrong.
func (s *Signer) densifyFew(sig *Signature, empty *[(NumHashes + 63) / 64]uint64) {
	var first [probeWords]uint64 // each bin's first probe that reaches a filled bin
	for w := range first {
		first[w] = noProbe * lanes
	}
	table := probeAt()
	for w, m := range empty {
		full := ^m
		if top := NumHashes - w*64; top < 64 {
			full &= 1<<top - 1
		}
		for ; full != 0; full &= full - 1 {
			row := &table[w*64+bits.TrailingZeros64(full)]
			for j, a := range row {
				first[j] = minBytes(first[j], a)
			}
		}
	}
	for w, m := range empty {
		for ; m != 0; m &= m - 1 {
			i := w*64 + bits.TrailingZeros64(m)
			k := byte(first[i/8] >> (i % 8 * 8))
			if k == noProbe {
				sig[i] = uint16(densify(&s.mins, i) >> 16)
				continue
			}
			sig[i] = uint16(s.mins[firstProbes[i][k]] >> 16)
		}
	}
}

// minBytes is the least of a's and b's bytes, lane by lane; every byte of
// both is below 0x80. Each lane of a|0x80 minus the same lane of b keeps
// its high bit when a's byte is the greater or equal, borrowing nothing
// from the next lane.
func minBytes(a, b uint64) uint64 {
	ge := ((a | highs) - b) & highs
	ge = ge >> 7 * 0xFF // 0xFF in the lanes where a's byte ≥ b's
	return b&ge | a&^ge
}

const (
	lanes      = 0x0101010101010101 // 1 in every byte of a word
	highs      = 0x80 * lanes       // the high bit of every byte
	noProbe    = 0x7F               // in probeAt: the bin is not among the first probes
	probeWords = (NumHashes + 7) / 8
)

// probeAt()[b] holds, for every bin i eight to a word (bin i in byte i%8
// of word i/8), the place of bin b in i's first probes (firstProbes[i]),
// noProbe when b is not among them. It is built on first use, so that a
// command that signs nothing does not build it.
var probeAt = sync.OnceValue(func() *[NumHashes][probeWords]uint64 {
	p := new([NumHashes][probeWords]uint64)
	for b := range p {
		for w := range p[b] {
			p[b][w] = noProbe * lanes
		}
	}
	for i := range NumHashes {
		w, sh := i/8, i%8*8
		for k, b := range &firstProbes[i] {
			if byte(p[b][w]>>sh) == noProbe { // b's first place in i's probes
				p[b][w] = p[b][w]&^(0xFF<<sh) | uint64(k)<<sh
			}
		}
	}
	return p
})

// densify returns, for the empty bin i, the minimum of the first non-empty
// bin its probe sequence reaches. The caller has at least one non-empty
// bin; after many probes a plain scan guarantees the end.
func densify(mins *[NumHashes]uint32, i int) uint32 {
	v := uint32(math.MaxUint32)
	for _, b := range &firstProbes[i] {
		if v = mins[b]; v != math.MaxUint32 {
			return v
		}
	}
	for probe := uint64(len(firstProbes[i]) + 1); v == math.MaxUint32 && probe <= 4*NumHashes; probe++ {
		v = mins[probeBin(i, probe)]
	}
	for j := i; v == math.MaxUint32; j = (j + 1) % NumHashes {
		v = mins[j]
	}
	return v
}

// probeBin is the bin an empty bin i looks at in its probe'th probe.
func probeBin(i int, probe uint64) uint64 {
	return mix64(uint64(i)<<32|probe) >> 32 * NumHashes >> 32
}

// firstProbes holds each bin's first probes, so that most empty bins find
// a value without hashing. A post of a few hundred runes leaves a tenth of
// the bins empty, nearly all filled at the first probe; a post of a dozen
// runes leaves nine in ten empty, each probing a dozen bins on average:
// with four probes kept, its signature took 7 µs, most of it hashing
// probes, five times a long post's.
var firstProbes = func() (p [NumHashes][64]uint8) {
	for i := range p {
		for k := range p[i] {
			p[i][k] = uint8(probeBin(i, uint64(k+1)))
		}
	}
	return p
}()

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

const (
	fnvOffset = 0xcbf29ce484222325
	fnvPrime  = 0x100000001b3
)
