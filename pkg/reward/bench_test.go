package reward

import (
	"testing"

	"github.com/shopspring/decimal"
)

func benchScores(n int) []decimal.Decimal {
	s := make([]decimal.Decimal, n)
	for i := range s {
		s[i] = decimal.New(int64(100000-i/3), -3) // runs of three ties
	}
	return s
}

func BenchmarkSplit(b *testing.B) {
	cases := []struct {
		name string
		plan Plan
		n    int
	}{
		{"equal 10", Plan{Pool: dec("1250"), Decimals: 2, Winners: 10, Mode: Equal, Ties: Share}, 12},
		{"proportional 10000", Plan{Pool: dec("1250000"), Decimals: 18, Winners: 10000, Mode: Proportional, Ties: Share}, 10002},
		{"proportional 10000 capped", Plan{Pool: dec("1250000"), Decimals: 18, Winners: 10000, Mode: Proportional, Ties: Share, MaxPerWinner: dec("125.5")}, 10002},
		{"equal 1e30 pool 100000", Plan{Pool: dec("1000000000000000000000000000000"), Decimals: 18, Winners: 100000, Mode: Equal, Ties: Earliest}, 100000},
	}
	for _, c := range cases {
		scores := benchScores(c.n)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Split(c.plan, scores); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
