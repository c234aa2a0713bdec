package draw

import (
	"fmt"
	"testing"
	"time"
)

func BenchmarkDraw(b *testing.B) {
	for _, size := range []struct{ n, winners int }{{1000, 10}, {100000, 100}, {100000, 100000}} {
		b.Run(fmt.Sprintf("n=%d/winners=%d", size.n, size.winners), func(b *testing.B) {
			for b.Loop() {
				Draw(NewStream("bench"), size.n, size.winners, 0)
			}
		})
	}
}

func BenchmarkEligible(b *testing.B) {
	valid := make([]Candidate, 100000)
	for i := range valid {
		valid[i] = Candidate{ID: fmt.Sprintf("p%06d", i), Author: fmt.Sprintf("u%d", i%50000), CreatedAt: time.Unix(int64(i), 0)}
	}
	for b.Loop() {
		Eligible(valid)
	}
}
