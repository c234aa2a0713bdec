package commands

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/text"
	"github.com/spf13/cobra"
)

// ExplainOptions are explain's settings.
type ExplainOptions struct {
	JudgeOptions
	ID string // the entry's id or source (FILE:LINE or FILE:LINE:COL)
}

// NewCmdExplain is promo explain.
func NewCmdExplain(f *Factory, runF func(*ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{JudgeOptions: JudgeOptions{IO: f.IOStreams}}
	cmd := &cobra.Command{
		Use:   "explain -r RULES EXPORT... ID|FILE:LINE[:COL]",
		Short: "Show every check and score component of one entry",
		Long: `Explain one entry: every check with the measured value and the limit, near
misses of a required tag ("found without its closing #"), the post measured
in every length unit, every score component with its raw inputs, and the
entry's rank and reward. The last argument is the entry's id, or its source
as validate prints it (FILE:LINE, or FILE:LINE:COL for a record that is not
the first on its line), which picks one entry when several posts share an id.

Exit status:
  0  the entry was explained
  1  --strict and the entry explained is invalid or unreadable
  2  usage error, invalid rule file, no entry has that id (the closest are
     named), or several posts share it (their sources are named)
  3  no export could be read
  4  a file could not be read or written: the rule file, --out, standard output
  130  interrupted (Ctrl-C or SIGTERM); no --out file is written`,
		Example: `  promo explain -r rules.yaml export/ 0042
  promo explain -r rules.yaml -o json export/ 0042
  promo explain -r rules.yaml export/ export/posts.jsonl:12`,
	}
	addJudgeFlags(cmd, &opts.JudgeOptions, "table or json")
	cmd.ValidArgsFunction = completeExplain
	cmd.Flags().Lookup("strict").Usage = "exit 1 when the entry is invalid or unreadable"
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) < 2 {
			return usageHint(fmt.Errorf("explain needs the export and an entry id"), "promo explain -r RULES EXPORT... ID")
		}
		opts.ID = args[len(args)-1]
		if _, err := opts.finish(cmd, f, args[:len(args)-1]); err != nil {
			return err
		}
		if err := checkFormatFrom(opts.OutputSrc, opts.Output, formatTable, formatJSON); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return explainRun(cmd.Context(), opts)
	}
	return cmd
}

func explainRun(ctx context.Context, opts *ExplainOptions) error {
	defer boundProcs(opts.Workers)()
	o, ios, id := &opts.JudgeOptions, opts.IO, opts.ID
	res, err := judge(ctx, o, id)
	if err != nil {
		return err
	}
	matches := res.Find(id)
	if len(matches) == 0 {
		return unknownID(res, id)
	}
	if len(matches) > 1 {
		return ambiguousID(res, id, matches)
	}
	st, err := res.Rank()
	if err != nil {
		return rulesError(err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err = writeOutput(ctx, ios, o.Out, o.Output, func(w io.Writer) error {
		for k, i := range matches {
			x := res.Explain(i, res.KeptPost(i), st)
			if o.Output == formatJSON {
				if err := report.ExplanationJSON(w, x); err != nil {
					return err
				}
				continue
			}
			if k > 0 {
				io.WriteString(w, "\n")
			}
			if err := report.ExplanationText(w, x, layout(ios, o.Out, o.NoColor)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return strictEntry(o, res, matches)
}

// strictEntry fails the run under --strict when an explained entry is not
// valid; explain reports on that entry alone, so only it can fail the run.
func strictEntry(o *JudgeOptions, res *campaign.Result, matches []int) error {
	if !o.Strict {
		return nil
	}
	for _, i := range matches {
		if e := &res.Entries[i]; !e.Valid() {
			return findingsError(fmt.Sprintf("--strict: entry %s is invalid", e.ID))
		}
	}
	return nil
}

// ambiguousID is a usage error: several posts share the id, and explain
// will not pick one for the operator.
func ambiguousID(res *campaign.Result, id string, matches []int) error {
	// A few sources show the form a source takes; an export whose id
	// column is constant would otherwise put every post on one line.
	var sources []string
	for _, i := range matches[:min(len(matches), words.Shown)] {
		sources = append(sources, res.Entries[i].Source())
	}
	return usageHint(fmt.Errorf("%d different posts have id %q: %s", len(matches), id, words.SomeOf(sources, len(matches))),
		"name one by its source, e.g. promo explain ... "+sources[0])
}

// placeIn reads ref as a source, FILE:LINE or FILE:LINE:COL, of a file the
// run read: the file and the place in it in words ("line 3", "line 1,
// column 57").
func placeIn(res *campaign.Result, ref string) (file, place string, ok bool) {
	read := func(f string) bool {
		return slices.ContainsFunc(res.Entries, func(e check.Entry) bool { return e.File == f })
	}
	i := strings.LastIndex(ref, ":")
	if i <= 0 {
		return "", "", false
	}
	if read(ref[:i]) {
		return ref[:i], "line " + ref[i+1:], true
	}
	j := strings.LastIndex(ref[:i], ":")
	if j > 0 && read(ref[:j]) {
		return ref[:j], "line " + ref[j+1:i] + ", column " + ref[i+1:], true
	}
	return "", "", false
}

// unknownID is a usage error that names the closest ids, since an id
// typed from a screenshot is easily one character off.
func unknownID(res *campaign.Result, id string) error {
	if file, place, ok := placeIn(res, id); ok {
		return usageHint(fmt.Errorf("no entry starts at %s of %s", place, file),
			"'promo validate' lists every entry with its source")
	}
	ids := make([]string, 0, len(res.Entries))
	for i := range res.Entries {
		ids = append(ids, res.Entries[i].ID)
	}
	close := text.Suggest(id, ids, 3)
	hint := "'promo validate' lists every entry id"
	if len(close) > 0 {
		hint = "did you mean " + words.JoinOr(close) + "?"
	}
	return usageHint(fmt.Errorf("no entry has id %q (%d entries read)", id, len(ids)), hint)
}
