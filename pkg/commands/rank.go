package commands

import (
	"context"

	"github.com/promo-cli/promo/pkg/report"
	"github.com/spf13/cobra"
)

// RankOptions are rank's settings.
type RankOptions struct {
	JudgeOptions
	All   bool // list every valid entry, not only the paid ones
	Excel bool // -o csv for Excel
}

// NewCmdRank is promo rank.
func NewCmdRank(f *Factory, runF func(*RankOptions) error) *cobra.Command {
	opts := &RankOptions{JudgeOptions: JudgeOptions{IO: f.IOStreams}}
	cmd := &cobra.Command{
		Use:   "rank -r RULES EXPORT...",
		Short: "Score and rank the valid entries and split the pool",
		Long: `Validate every entry, score the valid ones, rank them and split the reward
pool among the winners. Prints the winners table; --all lists every valid
entry. "-o csv" is the payout file: rank,id,author,score,reward,token, with
amounts that add up to the pool exactly.` + exitStatusHelp,
		Example: `  promo rank -r rules.yaml export/
  promo rank -r rules.yaml -o csv --out payout.csv export/
  promo rank -r rules.yaml --winners 20 --pool 2500 export/`,
	}
	addJudgeFlags(cmd, &opts.JudgeOptions, "table, json, csv, markdown, safe-csv or disperse")
	cmd.Flags().BoolVar(&opts.All, "all", false, "list every valid entry, not only the paid ones")
	cmd.Flags().BoolVar(&opts.Excel, "excel", false, "with -o csv: a byte-order mark, CRLF and uid and wallet columns, for Excel")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if _, err := opts.finish(cmd, f, args); err != nil {
			return err
		}
		if err := checkFormatFrom(opts.OutputSrc, opts.Output, formatTable, formatJSON, formatCSV, formatMarkdown, formatSafeCSV, formatDisperse); err != nil {
			return err
		}
		if opts.Excel && opts.Output != formatCSV {
			return usageHint(errExcelFormat, "use -o csv --excel")
		}
		if runF != nil {
			return runF(opts)
		}
		return rankRun(cmd.Context(), opts)
	}
	return cmd
}

func rankRun(ctx context.Context, opts *RankOptions) error {
	defer boundProcs(opts.Workers)()
	o, ios := &opts.JudgeOptions, opts.IO
	o.holdOutput = true
	defer o.releaseMemory()
	res, err := judge(ctx, o, "")
	if err != nil {
		return err
	}
	st, err := res.Rank()
	if err != nil {
		return rulesError(err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s := report.NewStandings(res, st, opts.All || !st.Rewards || o.Output == formatJSON)
	switch {
	case isPayoutFormat(o.Output):
		if err := writePayout(ctx, ios, o, s, st.Rewards); err != nil {
			return err
		}
		return strictCheck(o, s.Summary)
	case opts.Excel:
		if err := writeExcel(ctx, ios, o, s, st.Rewards); err != nil {
			return err
		}
		return strictCheck(o, s.Summary)
	}
	if err := standingsRenderers.write(ctx, o, s); err != nil {
		return err
	}
	if o.Output == formatTable && !o.Quiet {
		report.SummaryText(ios.ErrOut, s.Summary)
		if st.Rewards {
			report.RewardsText(ios.ErrOut, s.Rewards)
		}
	}
	return strictCheck(o, s.Summary)
}

var standingsRenderers = renderers[*report.Standings]{
	json: report.StandingsJSON, csv: report.StandingsCSV, markdown: report.StandingsMarkdown, table: report.StandingsTable,
}
