package rules

import (
	"strings"
	"testing"
)

func TestPayToErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"pay_to typo", "rewards: {pool: 10, winners: 1, pay_to: wallets}\n", "rules.yaml:1:41: unknown pay_to `wallets` in `rewards.pay_to`; did you mean `wallet`?"},
		{"wallet without chain", "rewards: {pool: 10, winners: 1, pay_to: wallet}\n", "rules.yaml:1:41: `rewards.pay_to` is wallet but `rewards.chain` is not set; add e.g. `chain: evm` (also solana, ton, tron)"},
		{"chain typo", "rewards: {pool: 10, winners: 1, pay_to: wallet, chain: sol}\n", "rules.yaml:1:56: unknown chain `sol` in `rewards.chain`; use `evm`, `solana`, `ton` or `tron`"},
		{"token on solana", "rewards: {pool: 10, winners: 1, chain: solana, token_address: \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"}\n", "rules.yaml:1:63: `rewards.token_address` is an ERC-20 contract, for `chain: evm` only; leave it out to pay the native coin"},
		{"token bad checksum", "rewards: {pool: 10, winners: 1, chain: evm, token_address: \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"}\n", "rules.yaml:1:60: `rewards.token_address`: the EIP-55 checksum of the EVM address does not match (the case of its letters should read 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed); copy the contract address from the token's explorer page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("rules.yaml", []byte(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.TrimSpace(err.Error()); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestPayToWallet(t *testing.T) {
	r, err := Parse("rules.yaml", []byte("rewards: {pool: 10, winners: 1, pay_to: wallet, chain: ton}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !r.PaysWallets() || r.Rewards.Chain != "ton" {
		t.Errorf("got %+v", r.Rewards)
	}
	if d := Default(); d.PaysWallets() {
		t.Error("the default pays wallets")
	}
}
