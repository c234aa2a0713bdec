package integrity

import "slices"

// sortKeys sorts keys in ascending order, as slices.Sort does, by a
// least-significant-digit radix sort over bytes, using scratch (at least
// len(keys) long) as the other buffer. The band keys of a near-duplicate
// search are a hash over the entry's index; a byte in which every key
// agrees costs no pass, and the rest cost two reads and a write per key
// instead of a comparison sort's log n comparisons.
//
// The low bits of keys must already ascend among the keys that agree
// above them: band keys are appended in index order, so the bytes that
// hold nothing but the index need no pass, and the stable passes over the
// others leave them in order (two of eight passes for 100k docs).
//
// Only the top bytes are passed over, as many as make a byte pattern
// shared by chance rare (topBytes); the keys that agree in them, then
// side by side, are put in order by an insertion sort (sortRuns). For
// 100k band keys that is three passes instead of six, and one comparison
// a key that finds a few hundred keys to move.
func sortKeys(keys, scratch []uint64, low uint) {
	if len(keys) < 256 {
		insertionSort(keys)
		return
	}
	first := max(int(low/8), 8-topBytes) // the lowest byte that needs a pass
	var counts [8][256]int
	for _, k := range keys {
		for d := first; d < 8; d++ {
			counts[d][byte(k>>(8*d))]++
		}
	}
	src, dst := keys, scratch[:len(keys)]
	for d := first; d < 8; d++ {
		c := &counts[d]
		if c[byte(src[0]>>(8*d))] == len(src) {
			continue // every key has the same byte here
		}
		at := 0
		for b, n := range c {
			c[b] = at
			at += n
		}
		for _, k := range src {
			b := byte(k >> (8 * d))
			dst[c[b]] = k
			c[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
	if first > int(low/8) {
		sortRuns(keys)
	}
}

// topBytes is how many top bytes sortKeys passes over: 2²⁴ patterns, over
// which 100k keys leave a few hundred pairs sharing one, and 1M keys a
// few in a hundred, cheaper to put in order than a fourth pass.
const topBytes = 3

// sortRuns finishes sorting keys that are sorted by their bits from
// above on: only keys that agree there can be out of order, and those
// are few and next to each other, so an insertion sort moves few keys,
// after one comparison per key. Should many keys agree there with their
// lower bits out of order (band hashes made to collide), the moves are
// capped and slices.Sort takes over.
func sortRuns(keys []uint64) {
	budget := 4 * len(keys)
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		if k >= keys[i-1] {
			continue
		}
		j := i
		for ; j > 0 && keys[j-1] > k; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
		if budget -= i - j; budget < 0 {
			slices.Sort(keys)
			return
		}
	}
}

func insertionSort(keys []uint64) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}
