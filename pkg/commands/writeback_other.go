//go:build !linux

package commands

import (
	"errors"
	"os"
)

// startWriteback does nothing where the system has no call to start
// writing a range of a file: the Sync before the rename writes it all.
func startWriteback(f *os.File, off, n int64) {}

// openDirect fails where the system has no writes past the page cache.
func openDirect(name string) (*os.File, error) { return nil, errors.ErrUnsupported }

func alignedBuffer(n, align int) []byte { return make([]byte, n) }
