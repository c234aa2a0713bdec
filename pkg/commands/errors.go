package commands

import (
	"fmt"
	"strings"
)

// Exit statuses; see the package documentation.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitNoInput  = 3
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

func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func usageHint(err error, hint string) error {
	return &exitError{code: exitUsage, err: err, hint: hint}
}

func noInputError(err error) error {
	return &exitError{code: exitNoInput, err: err}
}

// findingsError is returned under --strict when entries are invalid; its
// findings have already been printed, so it prints only a short line.
func findingsError(msg string) error {
	return &exitError{code: exitFindings, err: fmt.Errorf("%s", msg)}
}

// isCobraUsage recognises the argument errors Cobra builds itself.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "requires at most", "invalid argument", "flag needs an argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
