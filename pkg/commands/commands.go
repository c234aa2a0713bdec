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
//	4  a file could not be read or written (an input, --out, standard output)
//	130  interrupted (Ctrl-C or SIGTERM)
package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/promo-cli/promo/pkg/report"
	"github.com/spf13/cobra"
)

// Main runs promo with the process's arguments and streams and returns the
// exit status. The first Ctrl-C or SIGTERM cancels the run, which stops at
// its next check and writes no --out file; a second one exits at once,
// for a run stuck where it cannot check (a blocking open).
func Main() int {
	// A run holds a compact record of every entry until it ends, and
	// little else. Go's default lets the heap grow to twice what is live
	// before it collects, which made the peak memory about twice the
	// records; half as much headroom costs a few per cent of CPU. After
	// the read a run is held to the memory it holds then (holdHeap).
	// GOGC and GOMEMLIMIT, when set, work as usual.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	holdMemory = true
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	ios := SystemStreams()
	go func() {
		<-sigs
		cancel()
		<-sigs
		removeTempFiles()
		fmt.Fprintln(ios.ErrOut, "promo: error: interrupted twice; stopped at once")
		os.Exit(exitInterrupted)
	}()
	return Run(ctx, os.Args[1:], ios)
}

// Run runs promo with the given arguments and streams and returns the exit
// status. Tests call it directly.
func Run(ctx context.Context, args []string, ios *IOStreams) int {
	root := NewRootCmd(ios)
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !isCommand(root, args[0]) {
		// before Cobra parses the root's flags, which would complain
		// about the misspelt command's -r instead
		return reportError(ios, unknownCommand(root, args[0]))
	}
	ran := markRuns(root)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err != nil && !*ran {
		// Cobra refused the command line before any command ran.
		err = cobraUsage{err}
	}
	return reportError(ios, err)
}

// markRuns wraps every command's RunE to record that one ran, so that an
// error from before that point is known to be Cobra's own usage error
// without reading its wording.
func markRuns(root *cobra.Command) *bool {
	ran := new(bool)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if run := c.RunE; run != nil {
			c.RunE = func(cmd *cobra.Command, args []string) error {
				*ran = true
				return run(cmd, args)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return ran
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
		// Cobra's own "unknown command" error runs over three lines with
		// an empty one; the root command says it in one, with a hint.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return unknownCommand(cmd, args[0])
		},
	}
	root.Version = versionLine()
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	f := &Factory{IOStreams: ios}
	addProfiling(root)
	addInputLimit(root, f)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if sep := separatorFlagError(err); sep != nil {
			return sep
		}
		return usageHint(err, "run '"+cmd.CommandPath()+" --help' for the flags")
	})
	root.AddCommand(
		NewCmdVersion(f, nil),
		NewCmdCount(f, nil),
		NewCmdValidate(f, nil),
		NewCmdRank(f, nil),
		NewCmdExplain(f, nil),
		NewCmdDraw(f, nil),
		NewCmdSplit(f, nil),
		NewCmdInit(f, nil),
		NewCmdRules(f),
		NewCmdReport(f, nil),
		NewCmdDiff(f, nil),
	)
	addHelp(root)
	addCompletions(root)
	return root
}

// isCommand reports whether name is one of root's commands, or one Cobra
// adds as it runs (help, completion and the completion hooks).
func isCommand(root *cobra.Command, name string) bool {
	switch name {
	case "help", "completion", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
		return true
	}
	for _, c := range root.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return true
		}
	}
	return false
}

// unknownCommand names the closest command, as Cobra would, in one line.
func unknownCommand(root *cobra.Command, name string) error {
	hint := "run 'promo --help' for the commands"
	if root.SuggestionsMinimumDistance <= 0 {
		root.SuggestionsMinimumDistance = 2 // Cobra's default, set only as it runs
	}
	if near := root.SuggestionsFor(name); len(near) > 0 {
		hint = "did you mean 'promo " + near[0] + "'?"
	}
	return usageHint(fmt.Errorf("unknown command %q", name), hint)
}

// reportError prints err (if any) and maps it to an exit status.
func reportError(ios *IOStreams, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, context.Canceled) {
		printError(ios, errors.New("interrupted; no --out file was written"), "")
		return exitInterrupted
	}
	var ex *exitError
	if errors.As(err, &ex) {
		if ex.err != nil {
			printError(ios, ex.err, ex.hint)
		}
		return ex.code
	}
	var cu cobraUsage
	if errors.As(err, &cu) {
		printError(ios, err, "run 'promo --help' for usage")
		return exitUsage
	}
	if isIOError(err) {
		printError(ios, err, "")
		return exitIO
	}
	printError(ios, err, "")
	return exitUsage
}

// printError writes one "promo: error:" line per line of the message, so a
// rule file's list of problems reads as a list and greps well.
func printError(ios *IOStreams, err error, hint string) {
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		printMessage(ios.ErrOut, "error", line)
	}
	if hint != "" {
		printMessage(ios.ErrOut, "hint", hint)
	}
}

// printMessage writes one "promo: KIND: MSG" line to stderr. The message
// is escaped for the terminal: it quotes file names, ids and settings, and
// a file name must not clear the screen or set the clipboard.
func printMessage(w io.Writer, kind, msg string) {
	fmt.Fprintf(w, "promo: %s: %s\n", kind, report.EscapeControl(msg))
}
