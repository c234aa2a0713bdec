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

	"github.com/promo-cli/promo/pkg/internal/hugepage"
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
// tested in ranges at least grain long on up to workers goroutines. Each
// range writes where it starts in one array, which is then closed up: an
// array per range, grown as it fills and then joined, allocated the
// indexes of a million entries four times over.
func Indexes(n, workers, grain int, keep func(i int) bool) []int {
	return Filter(hugepage.Make[int](n), n, workers, grain, func(i int) (int, bool) { return i, keep(i) })
}

// Filter calls pick(i) for i in [0, n) on up to workers goroutines, in
// ranges of at least grain, and returns, in order of i, the values it
// picked, written into dst (at least n long). dst may be the slice pick
// reads: a range writes only at or before the place it reads, and the
// ranges are closed up once all are done.
func Filter[T any](dst []T, n, workers, grain int, pick func(i int) (T, bool)) []T {
	r := Split(n, workers, grain)
	ends := make([]int, len(r))
	Each(len(r), func(k int) {
		at := r[k][0]
		for i := r[k][0]; i < r[k][1]; i++ {
			if v, ok := pick(i); ok {
				dst[at] = v
				at++
			}
		}
		ends[k] = at
	})
	total := 0
	for k := range r {
		total += copy(dst[total:], dst[r[k][0]:ends[k]])
	}
	return dst[:total]
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
// costs more than it saves.
const sortGrain = 1 << 14

// SortFunc sorts s as slices.SortFunc does, on up to workers goroutines:
// s is split in place around the median of a sample, and the two sides
// are sorted at once, each split again while there are workers to spare.
// Nothing is allocated beyond the sample: a merge would need a second
// array the size of s. cmp must be a total order (two elements compare 0
// only if they are alike in every way that matters to the caller), so
// that the sorted order is the one order.
func SortFunc[E any](s []E, workers int, cmp func(a, b E) int) {
	if workers <= 1 || len(s) < 2*sortGrain {
		slices.SortFunc(s, cmp)
		return
	}
	p := partition(s, cmp)
	left := workers / 2
	Each(2, func(k int) {
		if k == 0 {
			SortFunc(s[:p], left, cmp)
		} else {
			SortFunc(s[p:], workers-left, cmp)
		}
	})
}

// partition reorders s around the median of a sample of it and returns
// p: every element of s[:p] is before the median, every one of s[p:] is
// not.
func partition[E any](s []E, cmp func(a, b E) int) int {
	const samples = 63
	sample := make([]E, samples)
	for k := range sample {
		sample[k] = s[k*(len(s)-1)/(samples-1)]
	}
	slices.SortFunc(sample, cmp)
	pivot := sample[samples/2]
	i, j := 0, len(s)-1
	for {
		for i <= j && cmp(s[i], pivot) < 0 {
			i++
		}
		for i <= j && cmp(s[j], pivot) >= 0 {
			j--
		}
		if i >= j {
			return i
		}
		s[i], s[j] = s[j], s[i]
	}
}
