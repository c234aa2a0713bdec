//go:build unix

package input

import (
	"os"
	"syscall"
)

// openNonBlocking opens path so that opening a FIFO does not wait for a
// writer; reading a regular file is not affected by the flag.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
