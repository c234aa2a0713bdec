package check

import (
	"github.com/promo-cli/promo/pkg/wallet"
)

// walletCheck reports no-wallet and bad-wallet when the pool is paid to
// wallets: an entry that cannot be paid safely must not win a place.
type walletCheck struct {
	chain wallet.Chain
}

func (c *walletCheck) Run(s *Subject, out []Reason) []Reason {
	addr := s.Post.Wallet
	if addr == "" {
		return append(out, Reason{Code: NoWallet, Limit: string(c.chain),
			Message: "no wallet address; the pool is paid to " + string(c.chain) + " wallets"})
	}
	a, err := wallet.Check(c.chain, addr)
	if err != nil {
		return append(out, Reason{Code: BadWallet, Measured: addr, Limit: string(c.chain),
			Message: "wallet " + addr + ": " + err.Error()})
	}
	out = passIf(s, out, NoWallet, "wallet address given", addr, string(c.chain))
	msg := "wallet is a valid " + string(c.chain) + " address"
	if a.Warning != "" {
		msg += " (" + a.Warning + ")"
	}
	return passIf(s, out, BadWallet, msg, addr, string(c.chain))
}
