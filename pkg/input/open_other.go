//go:build !unix

package input

import "os"

// openNonBlocking opens path; systems without FIFOs in the file system
// need no flag.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
