package wallet

import (
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/crypto/sha3"
)

// checkEVM wants 0x and 40 hex digits; mixed case must be the EIP-55
// checksum, since a tool that changed one letter's case would otherwise
// pass a typo.
func checkEVM(addr string) (Address, error) {
	digits, ok := strings.CutPrefix(addr, "0x")
	if !ok {
		digits, ok = strings.CutPrefix(addr, "0X")
	}
	if !ok {
		return Address{}, fmt.Errorf("an EVM address starts with 0x, got %q", short(addr))
	}
	if len(digits) != 40 {
		return Address{}, fmt.Errorf("an EVM address has 40 hex digits after 0x, got %d", len(digits))
	}
	if _, err := hex.DecodeString(digits); err != nil {
		return Address{}, fmt.Errorf("an EVM address holds hex digits only (0-9, a-f), got %q", short(addr))
	}
	lower := strings.ToLower(digits)
	a := Address{Normal: "0x" + lower}
	if digits == lower || digits == strings.ToUpper(digits) {
		a.Warning = "no checksum: all lower or all upper case, so a typo in it cannot be caught"
		return a, nil
	}
	if want := ChecksumEVM(lower); want != "0x"+digits {
		return Address{}, fmt.Errorf("the EIP-55 checksum of the EVM address does not match (the case of its letters should read %s)", want)
	}
	return a, nil
}

// ChecksumEVM writes 40 lower-case hex digits in EIP-55 mixed case, with 0x:
// a letter is upper case when the matching nibble of the Keccak-256 of the
// lower-case digits is 8 or more.
func ChecksumEVM(lower string) string {
	h := sha3.NewLegacyKeccak256()
	h.Write([]byte(lower))
	sum := h.Sum(nil)
	out := []byte(lower)
	for i, c := range out {
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0x0f
		}
		if c >= 'a' && c <= 'f' && nibble >= 8 {
			out[i] = c - 'a' + 'A'
		}
	}
	return "0x" + string(out)
}

// short keeps an address quoted in a message readable.
func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
