//go:build unix

package export

import "syscall"

// isSymlink reports whether path is a symlink, and whether it exists. It
// asks lstat(2) itself: os.Lstat makes a FileInfo, an allocation for every
// local image of every post.
func isSymlink(path string) (link, exists bool) {
	var st syscall.Stat_t
	for {
		err := syscall.Lstat(path, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return false, false
		}
		return st.Mode&syscall.S_IFMT == syscall.S_IFLNK, true
	}
}
