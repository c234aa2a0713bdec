// Package wallet checks the payout addresses entries give, so that a
// mistyped address is caught before money is sent to it for good.
//
// # Chains
//
// Each chain has its own address form and its own protection against typos:
//
//   - evm: 0x and 40 hex digits (20 bytes); mixed case carries the EIP-55
//     checksum, which must match. All-lower or all-upper addresses have no
//     checksum: they are valid, with a warning.
//   - solana: base58 (Bitcoin alphabet) decoding to a 32-byte key.
//   - ton: raw "workchain:64 hex digits", or the 48-character user-friendly
//     form (base64 or base64url of 36 bytes ending in a CRC16-XMODEM).
//   - tron: base58check of 21 bytes starting with 0x41.
//
// Check returns the address in a normal form as well, so that two spellings
// of one address (EVM case, TON raw and user-friendly) compare equal.
package wallet

import (
	"fmt"
	"strings"
)

// Chain names an address family.
type Chain string

// The chains promo checks.
const (
	EVM    Chain = "evm"
	Solana Chain = "solana"
	TON    Chain = "ton"
	Tron   Chain = "tron"
)

// Chains lists the chain names the rule file accepts.
var Chains = []string{string(EVM), string(Solana), string(TON), string(Tron)}

// Address is an address that passed its chain's check.
type Address struct {
	// Normal is the form two spellings of one address share: EVM in lower
	// case, TON as raw "wc:hex" in lower case, others as written.
	Normal string
	// Warning is set when the address is valid but unprotected, e.g. an EVM
	// address without its checksum.
	Warning string
}

// Check validates addr for chain. Surrounding spaces are ignored; anything
// else wrong is an error saying what and, where it can, how to fix it.
func Check(chain Chain, addr string) (Address, error) {
	addr = strings.TrimSpace(addr)
	if addr == "" {
		return Address{}, fmt.Errorf("the address is empty")
	}
	switch chain {
	case EVM:
		return checkEVM(addr)
	case Solana:
		return checkSolana(addr)
	case TON:
		return checkTON(addr)
	case Tron:
		return checkTron(addr)
	}
	return Address{}, fmt.Errorf("unknown chain %q", chain)
}
