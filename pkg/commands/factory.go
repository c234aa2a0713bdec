package commands

import "github.com/promo-cli/promo/pkg/input"

// Factory is what every command is built with: where it reads and writes,
// and the settings the root command declares for all of them.
//
// Every command has the same shape: an options struct whose fields are
// bound to its flags, NewCmdX(f, runF) that declares the flags and, once
// the settings are decoded and the flag combinations checked, calls runF
// (tests pass one to capture the options) or else xRun, which holds the
// command's logic and takes everything it needs from the options.
type Factory struct {
	IOStreams *IOStreams
	// maxInput is --max-input as given; the flag is declared on the root.
	maxInput string
}

// MaxInput is the --max-input setting in bytes.
func (f *Factory) MaxInput() (int64, error) {
	if f.maxInput == "" {
		return input.DefaultMaxSize, nil
	}
	n, err := input.ParseSize(f.maxInput)
	if err != nil {
		return 0, usageErrorf("--%s: %w", maxInputFlag, err)
	}
	return n, nil
}
