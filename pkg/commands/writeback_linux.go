package commands

import (
	"os"
	"unsafe"

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

// openDirect opens the file name again for writes past the page cache.
func openDirect(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_WRONLY|unix.O_DIRECT, 0)
}

// alignedBuffer is n bytes whose address is a multiple of align, which
// a direct write needs.
func alignedBuffer(n, align int) []byte {
	b := make([]byte, n+align)
	skip := 0
	if r := int(uintptr(unsafe.Pointer(&b[0])) % uintptr(align)); r != 0 {
		skip = align - r
	}
	return b[skip : skip+n : skip+n]
}
