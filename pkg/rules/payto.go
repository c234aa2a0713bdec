package rules

import (
	"github.com/promo-cli/promo/pkg/wallet"
)

// The values of rewards.pay_to.
const (
	PayToUID    = "uid"
	PayToWallet = "wallet"
)

// PaysWallets reports whether entries are paid at the wallet they give,
// so their addresses are checked.
func (r *Rules) PaysWallets() bool { return r.Rewards.PayTo == PayToWallet }

// checkPayTo wants a chain whenever wallets are paid, since an address can
// only be checked against its chain, and a token contract that is itself a
// valid EVM address.
func checkPayTo(v *validator) {
	rw := v.r.Rewards
	v.oneOf("rewards.pay_to", "pay_to", rw.PayTo, PayToUID, PayToWallet)
	if rw.Chain != "" {
		v.oneOf("rewards.chain", "chain", rw.Chain, wallet.Chains...)
	}
	if rw.PayTo == PayToWallet && rw.Chain == "" {
		v.errorf("rewards.pay_to", "add e.g. `chain: evm` (also solana, ton, tron)",
			"`rewards.pay_to` is wallet but `rewards.chain` is not set")
	}
	if rw.TokenAddress == "" {
		return
	}
	if rw.Chain != "" && rw.Chain != string(wallet.EVM) {
		v.errorf("rewards.token_address", "leave it out to pay the native coin",
			"`rewards.token_address` is an ERC-20 contract, for `chain: evm` only")
		return
	}
	if _, err := wallet.Check(wallet.EVM, rw.TokenAddress); err != nil {
		v.errorf("rewards.token_address", "copy the contract address from the token's explorer page",
			"`rewards.token_address`: %v", err)
	}
}
