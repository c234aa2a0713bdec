package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/promo-cli/promo/pkg/input"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/reward"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"
)

// SplitOptions are split's settings.
type SplitOptions struct {
	IO                                                   *IOStreams
	Pool, Token, Mode, Tiers, Scores, Ties, MaxPerWinner string
	Winners, Decimals                                    int
	Output, Out                                          string
	OutputSrc                                            string          // where Output came from, for messages
	RulesPath                                            string          // -r: the split's defaults come from its rewards section
	MaxInput                                             int64           // size limit of the rule file and --scores @FILE or @-
	Unfilled                                             reward.Unfilled // from -r; "": the mode's default
	// Given reports whether a flag was given on the command line, which
	// then beats the rule file's value.
	Given func(flag string) bool
}

// NewCmdSplit is promo split.
func NewCmdSplit(f *Factory, runF func(*SplitOptions) error) *cobra.Command {
	opts := &SplitOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "split --pool AMOUNT --winners N [flags]",
		Short: "Split a reward pool exactly, without posts",
		Long: `Split a reward pool among winners in exact decimals: every amount is floored
to --decimals places and the leftover smallest units go one each to the best
ranks, so equal and proportional splits pay exactly the pool. Tiered splits
pay the table and report what is left over.

--scores gives one score per winner, best first (equal scores are a tie and
share the places they occupy); "@FILE" reads one score a line.

-r RULES takes the split from the rule file's rewards section (pool, token,
decimals, winners, split, tiers, ties, max_per_winner, unfilled); a flag
given as well overrides its value. A rule file that still holds
placeholders from promo init is warned about on stderr.

Exit status:
  0  the split was made
  2  usage error: a bad pool, count, table or score list
  4  --scores @FILE, --out or standard output could not be read or written
  130  interrupted (Ctrl-C or SIGTERM); no --out file is written`,
		Example: `  promo split --pool 100 --winners 3
  promo split --pool 1250 --token ES --winners 10 \
    --mode tiered --tiers "1:300,2-3:150,4-10:92.85"
  promo split --pool 1000 --winners 3 --mode proportional --scores 90,85.5,70
  promo split -r rules.yaml --scores 90,85.5`,
		Args: cobra.NoArgs,
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Pool, "pool", "", "amount to share, e.g. 1250")
	fl.StringVar(&opts.Token, "token", "", "token or currency name, e.g. ES")
	fl.IntVar(&opts.Winners, "winners", 0, "number of winners")
	fl.IntVar(&opts.Decimals, "decimals", 2, "decimal places paid (0–18)")
	fl.StringVar(&opts.Mode, "mode", "equal", "equal, tiered or proportional")
	fl.StringVar(&opts.Tiers, "tiers", "", `amount per rank for --mode tiered, e.g. "1:300,2-3:150,4-10:92.85"`)
	fl.StringVar(&opts.Scores, "scores", "", "scores in rank order, e.g. 90,85.5,70, or @FILE with one a line")
	fl.StringVar(&opts.Ties, "ties", "share", "equal scores: share the places they occupy, or earliest (the given order)")
	fl.StringVar(&opts.MaxPerWinner, "max-per-winner", "", "cap per winner; the excess goes to the others")
	fl.StringVarP(&opts.Output, "output", "o", formatTable, "output format: table, json or csv")
	fl.StringVar(&opts.Out, "out", "", "write the output to `file` (atomically)")
	fl.String("config", "", "config `file` for tool settings")
	fl.StringVarP(&opts.RulesPath, "rules", "r", "", "take the split from this rule `file`'s rewards section; flags override it")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		s, err := loadSettings(cmd)
		if err != nil {
			return err
		}
		if err := checkAmountFlags(cmd); err != nil {
			return err
		}
		s.announce("out")
		opts.OutputSrc, opts.Given = s.source("output"), cmd.Flags().Changed
		if opts.MaxInput, err = f.MaxInput(); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return splitRun(cmd.Context(), opts)
	}
	return cmd
}

// splitFromRules fills the options the user did not set from the rule
// file's rewards section.
func splitFromRules(o *SplitOptions) error {
	path, set := o.RulesPath, o.Given
	r, err := loadRules(path, o.MaxInput, rules.Overrides{})
	if err != nil {
		return err
	}
	warnPlaceholders(o.IO, r)
	rw := r.Rewards
	if rw.Winners == 0 && !set("winners") {
		return usageHint(fmt.Errorf("%s has no rewards section", path), "add one, or pass --pool and --winners")
	}
	tiers := make([]string, len(rw.Tiers))
	for i, t := range rw.Tiers {
		tiers[i] = reward.Tier{From: t.From, To: t.To, Amount: t.Amount}.String()
	}
	from := []struct {
		flag string
		dst  *string
		val  string
	}{
		{"pool", &o.Pool, rw.Pool.String()}, {"token", &o.Token, rw.Token}, {"mode", &o.Mode, rw.Split},
		{"tiers", &o.Tiers, strings.Join(tiers, ",")}, {"ties", &o.Ties, rw.Ties},
	}
	for _, f := range from {
		if !set(f.flag) {
			*f.dst = f.val
		}
	}
	if !set("max-per-winner") && rw.MaxPerWinner.IsPositive() {
		o.MaxPerWinner = rw.MaxPerWinner.String()
	}
	if !set("winners") {
		o.Winners = rw.Winners
	}
	if !set("decimals") {
		o.Decimals = rw.Decimals
	}
	o.Unfilled = reward.Unfilled(rw.Unfilled)
	return nil
}

func splitRun(ctx context.Context, o *SplitOptions) error {
	ios := o.IO
	if o.RulesPath != "" {
		if err := splitFromRules(o); err != nil {
			return err
		}
	}
	if err := checkFormatFrom(o.OutputSrc, o.Output, formatTable, formatJSON, formatCSV); err != nil {
		return err
	}
	if err := checkOutPath(o.Out); err != nil {
		return err
	}
	if name, ok := strings.CutPrefix(o.Scores, "@"); ok && o.Out != "" && sameFile(name, o.Out) {
		return usageHint(fmt.Errorf("--out %s is the --scores file, which this run reads", o.Out), "write the output to another path")
	}
	plan, err := splitPlan(o)
	if err != nil {
		return err
	}
	res, err := splitPay(ios, plan, o.Scores, o.MaxInput)
	if err != nil {
		return err
	}
	s := report.NewSplit(plan, res, o.Token)
	err = writeOutput(ctx, ios, o.Out, o.Output, func(w io.Writer) error {
		switch o.Output {
		case formatJSON:
			return report.SplitJSON(w, s)
		case formatCSV:
			return report.SplitCSV(w, s)
		}
		return report.SplitTable(w, s, layout(ios, o.Out, false))
	})
	if err == nil && o.Output == formatTable {
		report.RewardsText(ios.ErrOut, report.Rewards{Pool: s.Pool, Token: o.Token, Paid: s.Paid, Leftover: s.Leftover})
	}
	return err
}

func splitPlan(o *SplitOptions) (reward.Plan, error) {
	if o.Pool == "" {
		return reward.Plan{}, usageHint(errors.New("no --pool"), "pass the amount to share, e.g. --pool 1250")
	}
	pool, err := reward.ParseAmount(o.Pool)
	if err != nil {
		return reward.Plan{}, usageErrorf("--pool: %w", err)
	}
	if o.Winners == 0 {
		return reward.Plan{}, usageHint(errors.New("no --winners"), "pass the number of places paid, e.g. --winners 10")
	}
	// the rule file's limit, so a split tried here also works in rewards.decimals
	if o.Decimals < 0 || o.Decimals > 18 {
		return reward.Plan{}, usageErrorf("--decimals must be between 0 and 18, got %d", o.Decimals)
	}
	plan := reward.Plan{Pool: pool, Decimals: int32(o.Decimals), Winners: o.Winners, Mode: reward.Mode(o.Mode), Ties: reward.Ties(o.Ties), Unfilled: o.Unfilled}
	if o.Tiers != "" {
		if plan.Tiers, err = reward.ParseTiers(o.Tiers); err != nil {
			return plan, usageErrorf("--tiers: %w", err)
		}
	}
	if o.MaxPerWinner != "" {
		if plan.MaxPerWinner, err = reward.ParseAmount(o.MaxPerWinner); err != nil {
			return plan, usageErrorf("--max-per-winner: %w", err)
		}
	}
	if err := plan.Validate(); err != nil {
		return plan, usageErrorf("%w", err)
	}
	return plan, nil
}

func splitPay(ios *IOStreams, plan reward.Plan, scoresFlag string, max int64) (reward.Result, error) {
	if scoresFlag == "" {
		res, err := reward.SplitPlaces(plan)
		if err != nil {
			return res, usageErrorf("%w", err)
		}
		return res, nil
	}
	scores, err := readScores(ios, scoresFlag, max)
	if err != nil {
		return reward.Result{}, err
	}
	if err := reward.CheckScoreCount(len(scores), plan.Winners); err != nil {
		return reward.Result{}, usageErrorf("%w", err)
	}
	res, err := reward.Split(plan, scores)
	if err != nil {
		return res, usageErrorf("%w", err)
	}
	return res, nil
}

func readScores(ios *IOStreams, flag string, max int64) ([]decimal.Decimal, error) {
	name, isFile := strings.CutPrefix(flag, "@")
	if !isFile {
		s, err := reward.ParseScores(flag)
		if err != nil {
			return nil, usageErrorf("--scores: %w", err)
		}
		return s, nil
	}
	// Read as every text input is: a regular file (or standard input), up
	// to --max-input bytes, its encoding detected.
	var t input.Text
	var err error
	if name == "-" {
		t, err = input.ReadAll(ios.In, "standard input", input.Options{MaxSize: max})
	} else {
		t, err = input.ReadFile(name, input.Options{MaxSize: max})
	}
	if err != nil {
		return nil, readError(fmt.Errorf("--scores: %w", err))
	}
	s, err := reward.ReadScores(strings.NewReader(t.Text), name)
	if err != nil {
		return nil, usageErrorf("--scores: %w", err)
	}
	return s, nil
}
