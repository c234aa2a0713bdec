package reward_test

import (
	"fmt"

	"github.com/promo-cli/promo/pkg/reward"
	"github.com/shopspring/decimal"
)

func ExampleSplitPlaces() {
	p := reward.Plan{Pool: decimal.NewFromInt(100), Decimals: 2, Winners: 3, Mode: reward.Equal, Ties: reward.Share}
	r, err := reward.SplitPlaces(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range r.Payouts {
		fmt.Println(x.Place, p.Format(x.Amount))
	}
	fmt.Println("paid", p.Format(r.Paid), "leftover", p.Format(r.Leftover))
	// Output:
	// 1 33.34
	// 2 33.33
	// 3 33.33
	// paid 100.00 leftover 0.00
}

func ExampleSplit_tiered() {
	tiers, err := reward.ParseTiers("1:300,2-3:150,4-10:92.85")
	if err != nil {
		fmt.Println(err)
		return
	}
	scores, err := reward.ParseScores("95,90,88,80,77,70,66,60,55,50")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := reward.Plan{Pool: decimal.NewFromInt(1250), Decimals: 2, Winners: 10, Mode: reward.Tiered, Tiers: tiers, Ties: reward.Share}
	r, err := reward.Split(p, scores)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("paid", p.Format(r.Paid), "leftover", p.Format(r.Leftover))
	// Output:
	// paid 1249.95 leftover 0.05
}
