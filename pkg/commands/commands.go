// Package commands wires the promo command line: Cobra commands, Viper
// settings, output streams and exit codes. It is the only package that
// imports Cobra or Viper, prints to the terminal or decides how the process
// exits; everything it runs lives in the domain packages under pkg/.
//
// # Messages
//
// Errors are printed as "promo: error: ..." and hints as "promo: hint: ...",
// lower case, without a final period, so that they read the same in a
// terminal and in a CI log.
//
// # Exit status
//
//	0  the command ran (invalid entries are findings, not failures)
//	1  --strict and at least one entry invalid or unreadable
//	2  usage error or invalid rule file
//	3  no export could be read
//	130  interrupted (Ctrl-C)
package commands

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"
)

// Main runs promo with the process's arguments and streams and returns the
// exit status.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return Run(ctx, os.Args[1:], SystemStreams())
}

// Run runs promo with the given arguments and streams and returns the exit
// status. Tests call it directly.
func Run(ctx context.Context, args []string, ios *IOStreams) int {
	root := NewRootCmd(ios)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	return reportError(ios, err)
}

// NewRootCmd builds the command tree.
func NewRootCmd(ios *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "promo",
		Short: "Judge social-media campaign entries offline",
		Long: `promo judges social-media campaign entries offline: which entries are
eligible and why not, a quality ranking, the winners and an exact payout.

It reads a campaign rule file (-r) and exported posts (JSON, JSONL, CSV/TSV,
text files) and never needs a network.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	addProfiling(root)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageHint(err, "run '"+cmd.CommandPath()+" --help' for the flags")
	})
	root.AddCommand(
		newVersionCmd(ios),
		newCountCmd(ios),
		newValidateCmd(ios),
		newRankCmd(ios),
		newExplainCmd(ios),
		newDrawCmd(ios),
		newSplitCmd(ios),
		newInitCmd(ios),
		newRulesCmd(ios),
		newReportCmd(ios),
	)
	addExtraCommands(root, ios)
	return root
}

// addExtraCommands is extended as commands land; kept apart so the list in
// NewRootCmd stays short.
var addExtraCommands = func(*cobra.Command, *IOStreams) {}

// reportError prints err (if any) and maps it to an exit status.
func reportError(ios *IOStreams, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, context.Canceled) {
		printError(ios, errors.New("interrupted; no output file was written"), "")
		return exitInterrupted
	}
	var ex *exitError
	if errors.As(err, &ex) {
		if ex.err != nil {
			printError(ios, ex.err, ex.hint)
		}
		return ex.code
	}
	if isCobraUsage(err) {
		printError(ios, err, "run 'promo --help' for usage")
		return exitUsage
	}
	printError(ios, err, "")
	return exitUsage
}

// printError writes one "promo: error:" line per line of the message, so a
// rule file's list of problems reads as a list and greps well.
func printError(ios *IOStreams, err error, hint string) {
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintf(ios.ErrOut, "promo: error: %s\n", line)
	}
	if hint != "" {
		fmt.Fprintf(ios.ErrOut, "promo: hint: %s\n", hint)
	}
}
