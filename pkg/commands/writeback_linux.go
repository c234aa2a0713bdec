package commands

import (
	"os"

	"golang.org/x/sys/unix"
)

// startWriteback asks the system to start writing the bytes [off,
// off+n) of f to disk and returns without waiting for them.
func startWriteback(f *os.File, off, n int64) {
	c, err := f.SyscallConn()
	if err != nil {
		return
	}
	_ = c.Control(func(fd uintptr) {
		// an error here only leaves the bytes to the Sync
		_ = unix.SyncFileRange(int(fd), off, n, unix.SYNC_FILE_RANGE_WRITE)
	})
}
