package campaign

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on x86-64 and arm64 with
// 4 KiB pages.
const hugePage = 2 << 20

// backHuge asks the kernel to back the whole 2 MiB pages of a large array
// with huge pages, and writes to each of them at once. The runtime leaves
// huge pages to the system's default, often "only where asked" (madvise),
// and then filling the entries and signatures of an export cost a page
// fault for every 4 KiB: at 100,000 posts, half the faults of the read and
// a tenth of its CPU. The early write takes each huge page before a
// collection can read the still untouched array: a read maps the shared
// zero page, and writing there later splits it into small pages again.
// Where the kernel says no, nothing changes.
func backHuge[T any](s []T) {
	var zero T
	size := uintptr(len(s)) * unsafe.Sizeof(zero)
	if size < 2*hugePage {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	from := (start + hugePage - 1) &^ (hugePage - 1)
	to := (start + size) &^ (hugePage - 1)
	mem := unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), from-start)), to-from)
	if syscall.Madvise(mem, syscall.MADV_HUGEPAGE) != nil {
		return
	}
	for i := 0; i < len(mem); i += hugePage {
		mem[i] = 0 // the array is all zero already
	}
}
