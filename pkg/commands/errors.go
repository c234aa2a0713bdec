package commands

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// Exit statuses; see the package documentation.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitNoInput  = 3
	// exitIO is a file that cannot be read or written: an input, the --out
	// file, or standard output closed or full.
	exitIO = 4
	// exitInterrupted is the shells' convention for a process stopped by
	// SIGINT (128 + 2).
	exitInterrupted = 130
)

// exitError carries the exit status an error maps to, so that the decision
// is made where the error is understood and printed in one place.
type exitError struct {
	code int
	err  error
	hint string
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageErrorf is fmt.Errorf with exit status 2; a %w verb keeps the cause
// reachable with errors.Is and errors.As.
func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func usageHint(err error, hint string) error {
	return &exitError{code: exitUsage, err: err, hint: hint}
}

func noInputError(err error) error {
	return &exitError{code: exitNoInput, err: err}
}

// ioErrorf is an input that cannot be read or an output that cannot be
// written (exit 4).
func ioErrorf(format string, args ...any) error {
	return &exitError{code: exitIO, err: fmt.Errorf(format, args...)}
}

// readError is an input that could not be read whole: exit 4 when the
// system failed to read it (missing, no permission, an I/O error), exit 2
// when promo refused it (not a regular file, over --max-input), since
// then the fix is in the command line.
func readError(err error) error {
	if isIOError(err) {
		return &exitError{code: exitIO, err: err}
	}
	return &exitError{code: exitUsage, err: err}
}

// findingsError is returned under --strict when entries are invalid; its
// findings have already been printed, so it prints only a short line.
func findingsError(msg string) error {
	return &exitError{code: exitFindings, err: errors.New(msg)}
}

// isIOError recognises a failure of the file system or a stream that no
// layer classified: a path error, a system call's error number, a short
// write.
func isIOError(err error) bool {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	var errno syscall.Errno
	return errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &se) || errors.As(err, &errno)
}

// cobraUsage marks an error Cobra returned before any command ran: an
// unknown command or flag, or the wrong number of arguments. It is
// recognised by where it came from, not by its wording.
type cobraUsage struct{ err error }

func (e cobraUsage) Error() string { return e.err.Error() }
func (e cobraUsage) Unwrap() error { return e.err }
