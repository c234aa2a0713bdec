package commands_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
	"github.com/shopspring/decimal"
)

// TestSafeCSVSplit: 450 winners make, with --out, two numbered files of at
// most 400 rows, whose amounts add up to the pool.
func TestSafeCSVSplit(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("id,author,content,wallet\n")
	for i := range 450 {
		sum := sha256.Sum256([]byte(fmt.Sprint(i)))
		fmt.Fprintf(&b, "e%03d,user%03d,some words number %d here,0x%s\n", i, i, i, hex.EncodeToString(sum[:20]))
	}
	writeFile(t, filepath.Join(dir, "posts.csv"), b.String())
	rules := filepath.Join(dir, "rules.yaml")
	writeFile(t, rules, "authors: {max_entries: 0}\ncontent: {duplicate_threshold: 1}\n"+
		"rewards: {pool: \"1000\", winners: 450, pay_to: wallet, chain: evm, token_address: \"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359\"}\n")
	var out, errOut bytes.Buffer
	ios := commands.TestStreams(strings.NewReader(""), &out, &errOut)
	args := []string{"rank", "-r", rules, "-o", "safe-csv", "--out", filepath.Join(dir, "pay.csv"), filepath.Join(dir, "posts.csv")}
	if code := commands.Run(context.Background(), args, ios); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "promo: payout: 450 rows for 450 paid entries, Σ amount 1000.00 = paid 1000.00, leftover 0.00\n") {
		t.Errorf("stderr:\n%s", errOut.String())
	}
	total := decimal.Zero
	for n, want := range []int{400, 50} {
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("pay-%d.csv", n+1)))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs)-1 != want || strings.Join(recs[0], ",") != "token_type,token_address,receiver,amount,id" {
			t.Fatalf("pay-%d.csv: %d rows, header %v", n+1, len(recs)-1, recs[0])
		}
		for _, r := range recs[1:] {
			if r[0] != "erc20" {
				t.Fatalf("row %v", r)
			}
			total = total.Add(decimal.RequireFromString(r[3]))
		}
	}
	if !total.Equal(decimal.NewFromInt(1000)) {
		t.Errorf("files pay %s, want 1000", total)
	}
	if _, err := os.Stat(filepath.Join(dir, "pay.csv")); err == nil {
		t.Error("pay.csv written besides the numbered files")
	}
}
