package integrity

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
func sortKeys(keys, scratch []uint64, low uint) {
	if len(keys) < 256 {
		insertionSort(keys)
		return
	}
	first := int(low / 8) // the lowest byte that needs a pass
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
}

func insertionSort(keys []uint64) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}
