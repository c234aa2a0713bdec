package export

import "testing"

// TestWalletAliases: the wallet field is read under each of its aliases in
// every format, trimmed, and fields.wallet replaces them.
func TestWalletAliases(t *testing.T) {
	tests := []struct {
		name, file, data string
		opt              Options
		want             string
	}{
		{"csv wallet", "p.csv", "id,wallet\np1, 0xabc \n", Options{}, "0xabc"},
		{"csv simplified", "p.csv", "id,钱包地址\np1,0xabc\n", Options{}, "0xabc"},
		{"csv traditional", "p.csv", "id,錢包地址\np1,0xabc\n", Options{}, "0xabc"},
		{"jsonl address", "p.jsonl", `{"id":"p1","address":"TR7NHq"}` + "\n", Options{}, "TR7NHq"},
		{"json wallet_address", "p.json", `[{"id":"p1","Wallet_Address":"EQA"}]`, Options{}, "EQA"},
		{"wallet beats address", "p.jsonl", `{"id":"p1","address":"b","wallet":"a"}` + "\n", Options{}, "a"},
		{"fields.wallet", "p.csv", "id,wallet,payout\np1,no,yes\n", Options{Fields: map[string]string{"wallet": "payout"}}, "yes"},
		{"front matter", "p1.md", "---\nwallet: 0xfm\n---\nhello\n", Options{}, "0xfm"},
		{"none", "p.csv", "id,content\np1,hi\n", Options{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, tt.file, tt.data, tt.opt)
			if len(posts) != 1 || posts[0].Unreadable != "" || posts[0].Wallet != tt.want {
				t.Fatalf("got %+v, want wallet %q", posts, tt.want)
			}
		})
	}
}
