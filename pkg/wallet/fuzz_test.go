package wallet

import (
	"math/big"
	"strings"
	"testing"
)

// FuzzCheck: no input panics, and an accepted address checks again in its
// normal form to the same normal form.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xde709f2102306220921060314715629080e2fb77",
		"TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
		"EQAKtVj024T9MfYaJzU1xnDAkf_GGbHNu-V2mgvyjTuP6rvC", "-1:" + strings.Repeat("3", 64), "", "钱包", "0:",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range Chains {
			a, err := Check(Chain(c), s)
			if err != nil {
				continue
			}
			if Chain(c) == EVM && a.Normal != strings.ToLower(a.Normal) {
				t.Fatalf("evm normal %q not lower case", a.Normal)
			}
			if Chain(c) == TON || Chain(c) == Solana || Chain(c) == Tron {
				b, err := Check(Chain(c), a.Normal)
				if err != nil || b.Normal != a.Normal {
					t.Fatalf("%s %q: normal %q does not check again: %v %q", c, s, a.Normal, err, b.Normal)
				}
			}
		}
	})
}

// FuzzBase58 checks the decoder against a plain math/big one.
func FuzzBase58(f *testing.F) {
	for _, s := range []string{"", "1", "11", "1112", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "zzzzzzzzzz", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := decodeBase58(s)
		want, ok := bigBase58(s)
		if (err == nil) != ok || (ok && string(got) != string(want)) {
			t.Fatalf("%q: got %x, %v; want %x, %v", s, got, err, want, ok)
		}
	})
}

func bigBase58(s string) ([]byte, bool) {
	if len(s) > maxBase58 {
		return nil, false
	}
	n := new(big.Int)
	for i := range len(s) {
		d := strings.IndexByte(base58Alphabet, s[i])
		if d < 0 {
			return nil, false
		}
		n.Mul(n, big.NewInt(58))
		n.Add(n, big.NewInt(int64(d)))
	}
	zeros := len(s) - len(strings.TrimLeft(s, "1"))
	return append(make([]byte, zeros), n.Bytes()...), true
}
