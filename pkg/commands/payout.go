package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/wallet"
)

// The payout formats of rank -o: files for the batch-payment tools.
const (
	formatSafeCSV  = "safe-csv"
	formatDisperse = "disperse"
)

func isPayoutFormat(f string) bool { return f == formatSafeCSV || f == formatDisperse }

// checkPayoutRules refuses a payout file the tools could not use: they
// send tokens on EVM chains to wallet addresses.
func checkPayoutRules(format string, r report.Rewards, paid bool) error {
	switch {
	case !paid:
		return usageHint(fmt.Errorf("-o %s needs a rewards section in the rule file", format), "add rewards: {pool: …, winners: …, pay_to: wallet, chain: evm}")
	case r.PayTo != "wallet":
		return usageHint(fmt.Errorf("-o %s pays wallet addresses, but rewards.pay_to is %s", format, r.PayTo),
			"set rewards.pay_to: wallet and rewards.chain: evm, or pay by uid with -o csv --excel")
	case r.Chain != string(wallet.EVM):
		return usageHint(fmt.Errorf("-o %s is for EVM chains, but rewards.chain is %s", format, r.Chain),
			"pay other chains from -o csv --excel")
	}
	return nil
}

// writePayout writes a Safe or Disperse file and prints the reconciliation.
// A Safe payout of more than 400 rows goes, with --out, into numbered files
// (payout-1.csv, payout-2.csv, …) of at most 400 rows each, since the app
// takes no more in one file.
func writePayout(ctx context.Context, ios *IOStreams, o *JudgeOptions, s *report.Standings, paid bool) error {
	if err := checkPayoutRules(o.Output, s.Rewards, paid); err != nil {
		return err
	}
	p, err := report.NewPayout(s, true)
	if err != nil {
		return err
	}
	line, err := p.Reconcile()
	if err != nil {
		return err
	}
	render := report.Disperse
	chunks := []*report.Payout{p}
	if o.Output == formatSafeCSV {
		render = report.SafeCSV
		if o.Out != "" && o.Out != "-" {
			chunks = p.Chunks(report.MaxSafeRows)
		}
	}
	written, err := writeChunks(ctx, ios, o.Out, o.Output, chunks, render)
	if err != nil {
		return err
	}
	if !o.Quiet {
		fmt.Fprintf(ios.ErrOut, "promo: %s\n", line)
		if len(written) > 1 {
			fmt.Fprintf(ios.ErrOut, "promo: wrote %d files of at most %d rows: %s\n", len(written), report.MaxSafeRows, strings.Join(written, ", "))
		}
		if o.Output == formatSafeCSV && len(chunks) == 1 && len(p.Rows) > report.MaxSafeRows {
			fmt.Fprintf(ios.ErrOut, "promo: warning: %d rows: Safe's CSV Airdrop takes at most %d a file; --out FILE splits them\n", len(p.Rows), report.MaxSafeRows)
		}
	}
	return nil
}

func writeChunks(ctx context.Context, ios *IOStreams, out, format string, chunks []*report.Payout, render func(io.Writer, *report.Payout) error) ([]string, error) {
	var written []string
	for i, c := range chunks {
		path := out
		if len(chunks) > 1 {
			path = numbered(out, i+1)
		}
		if err := writeOutput(ctx, ios, path, format, func(w io.Writer) error { return render(w, c) }); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}

// numbered is path with -n before its extension: payout.csv → payout-2.csv.
func numbered(path string, n int) string {
	ext := filepath.Ext(path)
	return fmt.Sprintf("%s-%d%s", strings.TrimSuffix(path, ext), n, ext)
}

// writeExcel writes rank -o csv --excel and prints its reconciliation.
func writeExcel(ctx context.Context, ios *IOStreams, o *JudgeOptions, s *report.Standings, paid bool) error {
	if err := writeOutput(ctx, ios, o.Out, o.Output, func(w io.Writer) error { return report.StandingsExcel(w, s) }); err != nil {
		return err
	}
	if !paid || o.Quiet {
		return nil
	}
	p, err := report.NewPayout(s, false)
	if err != nil {
		return err
	}
	line, err := p.Reconcile()
	if err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "promo: %s\n", line)
	return nil
}

var errExcelFormat = errors.New("--excel goes with -o csv")
