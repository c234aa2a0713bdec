package text

import "testing"

// TestCJKInfo: the counting pass's constant for a unified ideograph is
// what the property table says of each.
func TestCJKInfo(t *testing.T) {
	tbl := props()
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if got := runeInfo(r, tbl[r]); got != cjkInfo {
			t.Fatalf("U+%04X counts %+v, the constant says %+v", r, got, cjkInfo)
		}
	}
}
