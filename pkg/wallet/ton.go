package wallet

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// checkTON takes the raw form "wc:64hex" or the user-friendly form.
func checkTON(addr string) (Address, error) {
	if wc, h, ok := strings.Cut(addr, ":"); ok {
		return tonRaw(wc, h)
	}
	return tonFriendly(addr)
}

func tonRaw(wc, h string) (Address, error) {
	n, err := strconv.ParseInt(wc, 10, 32)
	if err != nil {
		return Address{}, fmt.Errorf("a raw TON address starts with its workchain number (0 or -1), got %q", short(wc))
	}
	if len(h) != 64 {
		return Address{}, fmt.Errorf("a raw TON address has 64 hex digits after the colon, got %d", len(h))
	}
	if _, err := hex.DecodeString(h); err != nil {
		return Address{}, fmt.Errorf("a raw TON address holds hex digits after the colon, got %q", short(h))
	}
	return Address{Normal: fmt.Sprintf("%d:%s", n, strings.ToLower(h))}, nil
}

// tonFriendly decodes the 48-character form: a flags byte, the workchain,
// the 32-byte account and a CRC16-XMODEM of those 34 bytes, big-endian.
func tonFriendly(addr string) (Address, error) {
	if len(addr) != 48 {
		return Address{}, fmt.Errorf("a TON address is raw (0:64 hex digits) or 48 base64 characters, got %d characters", len(addr))
	}
	enc := base64.StdEncoding
	if strings.ContainsAny(addr, "-_") {
		enc = base64.URLEncoding
	}
	b, err := enc.DecodeString(addr)
	if err != nil || len(b) != 36 {
		return Address{}, fmt.Errorf("a user-friendly TON address is base64 or base64url, got %q", short(addr))
	}
	if crc16(b[:34]) != binary.BigEndian.Uint16(b[34:]) {
		return Address{}, fmt.Errorf("the CRC16 of the TON address does not match; check it for a typo")
	}
	switch b[0] &^ 0x80 { // 0x80: testnet only
	case 0x11, 0x51: // bounceable, non-bounceable
	default:
		return Address{}, fmt.Errorf("the TON address has an unknown flags byte 0x%02x", b[0])
	}
	a := Address{Normal: fmt.Sprintf("%d:%s", int8(b[1]), hex.EncodeToString(b[2:34]))}
	if b[0]&0x80 != 0 {
		a.Warning = "a testnet-only address: funds sent to it on mainnet may be lost"
	}
	return a, nil
}

// crc16 is CRC-16/XMODEM: polynomial 0x1021, initial value 0.
func crc16(data []byte) uint16 {
	var reg uint16
	for _, c := range data {
		reg ^= uint16(c) << 8
		for range 8 {
			if reg&0x8000 != 0 {
				reg = reg<<1 ^ 0x1021
			} else {
				reg <<= 1
			}
		}
	}
	return reg
}
