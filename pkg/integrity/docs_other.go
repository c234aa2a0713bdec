//go:build !linux

package integrity

// adviseHuge does nothing where huge pages are not lent on request.
func adviseHuge(p, n uintptr) {}
