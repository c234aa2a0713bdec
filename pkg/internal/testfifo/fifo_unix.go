//go:build unix

package testfifo

import "syscall"

// Make makes a named pipe at path.
func Make(path string, perm uint32) error { return syscall.Mkfifo(path, perm) }
