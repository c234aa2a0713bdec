package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/input"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/spf13/cobra"
)

// JudgeOptions are the settings shared by the commands that judge an
// export: validate, rank, explain, draw and report.
type JudgeOptions struct {
	IO        *IOStreams
	RulesPath string
	Paths     []string
	Output    string
	OutputSrc string // where Output came from, for messages
	Out       string
	Strict    bool
	Encoding  string
	MaxRecord int
	Workers   int
	Quiet     bool
	NoColor   bool
	Overrides rules.Overrides
	MaxInput  int64 // --max-input: size limit of the rule file, brief and judges sheet
	Verbose   bool  // print how each export file was read
	// Decisions is the --overrides file of manual decisions (not to be
	// confused with Overrides, the rule values set by flags).
	Decisions string

	// the flags decoded into MaxRecord and Overrides
	maxRecord, pool    string
	winners, minLength int

	// holdOutput keeps the memory held after the read (holdHeap) over the
	// writing of the output, until releaseMemory: for the commands whose
	// output is written from the judged entries with little memory more.
	holdOutput bool
	release    func()
}

// releaseMemory ends what holdOutput kept held.
func (o *JudgeOptions) releaseMemory() {
	if o.release != nil {
		o.release()
		o.release = nil
	}
}

// addJudgeFlags declares the flags every judging command takes, bound to o.
func addJudgeFlags(cmd *cobra.Command, o *JudgeOptions, formats string) {
	f := cmd.Flags()
	f.StringVarP(&o.RulesPath, "rules", "r", "", "campaign rule `file` (YAML or JSON)")
	f.StringVarP(&o.Output, "output", "o", formatTable, "output format: "+formats)
	f.StringVar(&o.Out, "out", "", "write the output to `file` (atomically) instead of stdout")
	f.BoolVar(&o.Strict, "strict", false, "exit 1 when any entry is invalid or unreadable")
	f.StringVar(&o.Encoding, "encoding", "", "encoding of export files that have no BOM and are not valid UTF-8: auto, utf-8, utf-16, gbk, gb18030, big5 (default: the rule file's export.encoding, auto)")
	f.StringVar(&o.maxRecord, "max-record", "1MiB", "a record larger than `size` is unreadable rather than read (e.g. 4MiB)")
	f.IntVar(&o.Workers, "workers", 0, "use at most `N` CPUs, and read up to N files at once (default: every CPU)")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "print no notes, warnings, progress or summary on stderr")
	f.BoolVar(&o.NoColor, "no-color", false, "no colour (also NO_COLOR)")
	f.String("config", "", "config `file` for tool settings (default: promo.yaml)")
	f.IntVar(&o.winners, "winners", 0, "override rewards.winners for this run")
	f.StringVar(&o.pool, "pool", "", "override rewards.pool for this run")
	f.IntVar(&o.minLength, "min-length", 0, "override length.min for this run")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "print for each export file its encoding and which column fills which field")
	f.StringVar(&o.Decisions, "overrides", "", "CSV `file` of manual decisions (id,decision,reason,by), in place of the rule file's review.overrides")
}

// finish decodes the settings into o, checks them and works out the
// values derived from them; paths are the exports named.
func (o *JudgeOptions) finish(cmd *cobra.Command, f *Factory, paths []string) (*settings, error) {
	s, err := loadSettings(cmd)
	if err != nil {
		return nil, err
	}
	if err := checkAmountFlags(cmd); err != nil {
		return nil, err
	}
	o.Paths, o.OutputSrc = paths, s.source("output")
	if o.RulesPath == "" {
		return nil, usageHint(errors.New("no rule file"), "pass -r RULES.yaml; 'promo init' writes one")
	}
	if len(o.Paths) == 0 {
		return nil, usageHint(errors.New("no export given"), "name the exported files or folders after the flags")
	}
	if o.Workers < 0 {
		return nil, usageErrorf("--workers must be 0 (every CPU) or more, got %d%s", o.Workers, s.from("workers"))
	}
	if o.Encoding != "" {
		if err := export.CheckEncoding(o.Encoding); err != nil {
			return nil, usageErrorf("--encoding: %w", err)
		}
	}
	if o.MaxRecord, err = parseMaxRecord(o.maxRecord); err != nil {
		return nil, err
	}
	if err := checkOutPath(o.Out); err != nil {
		return nil, err
	}
	s.announce("out")
	s.announce("rules")
	o.Overrides = o.overrides(cmd)
	if o.MaxInput, err = f.MaxInput(); err != nil {
		return nil, err
	}
	return s, nil
}

// overrides takes only the rule values given on the command line, so a
// default of 0 never overrides the rule file (and campaign values never
// come from the environment or the config file; see campaignSettings).
func (o *JudgeOptions) overrides(cmd *cobra.Command) rules.Overrides {
	var r rules.Overrides
	if cmd.Flags().Changed("winners") {
		r.Winners = &o.winners
	}
	if cmd.Flags().Changed("pool") {
		r.Pool = &o.pool
	}
	if cmd.Flags().Changed("min-length") {
		r.MinLength = &o.minLength
	}
	return r
}

// loadRules reads the rule file and applies the run's overrides; any
// problem is a usage error (exit 2) listing every file:line found.
func loadRules(path string, max int64, o rules.Overrides) (*rules.Rules, error) {
	if err := checkReadable("the rule file", path); err != nil {
		return nil, err
	}
	r, err := rules.LoadMax(path, max)
	if err != nil {
		return nil, rulesError(err)
	}
	if err := r.Apply(o); err != nil {
		return nil, rulesError(err)
	}
	return r, nil
}

// checkReadable makes an input that is not there an I/O failure (exit 4)
// rather than an invalid rule file.
func checkReadable(what, path string) error {
	if _, err := os.Stat(path); err != nil {
		return &exitError{code: exitIO, err: fmt.Errorf("cannot read %s %s: %w", what, path, plainError(err)),
			hint: "check the path (-r/--rules, or the argument of rules check)"}
	}
	return nil
}

func rulesError(err error) error {
	return &exitError{code: exitUsage, err: err, hint: "'promo rules check FILE' lists every problem; 'promo rules schema' prints the schema"}
}

// evaluate runs the pipeline with a progress line on a terminal.
func evaluate(ctx context.Context, r *rules.Rules, o *JudgeOptions, keep string) (*campaign.Result, error) {
	if err := checkNotInput("--out", o.Out, r, o.Paths); err != nil {
		return nil, err
	}
	ios := o.IO
	if !o.Quiet {
		warnPlaceholders(ios, r)
	}
	opt := campaign.Options{
		Workers: o.Workers, Encoding: o.Encoding, MaxRecord: o.MaxRecord, Keep: keep, Overrides: o.Decisions,
		AfterRead: afterRead(), HoldGC: holdGC(),
	}
	if opt.AfterRead != nil {
		opt.AfterCross = collectSignatures
	}
	if hold := opt.AfterRead; hold != nil && o.holdOutput {
		opt.AfterRead = func() func() {
			o.release = hold()
			return func() {}
		}
	}
	var p *progress
	if ios.ErrTTY && !o.Quiet {
		p = newProgress(ios.ErrOut, ios.ProgressDelay)
		opt.Progress = p.update
	}
	res, err := campaign.Evaluate(ctx, r, o.Paths, opt)
	if p != nil {
		p.done() // before any note or error, which would run on after it
	}
	if errors.Is(err, campaign.ErrNoInput) {
		return nil, noInputError(err)
	}
	if uo := (*campaign.UnknownOverrideError)(nil); errors.As(err, &uo) {
		return nil, unknownOverrides(uo)
	}
	if err != nil {
		return nil, err
	}
	if !o.Quiet {
		for _, s := range res.Skipped {
			printMessage(ios.ErrOut, "note", s)
		}
		for _, w := range res.Warnings {
			printMessage(ios.ErrOut, "warning", w)
		}
		if o.Verbose {
			printReports(ios.ErrOut, res.Reports)
		}
	}
	return res, nil
}

// strictCheck fails the run under --strict when an entry is not valid.
func strictCheck(o *JudgeOptions, s report.Summary) error {
	if !o.Strict || s.Valid == s.Entries {
		return nil
	}
	return findingsError(fmt.Sprintf("--strict: %d of %d entries are invalid or unreadable", s.Entries-s.Valid, s.Entries))
}

// judge loads the rules and runs the pipeline: what every judging command
// does first.
func judge(ctx context.Context, o *JudgeOptions, keep string) (*campaign.Result, error) {
	r, err := loadRules(o.RulesPath, o.MaxInput, o.Overrides)
	if err != nil {
		return nil, err
	}
	return evaluate(ctx, r, o, keep)
}

// renderers are one report's writers, one per -o format.
type renderers[T any] struct {
	json, csv, markdown func(io.Writer, T) error
	table               func(io.Writer, T, report.Layout) error
}

// write renders v in the format asked for; the table is padded only for a
// terminal.
func (r renderers[T]) write(ctx context.Context, o *JudgeOptions, v T) error {
	ios := o.IO
	return writeOutput(ctx, ios, o.Out, o.Output, func(w io.Writer) error {
		switch o.Output {
		case formatJSON:
			return r.json(w, v)
		case formatCSV:
			return r.csv(w, v)
		case formatMarkdown:
			return r.markdown(w, v)
		}
		return r.table(w, v, layout(ios, o.Out, o.NoColor))
	})
}

// parseMaxRecord reads --max-record, which is at most
// export.MaxRecordLimit.
func parseMaxRecord(s string) (int, error) {
	n, err := input.ParseSize(s)
	if err != nil {
		return 0, usageErrorf("--max-record: %v", err)
	}
	if n > export.MaxRecordLimit {
		return 0, usageErrorf("--max-record: %s is more than promo reads as one record; write at most %s",
			s, input.FormatSize(export.MaxRecordLimit))
	}
	return int(n), nil
}
