package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// sampleWalletStandings pays the sample's winners at EVM wallets; 李雷
// gives p001's address in lower case, so their rows merge.
func sampleWalletStandings() *Standings {
	s := sampleStandings()
	s.Rewards.PayTo, s.Rewards.Chain = "wallet", "evm"
	s.Rewards.TokenAddress = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
	wallets := []string{
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
		"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
		"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
		"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
	}
	for i := range s.Ranking {
		s.Ranking[i].Wallet = wallets[i]
	}
	return s
}

func samplePayout(t testing.TB) *Payout {
	p, err := NewPayout(sampleWalletStandings(), true)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNewPayoutMerges(t *testing.T) {
	p := samplePayout(t)
	if len(p.Rows) != 3 || p.Entries != 4 {
		t.Fatalf("rows %+v, entries %d", p.Rows, p.Entries)
	}
	first := p.Rows[0]
	if first.Receiver != "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" || first.Amount != "50.00" || strings.Join(first.IDs, ",") != "p001,李雷" {
		t.Errorf("first row %+v", first)
	}
	line, err := p.Reconcile()
	if err != nil {
		t.Fatal(err)
	}
	if want := "payout: 3 rows for 4 paid entries, Σ amount 100.00 = paid 100.00, leftover 0.00 ES"; line != want {
		t.Errorf("got  %s\nwant %s", line, want)
	}
}

func TestNewPayoutUID(t *testing.T) {
	p, err := NewPayout(sampleStandings(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rows) != 4 || p.Rows[3].Receiver != "李雷" {
		t.Errorf("rows %+v", p.Rows)
	}
}

func TestNewPayoutRefusesBadWallet(t *testing.T) {
	s := sampleWalletStandings()
	s.Ranking[1].Wallet = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6Fb"
	if _, err := NewPayout(s, true); err == nil || !strings.Contains(err.Error(), "entry 阿花 is paid but its wallet") {
		t.Errorf("err = %v", err)
	}
}

func TestNewPayoutUnmerged(t *testing.T) {
	p, err := NewPayout(sampleWalletStandings(), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rows) != 4 || p.Rows[3].Receiver != "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" {
		t.Errorf("rows %+v", p.Rows)
	}
}

func TestReconcileMismatch(t *testing.T) {
	p := samplePayout(t)
	p.Rows[0].Amount = "49.99"
	if _, err := p.Reconcile(); err == nil || !strings.Contains(err.Error(), "add up to 99.99 but the split paid 100.00") {
		t.Errorf("err = %v", err)
	}
}

func TestChunks(t *testing.T) {
	p := &Payout{}
	for range 801 {
		p.Rows = append(p.Rows, PayoutRow{Amount: "1"})
	}
	var sizes []int
	for _, c := range p.Chunks(MaxSafeRows) {
		sizes = append(sizes, len(c.Rows))
	}
	if len(sizes) != 3 || sizes[0] != 400 || sizes[1] != 400 || sizes[2] != 1 {
		t.Errorf("chunks %v", sizes)
	}
	if n := len((&Payout{}).Chunks(MaxSafeRows)); n != 1 {
		t.Errorf("an empty payout gives %d chunks, want 1 (a file with its header)", n)
	}
}

// TestPayoutFilesSumToPool reads each payout file back as its tool would
// and adds the amounts up: every format pays the pool exactly, never with
// more places than the rules pay.
func TestPayoutFilesSumToPool(t *testing.T) {
	p := samplePayout(t)
	s := sampleWalletStandings()
	cases := []struct {
		name   string
		render func(*bytes.Buffer) error
		read   func(t *testing.T, data string) []string
	}{
		{"safe-csv", func(b *bytes.Buffer) error { return SafeCSV(b, p) }, func(t *testing.T, data string) []string {
			return csvColumn(t, data, "amount")
		}},
		{"disperse", func(b *bytes.Buffer) error { return Disperse(b, p) }, func(t *testing.T, data string) []string {
			var out []string
			for _, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
				f := strings.Fields(line)
				if len(f) != 2 {
					t.Fatalf("line %q is not address amount", line)
				}
				out = append(out, f[1])
			}
			return out
		}},
		{"excel", func(b *bytes.Buffer) error { return StandingsExcel(b, s) }, func(t *testing.T, data string) []string {
			data, ok := strings.CutPrefix(data, "\ufeff")
			if !ok {
				t.Fatal("no byte-order mark")
			}
			return csvColumn(t, data, "reward")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.render(&b); err != nil {
				t.Fatal(err)
			}
			sum := decimal.Zero
			for _, a := range c.read(t, b.String()) {
				d, err := decimal.NewFromString(a)
				if err != nil || !d.IsPositive() {
					t.Fatalf("amount %q", a)
				}
				if -d.Exponent() > int32(s.Rewards.Decimals) {
					t.Errorf("amount %s has more than %d places", a, s.Rewards.Decimals)
				}
				sum = sum.Add(d)
			}
			if pool := decimal.RequireFromString(s.Rewards.Pool); !sum.Equal(pool) {
				t.Errorf("amounts add up to %s, the pool is %s", sum, pool)
			}
		})
	}
}

func csvColumn(t *testing.T, data, name string) []string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range recs[0] {
		if h == name {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no column %s in %v", name, recs[0])
	}
	var out []string
	for _, r := range recs[1:] {
		out = append(out, r[col])
	}
	return out
}
