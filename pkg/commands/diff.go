package commands

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/promo-cli/promo/pkg/input"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/rerun"
	"github.com/spf13/cobra"
)

// DiffOptions are diff's settings.
type DiffOptions struct {
	IO               *IOStreams
	OldPath, NewPath string
	Output           string
	OutputSrc        string // where Output came from, for messages
	Out              string
	Quiet, NoColor   bool
}

// NewCmdDiff is promo diff.
func NewCmdDiff(f *Factory, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "diff OLD.json NEW.json",
		Short: "Compare two validate or rank JSON outputs of a campaign",
		Long: `Compare two runs of a campaign, as written by "promo validate -o json" or
"promo rank -o json": the entries added and removed, the verdicts that flipped
with the reason codes that appeared or went, ranks and rewards that changed,
and both runs' rules and inputs digests. Entries are matched by id. -o
markdown is ready to paste into an appeals thread.

Exit status:
  0  nothing changed (the digests may differ)
  1  something changed
  2  usage error, or a file that is not a promo JSON output`,
		Example: `  promo rank -r rules.yaml -o json --out monday.json export/
  promo rank -r rules.yaml -o json --out tuesday.json export/
  promo diff monday.json tuesday.json
  promo diff -o markdown monday.json tuesday.json`,
		Args: cobra.ExactArgs(2),
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", formatTable, "output format: table, json or markdown")
	fl.StringVar(&opts.Out, "out", "", "write the output to `file` (atomically) instead of stdout")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "print no summary on stderr")
	fl.BoolVar(&opts.NoColor, "no-color", false, "no colour (also NO_COLOR)")
	fl.String("config", "", "config `file` for tool settings (default: promo.yaml)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		s, err := loadSettings(cmd)
		if err != nil {
			return err
		}
		opts.OldPath, opts.NewPath, opts.OutputSrc = args[0], args[1], s.source("output")
		if err := checkFormatFrom(opts.OutputSrc, opts.Output, formatTable, formatJSON, formatMarkdown); err != nil {
			return err
		}
		if err := checkOutPath(opts.Out); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return diffRun(cmd.Context(), opts)
	}
	return cmd
}

func diffRun(ctx context.Context, o *DiffOptions) error {
	ios := o.IO
	old, err := readRun(o.OldPath)
	if err != nil {
		return err
	}
	cur, err := readRun(o.NewPath)
	if err != nil {
		return err
	}
	d := rerun.Compare(old, cur)
	err = writeOutput(ctx, ios, o.Out, o.Output, func(w io.Writer) error {
		switch o.Output {
		case formatJSON:
			return report.DiffJSON(w, d)
		case formatMarkdown:
			return report.DiffMarkdown(w, d)
		}
		return report.DiffTable(w, d, layout(ios, o.Out, o.NoColor))
	})
	if err != nil {
		return err
	}
	if !o.Quiet {
		report.DiffSummary(ios.ErrOut, d)
	}
	if d.Changed() {
		return &exitError{code: exitFindings}
	}
	return nil
}

func readRun(path string) (*rerun.Run, error) {
	f, err := input.Open(path) // regular files only: a pipe would block
	if err != nil {
		if !errors.Is(err, input.ErrNotRegular) { // that message names the path already
			err = fmt.Errorf("cannot read %s: %w", path, plainError(err))
		}
		return nil, usageHint(err, "name a JSON file written by promo validate -o json or promo rank -o json")
	}
	defer f.Close()
	run, err := rerun.Read(f, path)
	if err != nil {
		return nil, usageHint(err, "diff compares the outputs of promo validate -o json or promo rank -o json")
	}
	return run, nil
}
