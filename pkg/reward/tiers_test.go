package reward

import (
	"strings"
	"testing"
)

func TestParseTiers(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"spec table", "1:300,2-3:150,4-10:92.85", "1:300 2-3:150 4-10:92.85"},
		{"spaces", " 1 : 300 , 2 - 3 : 150 ", "1:300 2-3:150"},
		{"single range", "1-10:1", "1-10:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tiers, err := ParseTiers(c.in)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range tiers {
				got = append(got, x.String())
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("got %q, want %q", strings.Join(got, " "), c.want)
			}
		})
	}
}

func TestParseTiersErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", " ", `tiers are empty: write ranks:amount pairs separated by commas, like "1:300,2-3:150"`},
		{"trailing comma", "1:300,", `tier 2 "": empty item: remove the extra comma`},
		{"no colon", "1=300", `tier 1 "1=300": no ":" between ranks and amount: write it like "2-3:150"`},
		{"thousands separator", "1:1,000", `tier 2 "000": no ":" between ranks and amount: write it like "2-3:150"`},
		{"rank not a number", "a:3", `tier 1 "a:3": rank "a" is not a whole number: write ranks like "1" or "4-10"`},
		{"missing rank", "-3:1", `tier 1 "-3:1": a rank is missing: write ranks like "1" or "4-10"`},
		{"backwards", "3-2:1", `tier 1 "3-2:1": ranks "3-2" run backwards: write the lower rank first, like "2-3"`},
		{"rank zero", "0:5", `tier 1 "0:5": rank 0 is below 1: ranks start at 1`},
		{"rank too large", "1-99999999999999999999:5", `tier 1 "1-99999999999999999999:5": rank 99999999999999999999 is too large: ranks go up to 100000`},
		{"bad amount", "1:abc", `tier 1 "1:abc": amount "abc" is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
		{"exponent amount", "1:1e3", `tier 1 "1:1e3": amount "1e3" is not a number: write digits with an optional decimal point, like 1250 or 92.85`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseTiers(c.in)
			if err == nil || err.Error() != c.want {
				t.Errorf("error\n got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestParseRanks(t *testing.T) {
	cases := []struct {
		name     string
		in       string
		from, to int
	}{
		{"one", "1", 1, 1},
		{"range", "2-3", 2, 3},
		{"same both ends", "4-4", 4, 4},
		{"spaces", " 4 - 10 ", 4, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			from, to, err := ParseRanks(c.in)
			if err != nil || from != c.from || to != c.to {
				t.Errorf("ParseRanks(%q) = %d, %d, %v; want %d, %d", c.in, from, to, err, c.from, c.to)
			}
		})
	}
}

func TestValidateTiers(t *testing.T) {
	cases := []struct {
		name, tiers string
		winners     int
		pool        string
		want        string
	}{
		{"spec table fits", "1:300,2-3:150,4-10:92.85", 10, "1250", ""},
		{"order does not matter", "4-10:92.85,1:300,2-3:150", 10, "1250", ""},
		{"exactly the pool", "1-2:50", 2, "100", ""},
		{"over the pool", "1:300,2-3:150,4-10:92.85", 10, "1000",
			"tiers pay 1249.95 in all, 249.95 more than the pool 1000: lower a tier amount or raise the pool"},
		{"overlap", "1-3:10,3-4:5", 4, "100", "tiers 1-3:10 and 3-4:5 overlap at rank 3: give each rank one tier"},
		{"gap", "1:10,4-5:5", 5, "100", `ranks 2-3 have no tier: add a tier such as "2-3:AMOUNT"`},
		{"gap at rank 1", "2:10", 2, "100", `rank 1 has no tier: add a tier such as "1:AMOUNT"`},
		{"past winners", "1:10,2-12:5", 10, "100", "tier 2-12:5 goes past winners 10: end the tiers at rank 10 or raise winners to 12"},
		{"short of winners", "1:10,2-3:5", 10, "100", `ranks 4-10 have no tier: add a tier such as "4-10:AMOUNT" or lower winners to 3`},
		{"zero amount", "1:0", 1, "100", "tier 1:0 must pay above zero: give it a positive amount or remove it and lower winners"},
		{"negative amount", "1:-5", 1, "100", "tier 1:-5 must pay above zero: give it a positive amount or remove it and lower winners"},
		{"zero winners", "1:5", 0, "100", "winners 0 is out of range: use 1 to 100000"},
		{"none", "", 3, "100", `tiered mode needs tiers: give ranks:amount pairs, like "1:300,2-3:150"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var tiers []Tier
			if c.tiers != "" {
				tiers = mustTiers(t, c.tiers)
			}
			err := ValidateTiers(tiers, c.winners, dec(c.pool))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("error\n got %q\nwant %q", got, c.want)
			}
		})
	}
}
