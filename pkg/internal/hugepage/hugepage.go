// Package hugepage asks the system to back large arrays with huge pages.
//
// The Go runtime leaves huge pages to the system's default, which is often
// "only where asked" (transparent huge pages set to madvise). Then every
// first touch of a 4 KiB page of a large array costs a page fault: filling
// the entries and signatures of a large export made page faults a tenth of
// the read's CPU. The calls here are advice: where the system says no, or
// is not Linux, the memory stays as it was.
package hugepage

import (
	"sync/atomic"
	"unsafe"
)

// Size is the size of a huge page on x86-64 and arm64 with 4 KiB pages.
const Size = 2 << 20

// within returns the whole huge pages in the n bytes at p: [lo, hi),
// empty when hi <= lo.
func within(p, n uintptr) (lo, hi uintptr) {
	return (p + Size - 1) &^ (Size - 1), (p + n) &^ (Size - 1)
}

// bounds returns where s's backing array, up to its capacity, starts and
// how many bytes it holds.
func bounds[T any](s []T) (p, n uintptr) {
	var zero T
	return uintptr(unsafe.Pointer(unsafe.SliceData(s))), uintptr(cap(s)) * unsafe.Sizeof(zero)
}

// Advise asks that the whole huge pages inside s, up to its capacity, be
// backed by huge pages when they are first touched.
func Advise[T any](s []T) {
	if cap(s) > 0 {
		p, n := bounds(s)
		advise(within(p, n))
	}
}

// Populate does what Advise does, and then has all of s, up to its
// capacity, faulted in at once, writable, before anything reads it: a
// collection reading an untouched page maps the shared zero page there,
// which a write then has to replace, small page by small page. Arrays
// smaller than two huge pages are left alone.
func Populate[T any](s []T) {
	p, n := bounds(s)
	if n < 2*Size {
		return
	}
	lo, hi := within(p, n)
	if !advise(lo, hi) {
		return
	}
	const page = 4 << 10
	if populate((p+page-1)&^(page-1), (p+n)&^(page-1)) {
		return
	}
	// An older kernel: one write a huge page takes it. Adding zero writes
	// without changing what is there.
	for a := lo; a < hi; a += Size {
		atomic.AddUint32((*uint32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), a-p)), 0)
	}
}

// PopulateLater does what Populate does but the faulting in, which the
// returned func does: that writes nothing, so it may run on a goroutine of
// its own while s is written, and whoever gets to a page first faults it
// in. Where the system cannot fault a range in at once (before Linux
// 5.14) the func does nothing: each page is faulted in whole, as advised,
// by its first write.
func PopulateLater[T any](s []T) (fault func()) {
	p, n := bounds(s)
	if n < 2*Size {
		return func() {}
	}
	if lo, hi := within(p, n); !advise(lo, hi) {
		return func() {}
	}
	const page = 4 << 10
	return func() { populate((p+page-1)&^(page-1), (p+n)&^(page-1)) }
}

// Make returns make([]T, n), with the whole huge pages inside it advised
// (Advise). The work after the read of a large export makes arrays of a
// few to tens of megabytes, one after the other, while the collector is
// held off: each is fresh memory, and faulting it in 4 KiB at a time cost
// more than filling it. Memory the runtime has zeroed (or reused) is
// faulted in already, and the advice then changes nothing.
func Make[T any](n int) []T {
	s := make([]T, n)
	Advise(s)
	return s
}
