package commands

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/draw"
	"github.com/promo-cli/promo/pkg/htmlreport"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/spf13/cobra"
)

// ReportOptions are report's settings.
type ReportOptions struct {
	JudgeOptions
	Public bool   // the results page for the community
	Stamp  bool   // show when the page was made
	Seed   string // also run the lucky draw with this seed
}

const formatHTML = "html"

// NewCmdReport is promo report.
func NewCmdReport(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{JudgeOptions: JudgeOptions{IO: f.IOStreams}}
	cmd := &cobra.Command{
		Use:   "report -r RULES EXPORT... --out report.html",
		Short: "Write one HTML page to review a campaign or publish its results",
		Long: `Judge the entries as rank does and write one self-contained HTML page: the
funnel from entries read to entries paid, the length and score
distributions, the winners and the payout, every entry with its
explanation and text, the near-duplicates side by side and the reused
screenshots. The page loads nothing from the network; the same inputs give
the same bytes (add --stamp to show when it was made).

--public writes the results page for the community instead: the rules, the
funnel counts, the winners and their payouts, and the rejected entries only
as counts per reason; no other author is named.

--seed adds the lucky draw, as 'promo draw --seed' runs it.` + exitStatusHelp,
		Example: `  promo report -r rules.yaml export/ --out report.html
  promo report -r rules.yaml --public export/ --out results.html
  promo report -r rules.yaml --seed "$BLOCK_HASH" export/ --out report.html`,
	}
	addJudgeFlags(cmd, &opts.JudgeOptions, "html")
	// The page is the only format; a config file's "output: json", meant
	// for the other commands, does not apply to it.
	out := cmd.Flags().Lookup("output")
	out.DefValue = formatHTML
	_ = out.Value.Set(formatHTML)
	cmd.Flags().BoolVar(&opts.Public, "public", false, "write the results page for the community: winners named, rejections counted")
	cmd.Flags().BoolVar(&opts.Stamp, "stamp", false, "show when the page was made (the page then differs run to run)")
	cmd.Flags().StringVar(&opts.Seed, "seed", "", "also run and show the lucky draw with this public seed")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if _, err := opts.finish(cmd, f, args); err != nil {
			return err
		}
		if cmd.Flags().Changed("output") {
			if err := checkFormatFrom(opts.OutputSrc, opts.Output, formatHTML); err != nil {
				return err
			}
		}
		if runF != nil {
			return runF(opts)
		}
		return reportRun(cmd.Context(), opts)
	}
	return cmd
}

func reportRun(ctx context.Context, o *ReportOptions) error {
	defer boundProcs(o.Workers)()
	ios := o.IO
	res, err := judge(ctx, &o.JudgeOptions, "")
	if err != nil {
		return err
	}
	st, err := res.Rank()
	if err != nil {
		return rulesError(err)
	}
	opt := htmlreport.Options{
		Public: o.Public, Version: version(),
		Run: campaign.Options{Workers: o.Workers, Encoding: o.Encoding},
	}
	if o.Stamp {
		opt.Stamp = time.Now().UTC().Format(time.RFC3339)
	}
	if o.Seed != "" {
		if opt.Draw, err = reportDraw(res, o.Seed); err != nil {
			return err
		}
	}
	page, err := htmlreport.Build(ctx, res, st, opt)
	if err != nil {
		return err
	}
	err = writeOutput(ctx, ios, o.Out, formatHTML, func(w io.Writer) error { return htmlreport.Write(w, page) })
	if err != nil {
		return err
	}
	return strictCheck(&o.JudgeOptions, report.NewValidation(res).Summary)
}

// reportDraw runs the draw as 'promo draw --seed' does, for the rules'
// number of winners.
func reportDraw(res *campaign.Result, seed string) (*htmlreport.Draw, error) {
	winners := res.Rules.Rewards.Winners
	if winners < 1 {
		return nil, usageHint(errors.New("--seed: no number of winners"), "pass --winners N or set rewards.winners in the rule file")
	}
	eligible := res.DrawEligible()
	ids := draw.IDs(eligible)
	d := &htmlreport.Draw{Seed: seed, Eligible: len(ids), EligibleDigest: draw.Digest(ids)}
	d.Winners, d.Alternates = draw.Choose(eligible, seed, winners, 0)
	return d, nil
}
