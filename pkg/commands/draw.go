package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/promo-cli/promo/pkg/draw"
	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/spf13/cobra"
)

// DrawOptions are draw's settings.
type DrawOptions struct {
	JudgeOptions
	Seed         string
	Alternates   int
	Commit       bool // print only the eligible count and digest
	ExpectDigest string
	List         string // also write the eligible ids to this file
}

// NewCmdDraw is promo draw.
func NewCmdDraw(f *Factory, runF func(*DrawOptions) error) *cobra.Command {
	opts := &DrawOptions{JudgeOptions: JudgeOptions{IO: f.IOStreams}}
	cmd := &cobra.Command{
		Use:   "draw -r RULES --seed SEED [--winners N] EXPORT...",
		Short: "Run a lucky draw among the eligible entries that anyone can re-run",
		Long: `Draw winners among the eligible entries: the valid entries, one per author
(the author's earliest), sorted by id. Picks come from SHA-256 of "SEED:k"
with rejection sampling, so anyone can re-run the draw with sha256sum and
arithmetic (docs/draw.md).

Publish "promo draw --commit" (the eligible count and digest) before the
seed is known; --expect-digest refuses to draw when the eligible list is
not the committed one.

Exit status:
  0  the draw was made (or, with --commit, the list committed)
  1  --expect-digest and the eligible list is not the committed one, or
     --strict and at least one entry invalid or unreadable
  2  usage error or invalid rule file
  3  no export could be read
  4  a file could not be read or written: the rule file, --out, standard output
  130  interrupted (Ctrl-C or SIGTERM); no --out file is written`,
		Example: `  promo draw -r rules.yaml --commit export/
  promo draw -r rules.yaml --seed "$BLOCK_HASH" --winners 20 --alternates 5 \
      --expect-digest sha256:… export/`,
	}
	addJudgeFlags(cmd, &opts.JudgeOptions, "table or json")
	fl := cmd.Flags()
	fl.StringVar(&opts.Seed, "seed", "", "the public seed, e.g. a future block hash")
	fl.IntVar(&opts.Alternates, "alternates", 0, "also pick `M` alternates, continuing the same stream")
	fl.BoolVar(&opts.Commit, "commit", false, "print only the eligible count and digest, to publish before the seed")
	fl.StringVar(&opts.ExpectDigest, "expect-digest", "", "refuse (exit 1) unless the eligible list has this digest")
	fl.StringVar(&opts.List, "list", "", "also write the eligible ids to `file`, exactly the bytes the digest hashes (sha256sum FILE shows it)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		s, err := opts.finish(cmd, f, args)
		if err != nil {
			return err
		}
		s.announce("list")
		if err := checkDrawOptions(opts); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return drawRun(cmd.Context(), opts)
	}
	return cmd
}

func checkDrawOptions(o *DrawOptions) error {
	if err := checkFormatFrom(o.OutputSrc, o.Output, formatTable, formatJSON); err != nil {
		return err
	}
	if o.Seed == "" && !o.Commit {
		return usageHint(errors.New("no --seed"), "pass a public seed chosen after the commit, or --commit to publish the eligible list first")
	}
	if err := checkWritable("--list", o.List); err != nil {
		return err
	}
	if err := checkDigestForm(o.ExpectDigest); err != nil {
		return err
	}
	if o.Alternates < 0 {
		return usageErrorf("--alternates must be 0 or more, got %d", o.Alternates)
	}
	if o.Overrides.Winners != nil && *o.Overrides.Winners < 1 {
		return usageErrorf("--winners must be at least 1, got %d", *o.Overrides.Winners)
	}
	return nil
}

// checkDigestForm rejects a malformed --expect-digest before the export is
// read: a typo is a usage error, not a changed eligible list.
func checkDigestForm(digest string) error {
	if digest == "" {
		return nil
	}
	var changed *draw.CommitMismatch
	if err := draw.CheckCommit(digest, -1, nil); err != nil && !errors.As(err, &changed) {
		return usageErrorf("--expect-digest: %w", err)
	}
	return nil
}

func drawRun(ctx context.Context, o *DrawOptions) error {
	defer boundProcs(o.Workers)()
	ios := o.IO
	winnersFlag := o.Overrides.Winners
	ruleOverrides := o.Overrides
	ruleOverrides.Winners = nil // the draw's winners need not fit the reward tiers
	r, err := loadRules(o.RulesPath, o.MaxInput, ruleOverrides)
	if err != nil {
		return err
	}
	if err := checkNotInput("--list", o.List, r, o.Paths); err != nil {
		return err
	}
	if o.List != "" && o.Out != "" && sameFile(o.List, o.Out) {
		return usageErrorf("--list and --out name the same file %s", o.List)
	}
	res, err := evaluate(ctx, r, &o.JudgeOptions, "")
	if err != nil {
		return err
	}
	eligible := res.DrawEligible()
	if o.ExpectDigest != "" {
		if err := draw.CheckCommit(o.ExpectDigest, -1, draw.IDs(eligible)); err != nil {
			return &exitError{code: exitFindings, err: err, hint: "the eligible entries differ from the committed list; re-run validate to see which"}
		}
	}
	if o.List != "" {
		if err := writeEligibleList(ctx, o.List, draw.IDs(eligible)); err != nil {
			return err
		}
	}
	winners := r.Rewards.Winners
	if winnersFlag != nil {
		winners = *winnersFlag
	}
	if winners < 1 && !o.Commit {
		return usageHint(errors.New("no number of winners"), "pass --winners N or set rewards.winners in the rule file")
	}
	d := report.NewDraw(eligible, o.Seed, winners, o.Alternates, o.Commit)
	if n := d.Unfilled(); n > 0 && !o.Quiet {
		fmt.Fprintf(ios.ErrOut, "promo: warning: drew %d of the %d winners asked: only %d %s eligible\n", len(d.Winners), winners, len(eligible), words.Plural(len(eligible), "entry is", "entries are"))
	}
	err = writeOutput(ctx, ios, o.Out, o.Output, func(w io.Writer) error {
		if o.Output == formatJSON {
			return report.DrawJSON(w, d)
		}
		return report.DrawText(w, d, layout(ios, o.Out, o.NoColor))
	})
	if err != nil || !o.Strict {
		return err
	}
	return strictCheck(&o.JudgeOptions, report.NewValidation(res).Summary)
}

// writeEligibleList publishes the eligible ids as the digest sees them:
// joined by newlines, with no newline after the last, so anyone can check
// the committed digest with sha256sum and read who was in the draw.
func writeEligibleList(ctx context.Context, path string, ids []string) error {
	return writeFile(ctx, path, func(w io.Writer) error {
		_, err := io.WriteString(w, strings.Join(ids, "\n"))
		return err
	})
}
