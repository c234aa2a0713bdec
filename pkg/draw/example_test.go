package draw_test

import (
	"fmt"
	"time"

	"github.com/promo-cli/promo/pkg/draw"
)

// The worked example of docs/draw.md.
func Example() {
	day := func(h int) time.Time { return time.Date(2025, 7, 16, h, 0, 0, 0, time.UTC) }
	valid := []draw.Candidate{
		{ID: "post-0315", Author: "lin", CreatedAt: day(9)},
		{ID: "post-1042", Author: "amy", CreatedAt: day(11)},
		{ID: "post-0990", Author: "bob", CreatedAt: day(10)},
		{ID: "post-2077", Author: "chen", CreatedAt: day(12)},
		{ID: "post-1500", Author: "dee", CreatedAt: day(13)},
		{ID: "post-1777", Author: "amy", CreatedAt: day(14)}, // amy's second entry: not eligible
	}
	eligible := draw.Eligible(valid)
	ids := draw.IDs(eligible)
	fmt.Println(len(ids), draw.Digest(ids))
	seed := "00000000000000000001c9e6d2a7f3b85e4d1a0c9b8f7e6d5c4b3a2918070605"
	for _, p := range draw.Draw(draw.NewStream(seed), len(ids), 2, 1) {
		fmt.Println(p.Pick, p.K, p.Index, ids[p.Index], p.Alternate)
	}
	// Output:
	// 5 sha256:7bcd794f8d22c5f0f70d0d293da3c3bfb44b0d5c98af139fdff2ecf7ab8a9fb6
	// 1 0 4 post-2077 false
	// 2 1 1 post-0990 false
	// 3 2 0 post-0315 true
}
