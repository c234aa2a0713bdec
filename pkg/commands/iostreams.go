package commands

import (
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// IOStreams holds where a command reads and writes, and what the terminal
// allows, so that tests capture output and the TTY decides colour and padding.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// InTTY is true when In is a terminal: count then says what it
	// expects instead of waiting silently for input.
	InTTY bool
	// OutTTY is true when Out is a terminal: tables are padded for the eye
	// then, and written as TSV for pipes otherwise.
	OutTTY bool
	// Width is the terminal's width in columns when Out is a terminal
	// whose size is known, else 0: padded tables are fitted to it.
	Width int
	// ErrTTY is true when ErrOut is a terminal (progress output).
	ErrTTY bool
	// Color is true when terminal output may be coloured: Out is a
	// terminal, NO_COLOR is unset and TERM is not "dumb". --no-color turns
	// it off for one run.
	Color bool
	// ProgressDelay is how long a run goes before it shows progress, so a
	// quick run does not flash a line it clears at once.
	ProgressDelay time.Duration
}

// SystemStreams returns the process's standard streams.
func SystemStreams() *IOStreams {
	return &IOStreams{
		In:            os.Stdin,
		Out:           os.Stdout,
		ErrOut:        os.Stderr,
		InTTY:         isTerminal(os.Stdin),
		OutTTY:        isTerminal(os.Stdout),
		ErrTTY:        isTerminal(os.Stderr),
		Width:         terminalWidth(os.Stdout),
		ProgressDelay: 300 * time.Millisecond,
		Color:         isTerminal(os.Stdout) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb",
	}
}

// TestStreams returns streams backed by the given buffers, not terminals.
func TestStreams(in io.Reader, out, errOut io.Writer) *IOStreams {
	return &IOStreams{In: in, Out: out, ErrOut: errOut}
}

// terminalWidth is f's width in columns, or 0 when f is not a terminal or
// does not say.
func terminalWidth(f *os.File) int {
	if !isTerminal(f) {
		return 0
	}
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return w
}

func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}
