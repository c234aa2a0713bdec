//go:build !unix

package export

import "os"

// isSymlink reports whether path is a symlink, and whether it exists.
func isSymlink(path string) (link, exists bool) {
	info, err := os.Lstat(path)
	if err != nil {
		return false, false
	}
	return info.Mode()&os.ModeSymlink != 0, true
}
