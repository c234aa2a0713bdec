package wallet

import (
	"crypto/sha256"
	"fmt"
)

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

var base58Index = func() [256]int8 {
	var idx [256]int8
	for i := range idx {
		idx[i] = -1
	}
	for i := range len(base58Alphabet) {
		idx[base58Alphabet[i]] = int8(i)
	}
	return idx
}()

// maxBase58 bounds the input: no address checked here is longer, and the
// decoding is quadratic.
const maxBase58 = 64

// decodeBase58 decodes Bitcoin-alphabet base58; each leading '1' is a zero
// byte. The number is built in place, big-endian, in a buffer sized for
// the longest result (log 58 / log 256 ≈ 0.733 bytes a character).
func decodeBase58(s string) ([]byte, error) {
	if len(s) > maxBase58 {
		return nil, fmt.Errorf("too long for an address (%d characters)", len(s))
	}
	size := len(s)*733/1000 + 1
	buf := make([]byte, size)
	high := size - 1 // buf[high+1:] holds the number so far
	for i := range len(s) {
		d := base58Index[s[i]]
		if d < 0 {
			return nil, fmt.Errorf("%q is not a base58 character (0, O, I and l are not used)", badRune(s, i))
		}
		carry := int(d)
		j := size - 1
		for ; j > high || carry != 0; j-- {
			carry += 58 * int(buf[j])
			buf[j] = byte(carry)
			carry >>= 8
		}
		high = j
	}
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	start := 0
	for start < size && buf[start] == 0 {
		start++
	}
	out := make([]byte, zeros+size-start)
	copy(out[zeros:], buf[start:])
	return out, nil
}

// badRune is the character starting at byte i, whole even when it is not
// ASCII.
func badRune(s string, i int) string {
	for j := i + 1; j <= len(s) && j <= i+4; j++ {
		if r := []rune(s[i:j]); len(r) == 1 && r[0] != 0xFFFD {
			return s[i:j]
		}
	}
	return s[i : i+1]
}

func checkSolana(addr string) (Address, error) {
	b, err := decodeBase58(addr)
	if err != nil {
		return Address{}, fmt.Errorf("a Solana address is base58: %v", err)
	}
	if len(b) != 32 {
		return Address{}, fmt.Errorf("a Solana address decodes to 32 bytes, got %d", len(b))
	}
	return Address{Normal: addr}, nil
}

// checkTron wants base58check of 0x41 and 20 bytes: the last 4 bytes are the
// first 4 of the double SHA-256 of the rest.
func checkTron(addr string) (Address, error) {
	b, err := decodeBase58(addr)
	if err != nil {
		return Address{}, fmt.Errorf("a Tron address is base58: %v", err)
	}
	if len(b) != 25 {
		return Address{}, fmt.Errorf("a Tron address decodes to 25 bytes, got %d", len(b))
	}
	first := sha256.Sum256(b[:21])
	sum := sha256.Sum256(first[:])
	if string(sum[:4]) != string(b[21:]) {
		return Address{}, fmt.Errorf("the checksum of the Tron address does not match; check it for a typo")
	}
	if b[0] != 0x41 {
		return Address{}, fmt.Errorf("a Tron address starts with the byte 0x41 (a T), got 0x%02x", b[0])
	}
	return Address{Normal: addr}, nil
}
