package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/wallet"
	"github.com/shopspring/decimal"
)

// Payout is what a batch-payment tool is given: one row per receiver, the
// amounts of several paid entries to the same receiver added up, since a
// tool that sends one transfer per row would otherwise be handed
// duplicates to reconcile.
type Payout struct {
	Token, TokenAddress string
	Decimals            int
	Rows                []PayoutRow // in the order of each receiver's best rank
	Entries             int         // paid entries behind the rows
	Paid, Leftover      string      // from the split, to reconcile against
}

// PayoutRow is one transfer.
type PayoutRow struct {
	Receiver string
	Amount   string // exact, with at most Decimals places
	IDs      []string
}

// MaxSafeRows is the most rows Safe's CSV Airdrop app takes in one file.
const MaxSafeRows = 400

// NewPayout lists the paid places of s by receiver: the wallet when the
// pool is paid to wallets (EVM addresses written with their EIP-55
// checksum), the author otherwise. With merge, places paying the same
// receiver (the wallet compared in its normal form) are one row. Entries
// paid nothing are left out: the tools refuse zero amounts.
func NewPayout(s *Standings, merge bool) (*Payout, error) {
	r := s.Rewards
	p := &Payout{Token: r.Token, TokenAddress: r.TokenAddress, Decimals: r.Decimals, Paid: r.Paid, Leftover: r.Leftover}
	index := map[string]int{}
	var sums []decimal.Decimal
	for pl := range s.Places() {
		amount, ok, err := paidAmount(pl)
		if err != nil || !ok {
			if err != nil {
				return nil, err
			}
			continue
		}
		key, shown, err := receiver(r, pl)
		if err != nil {
			return nil, err
		}
		p.Entries++
		if !merge {
			key = strconv.Itoa(p.Entries)
		}
		i, seen := index[key]
		if !seen {
			i = len(p.Rows)
			index[key] = i
			p.Rows = append(p.Rows, PayoutRow{Receiver: shown})
			sums = append(sums, decimal.Zero)
		}
		sums[i] = sums[i].Add(amount)
		p.Rows[i].IDs = append(p.Rows[i].IDs, pl.ID)
	}
	for i := range p.Rows {
		p.Rows[i].Amount = sums[i].StringFixed(int32(r.Decimals))
	}
	return p, nil
}

func paidAmount(pl Place) (decimal.Decimal, bool, error) {
	if pl.Reward == "" {
		return decimal.Zero, false, nil
	}
	d, err := decimal.NewFromString(pl.Reward)
	if err != nil {
		return decimal.Zero, false, fmt.Errorf("entry %s: reward %q is not an amount", pl.ID, pl.Reward)
	}
	return d, d.IsPositive(), nil
}

// receiver is who a place pays: the key rows merge on, and the text shown.
func receiver(r Rewards, pl Place) (key, shown string, err error) {
	if r.PayTo != "wallet" {
		return "uid\x00" + pl.Author, pl.Author, nil
	}
	a, err := wallet.Check(wallet.Chain(r.Chain), pl.Wallet)
	if err != nil {
		// Only an entry accepted against its checks gets here; no tool
		// must be handed an address known to be wrong.
		return "", "", fmt.Errorf("entry %s is paid but its wallet %q is not a valid %s address: %v", pl.ID, pl.Wallet, r.Chain, err)
	}
	shown = strings.TrimSpace(pl.Wallet)
	if wallet.Chain(r.Chain) == wallet.EVM {
		shown = wallet.ChecksumEVM(strings.TrimPrefix(a.Normal, "0x"))
	}
	return a.Normal, shown, nil
}

// Chunks splits the rows into payouts of at most n rows each, for tools
// that limit a file's size.
func (p *Payout) Chunks(n int) []*Payout {
	var out []*Payout
	for rows := range slices.Chunk(p.Rows, n) {
		c := *p
		c.Rows = rows
		out = append(out, &c)
	}
	if len(out) == 0 {
		out = append(out, p)
	}
	return out
}

// Reconcile adds the rows up and checks the total is what the split paid:
// the line an operator reads before sending money.
func (p *Payout) Reconcile() (string, error) {
	sum := decimal.Zero
	for _, r := range p.Rows {
		d, err := decimal.NewFromString(r.Amount)
		if err != nil {
			return "", fmt.Errorf("row %s: amount %q is not a number", r.Receiver, r.Amount)
		}
		sum = sum.Add(d)
	}
	total := sum.StringFixed(int32(p.Decimals))
	line := fmt.Sprintf("payout: %d %s for %d paid %s, Σ amount %s = paid %s, leftover %s",
		len(p.Rows), words.Plural(len(p.Rows), "row", "rows"), p.Entries, words.Plural(p.Entries, "entry", "entries"),
		total, p.Paid, p.Leftover)
	if p.Token != "" {
		line += " " + p.Token
	}
	if paid, err := decimal.NewFromString(p.Paid); err != nil || !paid.Equal(sum) {
		return line, fmt.Errorf("the payout rows add up to %s but the split paid %s", total, p.Paid)
	}
	return line, nil
}
