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

type reportOptions struct {
	judgeOptions
	Public bool
	Stamp  bool
	Seed   string
}

const formatHTML = "html"

func newReportCmd(ios *IOStreams) *cobra.Command {
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
	addJudgeFlags(cmd, "html")
	// The page is the only format; a config file's "output: json", meant
	// for the other commands, does not apply to it.
	out := cmd.Flags().Lookup("output")
	out.DefValue = formatHTML
	_ = out.Value.Set(formatHTML)
	cmd.Flags().Bool("public", false, "write the results page for the community: winners named, rejections counted")
	cmd.Flags().Bool("stamp", false, "show when the page was made (the page then differs run to run)")
	cmd.Flags().String("seed", "", "also run and show the lucky draw with this public seed")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		jo, v, err := readJudgeOptions(cmd, args)
		if err != nil {
			return err
		}
		if cmd.Flags().Changed("output") {
			if err := checkFormatFrom(jo.OutputSrc, jo.Output, formatHTML); err != nil {
				return err
			}
		}
		o := reportOptions{judgeOptions: jo, Public: v.GetBool("public"), Stamp: v.GetBool("stamp"), Seed: v.GetString("seed")}
		return reportRun(cmd.Context(), ios, o)
	}
	return cmd
}

func reportRun(ctx context.Context, ios *IOStreams, o reportOptions) error {
	res, err := judge(ctx, ios, o.judgeOptions, "")
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
	return strictCheck(o.judgeOptions, report.NewValidation(res).Summary)
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
