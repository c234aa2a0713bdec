//go:build !unix

package testfifo

import "errors"

// Make reports that this system has no named pipes.
func Make(path string, perm uint32) error { return errors.ErrUnsupported }
