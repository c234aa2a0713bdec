package campaign

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on x86-64 and arm64 with
// 4 KiB pages.
const hugePage = 2 << 20

// madvPopulateWrite (Linux 5.14) faults a range in, writable, in one call.
const madvPopulateWrite = 23

// backHuge asks the kernel to back the whole 2 MiB pages of a large array
// with huge pages, and to fault the array in at once. The runtime leaves
// huge pages to the system's default, often "only where asked" (madvise),
// and then filling the entries and signatures of an export cost a page
// fault for every 4 KiB: at 100,000 posts, half the faults of the read and
// a tenth of its CPU. Faulting the array in at once, in the kernel, costs
// no trap a page, and is done before a collection reads much of it: a
// collection reading an untouched page maps the shared zero page, which
// writing then has to replace, small page by small page. Where the kernel
// says no, nothing changes, or the huge pages are touched one by one.
func backHuge[T any](s []T) {
	var zero T
	size := uintptr(len(s)) * unsafe.Sizeof(zero)
	if size < 2*hugePage {
		return
	}
	base := unsafe.Pointer(unsafe.SliceData(s))
	start := uintptr(base)
	from := (start + hugePage - 1) &^ (hugePage - 1)
	to := (start + size) &^ (hugePage - 1)
	huge := unsafe.Slice((*byte)(unsafe.Add(base, from-start)), to-from)
	if syscall.Madvise(huge, syscall.MADV_HUGEPAGE) != nil {
		return
	}
	const page = 4 << 10
	from = (start + page - 1) &^ (page - 1)
	to = (start + size) &^ (page - 1)
	all := unsafe.Slice((*byte)(unsafe.Add(base, from-start)), to-from)
	if syscall.Madvise(all, madvPopulateWrite) == nil {
		return
	}
	for i := 0; i < len(huge); i += hugePage {
		huge[i] = 0 // the array is all zero already
	}
}
