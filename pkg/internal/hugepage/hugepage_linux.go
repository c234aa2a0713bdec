package hugepage

import "syscall"

// madvPopulateWrite (Linux 5.14) faults a range in, writable, in one call.
const madvPopulateWrite = 23

// advise asks for huge pages over [lo, hi) and says whether the system
// took the advice.
func advise(lo, hi uintptr) bool {
	if hi <= lo {
		return false
	}
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_HUGEPAGE)
	return errno == 0
}

// populate faults [lo, hi) in and says whether the system did.
func populate(lo, hi uintptr) bool {
	if hi <= lo {
		return true
	}
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, madvPopulateWrite)
	return errno == 0
}
