package integrity

import "syscall"

// adviseHuge asks that the whole huge pages in the n bytes at p be backed
// by huge pages when first touched. It is advice: an error leaves the
// memory as it was, backed by small pages.
func adviseHuge(p, n uintptr) {
	if lo, hi := hugeRange(p, n); hi > lo {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_HUGEPAGE)
	}
}
