package reward

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestSplit(t *testing.T) {
	spec := "1:300,2-3:150,4-10:92.85"
	ten := "95,90,88,80,77,70,66,60,55,50"
	cases := []struct {
		name     string
		plan     Plan
		scores   string
		want     string
		leftover string
	}{
		{"equal spec example", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Share},
			"90,80,70", "0@1=33.34 1@2=33.33 2@3=33.33", "0.00"},
		{"equal 1250 among 10", Plan{Pool: dec("1250"), Decimals: 2, Winners: 10, Mode: Equal, Ties: Share},
			ten, "0@1=125.00 1@2=125.00 2@3=125.00 3@4=125.00 4@5=125.00 5@6=125.00 6@7=125.00 7@8=125.00 8@9=125.00 9@10=125.00", "0.00"},
		{"tiered spec example", Plan{Pool: dec("1250"), Decimals: 2, Winners: 10, Mode: Tiered, Tiers: mustTiers(t, spec), Ties: Share},
			ten, "0@1=300.00 1@2=150.00 2@3=150.00 3@4=92.85 4@5=92.85 5@6=92.85 6@7=92.85 7@8=92.85 8@9=92.85 9@10=92.85", "0.05"},
		{"proportional by score", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Proportional, Ties: Share},
			"3,2,1", "0@1=50.00 1@2=33.33 2@3=16.67", "0.00"},
		{"proportional decimal scores", Plan{Pool: dec("10"), Decimals: 1, Winners: 2, Mode: Proportional, Ties: Share},
			"85.5,14.5", "0@1=8.6 1@2=1.4", "0.0"},
		{"proportional all zero is equal", Plan{Pool: dec("10"), Decimals: 0, Winners: 3, Mode: Proportional, Ties: Share},
			"0,0,0", "0@1=4 1@1=3 2@1=3", "0"},
		{"proportional zero score earns nothing", Plan{Pool: dec("10"), Decimals: 0, Winners: 2, Mode: Proportional, Ties: Earliest},
			"1,0", "0@1=10 1@2=0", "0"},
		{"decimals 0", Plan{Pool: dec("10"), Decimals: 0, Winners: 3, Mode: Equal, Ties: Earliest},
			"3,2,1", "0@1=4 1@2=3 2@3=3", "0"},
		{"decimals 18", Plan{Pool: dec("1"), Decimals: 18, Winners: 3, Mode: Equal, Ties: Earliest},
			"3,2,1", "0@1=0.333333333333333334 1@2=0.333333333333333333 2@3=0.333333333333333333", "0.000000000000000000"},
		{"pool 1e30 with 18 decimals", Plan{Pool: dec("1000000000000000000000000000000"), Decimals: 18, Winners: 7, Mode: Equal, Ties: Earliest},
			"7,6,5,4,3,2,1",
			"0@1=142857142857142857142857142857.142857142857142858 1@2=142857142857142857142857142857.142857142857142857 " +
				"2@3=142857142857142857142857142857.142857142857142857 3@4=142857142857142857142857142857.142857142857142857 " +
				"4@5=142857142857142857142857142857.142857142857142857 5@6=142857142857142857142857142857.142857142857142857 " +
				"6@7=142857142857142857142857142857.142857142857142857", "0.000000000000000000"},
		{"share tie at the cut-off", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Share},
			"90,80,70,70", "0@1=33.34 1@2=33.33 2@3=16.67 3@3=16.66", "0.00"},
		{"share tie straddling two paid places", Plan{Pool: dec("90"), Decimals: 0, Winners: 3, Mode: Proportional, Ties: Share},
			"50,20,20,20", "0@1=50 1@2=14 2@2=13 3@2=13", "0"},
		{"earliest tie at the cut-off", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Earliest},
			"90,80,70,70", "0@1=33.34 1@2=33.33 2@3=33.33", "0.00"},
		{"share tie mid-table tiered", Plan{Pool: dec("1250"), Decimals: 2, Winners: 10, Mode: Tiered, Tiers: mustTiers(t, spec), Ties: Share},
			"95,90,88,88,77,70,66,60,55,50",
			"0@1=300.00 1@2=150.00 2@3=121.43 3@3=121.42 4@5=92.85 5@6=92.85 6@7=92.85 7@8=92.85 8@9=92.85 9@10=92.85", "0.05"},
		{"share tie for first", Plan{Pool: dec("100"), Decimals: 2, Winners: 1, Mode: Tiered, Tiers: mustTiers(t, "1:100"), Ties: Share},
			"90,90", "0@1=50.00 1@1=50.00", "0.00"},
		{"fewer entries equal", Plan{Pool: dec("100"), Decimals: 2, Winners: 5, Mode: Equal, Ties: Share},
			"9,8", "0@1=50.00 1@2=50.00", "0.00"},
		{"fewer entries tiered", Plan{Pool: dec("1250"), Decimals: 2, Winners: 10, Mode: Tiered, Tiers: mustTiers(t, spec), Ties: Share},
			"9,8", "0@1=300.00 1@2=150.00", "800.00"},
		{"fewer entries equal, leave", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Share, Unfilled: Leave},
			"9,8", "0@1=33.34 1@2=33.33", "33.33"},
		{"fewer entries equal, redistribute", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Share, Unfilled: Redistribute},
			"9,8", "0@1=50.00 1@2=50.00", "0.00"},
		{"fewer entries proportional, leave", Plan{Pool: dec("100"), Decimals: 2, Winners: 4, Mode: Proportional, Ties: Share, Unfilled: Leave},
			"3,1", "0@1=37.50 1@2=12.50", "50.00"},
		{"fewer entries proportional, redistribute", Plan{Pool: dec("100"), Decimals: 2, Winners: 4, Mode: Proportional, Ties: Share},
			"3,1", "0@1=75.00 1@2=25.00", "0.00"},
		{"fewer entries tiered, redistribute", Plan{Pool: dec("1250"), Decimals: 2, Winners: 10, Mode: Tiered, Tiers: mustTiers(t, spec), Ties: Share, Unfilled: Redistribute},
			"9,8", "0@1=833.30 1@2=416.65", "0.05"},
		{"fewer entries tiered, redistribute under a cap", Plan{Pool: dec("1250"), Decimals: 2, Winners: 10, Mode: Tiered, Tiers: mustTiers(t, spec), Ties: Share, Unfilled: Redistribute, MaxPerWinner: dec("500")},
			"9,8,7", "0@1=500.00 1@2=374.98 2@3=374.97", "0.05"},
		{"fewer entries tiered, redistribute, cap holds back", Plan{Pool: dec("1250"), Decimals: 2, Winners: 10, Mode: Tiered, Tiers: mustTiers(t, spec), Ties: Share, Unfilled: Redistribute, MaxPerWinner: dec("300")},
			"9,8", "0@1=300.00 1@2=300.00", "650.00"},
		{"no entries", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Share},
			"", "", "100.00"},
		{"cap once", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Proportional, Ties: Share, MaxPerWinner: dec("40")},
			"10,1,1", "0@1=40.00 1@2=30.00 2@2=30.00", "0.00"},
		{"cap until stable", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Proportional, Ties: Share, MaxPerWinner: dec("40")},
			"5,4,1", "0@1=40.00 1@2=40.00 2@3=20.00", "0.00"},
		{"cap hits everyone", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Share, MaxPerWinner: dec("30")},
			"3,2,1", "0@1=30.00 1@2=30.00 2@3=30.00", "10.00"},
		{"cap met exactly", Plan{Pool: dec("90"), Decimals: 0, Winners: 3, Mode: Equal, Ties: Share, MaxPerWinner: dec("30")},
			"3,2,1", "0@1=30 1@2=30 2@3=30", "0"},
		{"cap then zero scores share the rest", Plan{Pool: dec("100"), Decimals: 0, Winners: 3, Mode: Proportional, Ties: Share, MaxPerWinner: dec("50")},
			"1,0,0", "0@1=50 1@2=25 2@2=25", "0"},
		{"min payout lifts zero scores", Plan{Pool: dec("100"), Decimals: 0, Winners: 3, Mode: Proportional, Ties: Share, MinPayout: dec("10")},
			"10,0,0", "0@1=80 1@2=10 2@2=10", "0"},
		{"min payout with cap", Plan{Pool: dec("100"), Decimals: 0, Winners: 3, Mode: Proportional, Ties: Share, MinPayout: dec("10"), MaxPerWinner: dec("45")},
			"10,1,0", "0@1=45 1@2=45 2@3=10", "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			scores := decs(c.scores)
			r, err := Split(c.plan, scores)
			if err != nil {
				t.Fatal(err)
			}
			if got := shown(c.plan, r); got != c.want {
				t.Errorf("payouts\n got %s\nwant %s", got, c.want)
			}
			if got := c.plan.Format(r.Leftover); got != c.leftover {
				t.Errorf("leftover %s, want %s", got, c.leftover)
			}
			checkInvariants(t, c.plan, scores, r)
		})
	}
}

func TestSplitPlaces(t *testing.T) {
	cases := []struct {
		name string
		plan Plan
		want string
	}{
		{"equal", Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Share}, "0@1=33.34 1@2=33.33 2@3=33.33"},
		{"tiered", Plan{Pool: dec("700"), Decimals: 2, Winners: 3, Mode: Tiered, Tiers: mustTiers(t, "1:300,2-3:150"), Ties: Share},
			"0@1=300.00 1@2=150.00 2@3=150.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := SplitPlaces(c.plan)
			if err != nil {
				t.Fatal(err)
			}
			if got := shown(c.plan, r); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	ok := Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Equal, Ties: Share}
	with := func(f func(p *Plan)) Plan { p := ok; f(&p); return p }
	cases := []struct {
		name   string
		plan   Plan
		scores string
		want   string
	}{
		{"zero pool", with(func(p *Plan) { p.Pool = dec("0") }), "3,2,1",
			"pool 0 is not above zero: give the amount to share out, like 1250"},
		{"negative pool", with(func(p *Plan) { p.Pool = dec("-5") }), "3,2,1",
			"pool -5 is negative: give an amount of zero or more"},
		{"pool finer than decimals", with(func(p *Plan) { p.Pool = dec("100.005") }), "3,2,1",
			"pool 100.005 has 3 decimal places but decimals is 2: round it to 100.00 or raise decimals to 3"},
		{"pool too large", with(func(p *Plan) { p.Pool = dec("1e41") }), "3,2,1",
			"pool 100000000000000000000000000000000000000000 is too large: use at most 40 integer digits"},
		{"pool absurd exponent", with(func(p *Plan) { p.Pool = decimal.New(1, -2000000000) }), "3,2,1",
			"pool 1e-2000000000 is out of range: use at most 40 integer digits and 36 decimal places"},
		{"zero winners", with(func(p *Plan) { p.Winners = 0 }), "3,2,1",
			"winners 0 is out of range: use 1 to 100000"},
		{"decimals too many", with(func(p *Plan) { p.Decimals = 37 }), "3,2,1",
			"decimals 37 is out of range: use 0 to 36"},
		{"unknown mode", with(func(p *Plan) { p.Mode = "even" }), "3,2,1",
			`unknown mode "even": use equal, tiered or proportional`},
		{"unknown ties", with(func(p *Plan) { p.Ties = "" }), "3,2,1",
			`unknown ties rule "": use share or earliest`},
		{"tiered without tiers", with(func(p *Plan) { p.Mode = Tiered }), "3,2,1",
			`tiered mode needs tiers: give ranks:amount pairs, like "1:300,2-3:150"`},
		{"tiers over the pool", with(func(p *Plan) { p.Mode = Tiered; p.Tiers = mustTiers(t, "1:50,2-3:30") }), "3,2,1",
			"tiers pay 110 in all, 10 more than the pool 100: lower a tier amount or raise the pool"},
		{"tiers overlap", with(func(p *Plan) { p.Mode = Tiered; p.Tiers = mustTiers(t, "1-2:10,2-3:5") }), "3,2,1",
			"tiers 1-2:10 and 2-3:5 overlap at rank 2: give each rank one tier"},
		{"tier finer than decimals", with(func(p *Plan) { p.Mode = Tiered; p.Tiers = mustTiers(t, "1-3:1.005") }), "3,2,1",
			"tier 1-3 amount 1.005 has 3 decimal places but decimals is 2: round it to 1.00 or raise decimals to 3"},
		{"cap below min", with(func(p *Plan) { p.MaxPerWinner = dec("5"); p.MinPayout = dec("6") }), "3,2,1",
			"min_payout 6 is above max_per_winner 5: lower the minimum or raise the cap"},
		{"negative cap", with(func(p *Plan) { p.MaxPerWinner = dec("-1") }), "3,2,1",
			"max_per_winner -1 is negative: give an amount of zero or more"},
		{"floors over the pool", with(func(p *Plan) { p.MinPayout = dec("40") }), "3,2,1",
			"min_payout 40 for 3 winners needs 120, more than the pool 100: lower the minimum or the winners"},
		{"tier above cap", with(func(p *Plan) { p.Mode = Tiered; p.Tiers = mustTiers(t, "1:50,2-3:20"); p.MaxPerWinner = dec("40") }), "3,2,1",
			"tier 1:50 pays more than max_per_winner 40: lower the tier or raise the cap"},
		{"tier below min", with(func(p *Plan) { p.Mode = Tiered; p.Tiers = mustTiers(t, "1:50,2-3:20"); p.MinPayout = dec("25") }), "3,2,1",
			"tier 2-3:20 pays less than min_payout 25: raise the tier or lower the minimum"},
		{"scores not best first", ok, "90,70,85.5",
			"score 3 (85.5) is above score 2 (70): list scores best first"},
		{"negative score", ok, "90,-1",
			"score 2: -1 is negative: scores are zero or more"},
		{"score too fine", ok, "0." + zeros(37) + "1",
			"score 1: 0." + zeros(37) + "1 has more than 36 decimal places: round it"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Split(c.plan, decs(c.scores))
			if err == nil || err.Error() != c.want {
				t.Errorf("error\n got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestSplitPlacesProportional(t *testing.T) {
	p := Plan{Pool: dec("100"), Decimals: 2, Winners: 3, Mode: Proportional, Ties: Share}
	_, err := SplitPlaces(p)
	want := "proportional mode needs scores: give one score per winner, best first"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}
