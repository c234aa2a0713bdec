package report

import (
	"io"
)

// SafeCSV writes the file Safe's CSV Airdrop app reads:
// token_type,token_address,receiver,amount,id. The token is an ERC-20 when
// the rules name its contract, else the chain's native coin (with an empty
// token_address); id is for NFTs and stays empty. Amounts are in the
// token's own units (56.81), as the app expects. The app takes at most
// MaxSafeRows rows a file; Payout.Chunks splits a larger payout.
func SafeCSV(w io.Writer, p *Payout) error {
	kind := "native"
	if p.TokenAddress != "" {
		kind = "erc20"
	}
	rows := make([][]string, len(p.Rows))
	for i, r := range p.Rows {
		rows[i] = []string{kind, p.TokenAddress, r.Receiver, r.Amount, ""}
	}
	return writeCSV(w, []string{"token_type", "token_address", "receiver", "amount", "id"}, rows)
}
