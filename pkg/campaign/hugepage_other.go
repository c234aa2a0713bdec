//go:build !linux

package campaign

// backHuge does nothing where huge pages are not asked for per range.
func backHuge[T any](s []T) {}
