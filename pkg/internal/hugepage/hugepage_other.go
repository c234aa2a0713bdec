//go:build !linux

package hugepage

// advise does nothing where huge pages are not lent on request.
func advise(lo, hi uintptr) bool { return false }

// populate does nothing where advise does nothing.
func populate(lo, hi uintptr) bool { return false }
