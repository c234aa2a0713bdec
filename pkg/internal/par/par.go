// Package par spreads a loop, or a sort, over several goroutines. The work
// a run does after reading a million posts is a handful of loops and
// sorts over every entry, each a fraction of a second on one core; with
// the entries split into contiguous ranges they take a fraction of that.
//
// Nothing here may change a result with the number of goroutines: a range
// writes only its own part of an output, a reduction over ranges must be
// exact whatever the ranges (a maximum, a count), and a sort is given a
// total order, so that it has one result.
package par

import (
	"slices"
	"sync"
)

// Ranges calls f(lo, hi) on consecutive ranges that cover [0, n), at most
// workers of them, each at least grain long, and returns once every call
// has returned. The calls run at once; with one range f runs alone, on the
// caller's goroutine.
func Ranges(n, workers, grain int, f func(lo, hi int)) {
	r := Split(n, workers, grain)
	Each(len(r), func(k int) { f(r[k][0], r[k][1]) })
}

// Split returns the ranges Ranges calls f with, in order: at most workers
// consecutive ranges of about one size, each at least grain long, that
// cover [0, n). A caller that keeps a result per range numbers them so.
func Split(n, workers, grain int) [][2]int {
	if n <= 0 {
		return nil
	}
	parts := max(1, min(workers, n/max(grain, 1)))
	size := (n + parts - 1) / parts
	var r [][2]int
	for lo := 0; lo < n; lo += size {
		r = append(r, [2]int{lo, min(lo+size, n)})
	}
	return r
}

// Indexes returns, in order, the i in [0, n) for which keep(i) is true,
// tested in ranges at least grain long on up to workers goroutines.
func Indexes(n, workers, grain int, keep func(i int) bool) []int {
	r := Split(n, workers, grain)
	found := make([][]int, len(r))
	Each(len(r), func(k int) {
		for i := r[k][0]; i < r[k][1]; i++ {
			if keep(i) {
				found[k] = append(found[k], i)
			}
		}
	})
	return slices.Concat(found...)
}

// Each calls f(0) … f(n-1) at once, f(0) on the caller's goroutine, and
// returns once every call has returned.
func Each(n int, f func(k int)) {
	var wg sync.WaitGroup
	for k := 1; k < n; k++ {
		wg.Go(func() { f(k) })
	}
	if n > 0 {
		f(0)
	}
	wg.Wait()
}

// sortGrain is the least part SortFunc sorts alone: below it a goroutine
// and the merge cost more than they save.
const sortGrain = 1 << 14

// SortFunc sorts s as slices.SortFunc does, in up to workers parts sorted
// at once and then merged, two runs at a time. cmp must be a total order
// (two elements compare 0 only if they are alike in every way that
// matters to the caller), so that the sorted order is the one order.
func SortFunc[E any](s []E, workers int, cmp func(a, b E) int) {
	n := len(s)
	parts := min(max(workers, 1), n/sortGrain)
	if parts <= 1 {
		slices.SortFunc(s, cmp)
		return
	}
	size := (n + parts - 1) / parts
	Each((n+size-1)/size, func(k int) { slices.SortFunc(s[k*size:min((k+1)*size, n)], cmp) })
	src, dst := s, make([]E, n)
	for ; size < n; size *= 2 {
		// Each pair of sorted runs of size is merged into a run of twice
		// the size, the pairs at once.
		Each((n+2*size-1)/(2*size), func(p int) {
			a := p * 2 * size
			m, b := min(a+size, n), min(a+2*size, n)
			merge(dst[a:b], src[a:m], src[m:b], cmp)
		})
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}

// merge writes the sorted runs a and b into out, a's elements first among
// equals.
func merge[E any](out, a, b []E, cmp func(a, b E) int) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if cmp(b[j], a[i]) < 0 {
			out[k] = b[j]
			j++
		} else {
			out[k] = a[i]
			i++
		}
		k++
	}
	k += copy(out[k:], a[i:])
	copy(out[k:], b[j:])
}
