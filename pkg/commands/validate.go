package commands

import (
	"context"

	"github.com/promo-cli/promo/pkg/report"
	"github.com/spf13/cobra"
)

// ValidateOptions are validate's settings.
type ValidateOptions struct {
	JudgeOptions
}

// NewCmdValidate is promo validate.
func NewCmdValidate(f *Factory, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{JudgeOptions{IO: f.IOStreams}}
	cmd := &cobra.Command{
		Use:   "validate -r RULES EXPORT...",
		Short: "Check every entry and say why each invalid one is invalid",
		Long: `Check every entry of the exports against the rule file and print a verdict
per entry with its reason codes, then a summary.

Each EXPORT is a file or a folder walked recursively (.jsonl, .ndjson, .json,
.csv, .tsv, .txt, .md). A record that cannot be read becomes an entry with
reason "unreadable"; nothing is dropped.` + exitStatusHelp,
		Example: `  promo validate -r rules.yaml export/
  promo validate -r rules.yaml -o json --out verdicts.json export/
  promo validate -r rules.yaml --strict export/  # exit 1 if any is invalid`,
	}
	addJudgeFlags(cmd, &opts.JudgeOptions, "table, json, csv or markdown")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if _, err := opts.finish(cmd, f, args); err != nil {
			return err
		}
		if err := checkFormatFrom(opts.OutputSrc, opts.Output, formatTable, formatJSON, formatCSV, formatMarkdown); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return validateRun(cmd.Context(), opts)
	}
	return cmd
}

// exitStatusHelp ends the help of the commands that judge an export; the
// others say their own.
const exitStatusHelp = `

Exit status:
  0  the command ran (invalid entries are findings, not failures)
  1  --strict and at least one entry invalid or unreadable
  2  usage error or invalid rule file
  3  no export could be read
  4  a file could not be read or written: the rule file, --out, standard output
  130  interrupted (Ctrl-C or SIGTERM); no --out file is written`

func validateRun(ctx context.Context, opts *ValidateOptions) error {
	defer boundProcs(opts.Workers)()
	o := &opts.JudgeOptions
	o.holdOutput = true
	defer o.releaseMemory()
	res, err := judge(ctx, o, "")
	if err != nil {
		return err
	}
	v := report.NewValidation(res)
	if err := validationRenderers.write(ctx, o, v); err != nil {
		return err
	}
	if o.Output == formatTable && !o.Quiet {
		report.SummaryText(o.IO.ErrOut, v.Summary)
	}
	return strictCheck(o, v.Summary)
}

var validationRenderers = renderers[*report.Validation]{
	json: report.ValidationJSON, csv: report.ValidationCSV, markdown: report.ValidationMarkdown, table: report.ValidationTable,
}
