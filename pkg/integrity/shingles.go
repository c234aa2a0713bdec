package integrity

// shingleHashes sets xs[j] to the hash of the shingle rs[j:j+K], as Add
// computes it, for every j < len(xs); len(rs) is len(xs)+K-1. Each
// shingle is hashed whole, without a rolling hash from one to the next,
// so that eight are hashed at once by the vector instructions where the
// CPU has them (shingleHashes8): the rolling hash's chains of
// multiplications, a few a rune, were most of a post's signature.
func shingleHashes(xs []uint64, rs []rune) {
	rs = rs[:len(xs)+K-1]
	done := 0
	if vectorShingles && len(xs) >= 8 {
		blocks := len(xs) / 8
		shingleHashes8(&xs[0], &rs[0], blocks)
		done = blocks * 8
	}
	for j := done; j < len(xs); j++ {
		w := rs[j : j+K : j+K]
		xs[j] = mix64(rollOf(w) + kTerm)
	}
}

// rollOf is the rolling hash of the K runes of w, as Add leaves it after
// them: r₀·P³ + r₁·P² + r₂·P + r₃.
func rollOf(w []rune) uint64 {
	w = w[:K]
	return uint64(w[0])*pK1 + uint64(w[1])*pP2 + uint64(w[2])*fnvPrime + uint64(w[3])
}

// pP2 is fnvPrime squared, the weight of a shingle's second rune.
const pP2 = fnvPrime * fnvPrime % (1 << 64)

// exactBin adds each rune of rs to the exact hash h, and lets each shingle
// hash of xs compete for its bin's minimum, in one loop: the exact hash's
// chain of multiplications, a rune at a time, leaves room beside it for
// the binning. It returns the exact hash.
func exactBin(mins *[NumHashes]uint32, xs []uint64, rs []rune, h uint64) uint64 {
	rs = rs[:len(xs)]
	for j, x := range xs {
		h = exactStep(h, rs[j])
		bin := (x >> 32) * NumHashes >> 32
		mins[bin] = min(mins[bin], uint32(x))
	}
	return h
}

// exactBinFiltered is exactBin that also passes each shingle through b's
// filter, as binFiltered does.
func exactBinFiltered(mins *[NumHashes]uint32, b *Brief, xs []uint64, rs []rune, h uint64, passed *[8]uint64, n int) (uint64, int) {
	rs = rs[:len(xs)]
	for j, x := range xs {
		h = exactStep(h, rs[j])
		bin := (x >> 32) * NumHashes >> 32
		mins[bin] = min(mins[bin], uint32(x))
		n = b.pass(x, passed, n)
	}
	return h, n
}
