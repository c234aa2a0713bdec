package wallet

import (
	"strings"
	"testing"
)

// The vectors of EIP-55 ("Test Cases"): two all-caps, two all-lower and
// four checksummed addresses.
var eip55Vectors = []struct {
	addr     string
	checksum bool
}{
	{"0x52908400098527886E0F7030069857D2E4169EE7", false},
	{"0x8617E340B3D01FA5F11F306F4090FD50E238070D", false},
	{"0xde709f2102306220921060314715629080e2fb77", false},
	{"0x27b1fdb04752bbc536007a920d24acb045561c26", false},
	{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", true},
	{"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", true},
	{"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", true},
	{"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", true},
}

func TestEIP55Vectors(t *testing.T) {
	for _, v := range eip55Vectors {
		a, err := Check(EVM, v.addr)
		if err != nil {
			t.Errorf("%s: %v", v.addr, err)
			continue
		}
		if got := a.Warning != ""; got == v.checksum {
			t.Errorf("%s: warning %q, want a warning only without checksum", v.addr, a.Warning)
		}
		if a.Normal != strings.ToLower(v.addr) {
			t.Errorf("%s: normal %q", v.addr, a.Normal)
		}
		if v.checksum {
			if got := ChecksumEVM(strings.ToLower(v.addr[2:])); got != v.addr {
				t.Errorf("ChecksumEVM = %s, want %s", got, v.addr)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		chain   Chain
		addr    string
		normal  string
		warning string
		err     string
	}{
		{name: "evm spaces around", chain: EVM, addr: " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\t", normal: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"},
		{name: "evm one letter's case flipped", chain: EVM, addr: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", err: "EIP-55 checksum"},
		{name: "evm no 0x", chain: EVM, addr: "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", err: "starts with 0x"},
		{name: "evm short", chain: EVM, addr: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", err: "40 hex digits after 0x, got 38"},
		{name: "evm not hex", chain: EVM, addr: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", err: "hex digits only"},
		{name: "evm lower", chain: EVM, addr: "0xde709f2102306220921060314715629080e2fb77", normal: "0xde709f2102306220921060314715629080e2fb77", warning: "no checksum"},
		{name: "empty", chain: EVM, addr: "  ", err: "empty"},
		{name: "solana system program", chain: Solana, addr: "11111111111111111111111111111111", normal: "11111111111111111111111111111111"},
		{name: "solana token program", chain: Solana, addr: "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", normal: "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"},
		{name: "solana too short", chain: Solana, addr: "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5", err: "32 bytes, got 30"},
		{name: "solana zero letter", chain: Solana, addr: "Tokenkeg0feZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", err: `"0" is not a base58 character`},
		{name: "solana cjk", chain: Solana, addr: "钱包", err: `"钱" is not a base58 character`},
		{name: "tron usdt", chain: Tron, addr: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", normal: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"},
		{name: "tron zero", chain: Tron, addr: "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb", normal: "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb"},
		{name: "tron typo", chain: Tron, addr: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", err: "checksum of the Tron address"},
		{name: "tron bitcoin address", chain: Tron, addr: "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", err: "0x41"},
		{name: "tron short", chain: Tron, addr: "TR7NHqjeKQxGTCi8q8ZY4pL8", err: "25 bytes"},
		{name: "ton raw", chain: TON, addr: "0:0AB558F4DB84FD31F61A273535C670C091FFC619B1CDBBE5769A0BF28D3B8FEA", normal: "0:0ab558f4db84fd31f61a273535c670c091ffc619b1cdbbe5769a0bf28d3b8fea"},
		{name: "ton friendly url", chain: TON, addr: "EQAKtVj024T9MfYaJzU1xnDAkf_GGbHNu-V2mgvyjTuP6rvC", normal: "0:0ab558f4db84fd31f61a273535c670c091ffc619b1cdbbe5769a0bf28d3b8fea"},
		{name: "ton masterchain bounceable", chain: TON, addr: "Ef8zMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzM0vF", normal: "-1:" + strings.Repeat("3", 64)},
		{name: "ton masterchain non-bounceable", chain: TON, addr: "Uf8zMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMxYA", normal: "-1:" + strings.Repeat("3", 64)},
		{name: "ton crc typo", chain: TON, addr: "EQAKtVj024T9MfYaJzU1xnDAkf_GGbHNu-V2mgvyjTuP6rvD", err: "CRC16"},
		{name: "ton account typo", chain: TON, addr: "EQAKtVj024T9MfYaJzU1xnDAkf_GGbHNu-V2mgvyjTuP7rvC", err: "CRC16"},
		{name: "ton raw short", chain: TON, addr: "0:0AB558F4DB84", err: "64 hex digits"},
		{name: "ton raw bad workchain", chain: TON, addr: "x:0AB558F4DB84FD31F61A273535C670C091FFC619B1CDBBE5769A0BF28D3B8FEA", err: "workchain"},
		{name: "ton wrong length", chain: TON, addr: "EQAKtVj024T9MfYaJzU1xnDAkf", err: "48 base64 characters, got 26"},
		{name: "ton not base64", chain: TON, addr: "EQAKtVj024T9MfYaJzU1xnDAkf_GGbHNu-V2mgvyjTuP6r*C", err: "base64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Check(tt.chain, tt.addr)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Normal != tt.normal || !strings.Contains(a.Warning, tt.warning) || (tt.warning == "") != (a.Warning == "") {
				t.Errorf("got %+v, want normal %q warning %q", a, tt.normal, tt.warning)
			}
		})
	}
}
