package announce

import (
	"os"
	"strings"
	"testing"
)

func BenchmarkInfer(b *testing.B) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct{ name, text string }{
		{"seed", string(seed)},
		// one long line of dates: the cost must stay linear in its length
		{"long-line", strings.Repeat("2025年7月15日 10:00 至 7月22日 ", 2000)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				inf := Infer(c.text)
				Template(&inf, "brief.txt")
			}
		})
	}
}
