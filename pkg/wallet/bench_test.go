package wallet

import "testing"

func BenchmarkCheck(b *testing.B) {
	for _, c := range []struct {
		chain Chain
		addr  string
	}{
		{EVM, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
		{Solana, "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"},
		{TON, "EQAKtVj024T9MfYaJzU1xnDAkf_GGbHNu-V2mgvyjTuP6rvC"},
		{Tron, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"},
	} {
		b.Run(string(c.chain), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Check(c.chain, c.addr); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
