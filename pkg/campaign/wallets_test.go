package campaign_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
)

// TestWallets: paying to wallets, a missing or mistyped address fails its
// entry, and one address under several authors flags every one of them,
// naming the others, whatever the spelling (case) of the address.
func TestWallets(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "posts.csv"), "id,author,content,wallet_address\n"+
		"a1,alice,first text here,0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n"+
		"b1,bob,second text there,0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\n"+
		"c1,carol,third words again,0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED\n"+
		"a2,alice,alice once more,0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n"+
		"d1,dave,fourth thing said,\n"+
		"e1,erin,fifth and last,0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A\n"+
		"f1,fay,all fine here,0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB\n")
	r, err := rules.Parse(filepath.Join(dir, "rules.yaml"), []byte(
		"authors: {max_entries: 0}\nrewards: {pool: 10, winners: 3, pay_to: wallet, chain: evm}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := evaluate(t, r, []string{dir}, campaign.Options{Workers: 2})
	want := map[string]string{
		"a1": "shared-wallet", "b1": "shared-wallet", "c1": "shared-wallet", "a2": "shared-wallet",
		"d1": "no-wallet", "e1": "bad-wallet", "f1": "",
	}
	for id, codes := range want {
		if _, e := byID(t, res, id); codesOf(e) != codes {
			t.Errorf("%s: %q, want %q", id, codesOf(e), codes)
		}
	}
	_, a1 := byID(t, res, "a1")
	msg := reasonOf(t, a1, check.SharedWallet).Message
	for _, other := range []string{"bob in b1", "carol in c1"} {
		if !strings.Contains(msg, other) {
			t.Errorf("a1's message %q does not name %s", msg, other)
		}
	}
	if strings.Contains(msg, "a2") {
		t.Errorf("a1's message %q names alice's own entry", msg)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "wallets of b1, c1: no checksum: all lower or all upper case") {
		t.Errorf("warnings %q", res.Warnings)
	}
}

// TestWalletsOnlyWhenPaid: without pay_to: wallet, addresses are not
// checked at all.
func TestWalletsOnlyWhenPaid(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "posts.csv"), "id,author,content,address\na1,alice,text one,x\nb1,bob,text two,x\n")
	r, err := rules.Parse(filepath.Join(dir, "rules.yaml"), []byte("authors: {max_entries: 0}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := evaluate(t, r, []string{dir}, campaign.Options{})
	for i := range res.Entries {
		if c := codesOf(&res.Entries[i]); c != "" {
			t.Errorf("%s: %q", res.Entries[i].ID, c)
		}
	}
}
