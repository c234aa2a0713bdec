package wallet

import (
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
