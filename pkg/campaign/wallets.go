package campaign

import (
	"fmt"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/wallet"
)

// sharedWallets flags every entry whose wallet another author also gave:
// one person collecting several authors' rewards is the usual sybil. All
// of them are flagged, since none is more the original than the others;
// each names the others. It also warns, once per kind, about addresses a
// typo would not be caught in.
func (res *Result) sharedWallets(order []int) {
	if !res.Rules.PaysWallets() {
		return
	}
	chain := wallet.Chain(res.Rules.Rewards.Chain)
	byWallet := map[string][]int{}
	var keys, kinds []string
	warned := map[string][]string{}
	for _, i := range order {
		e := &res.Entries[i]
		a, err := wallet.Check(chain, e.Wallet)
		if e.Wallet == "" || err != nil {
			continue
		}
		if a.Warning != "" {
			if _, seen := warned[a.Warning]; !seen {
				kinds = append(kinds, a.Warning)
			}
			warned[a.Warning] = append(warned[a.Warning], e.ID)
		}
		if _, seen := byWallet[a.Normal]; !seen {
			keys = append(keys, a.Normal)
		}
		byWallet[a.Normal] = append(byWallet[a.Normal], i)
	}
	for _, k := range keys {
		if group := byWallet[k]; res.authorsIn(group) > 1 {
			res.flagShared(group)
		}
	}
	res.Warnings = append(res.Warnings, walletWarnings(kinds, warned)...)
}

// authorsIn counts the distinct authors of a group of entries.
func (res *Result) authorsIn(group []int) int {
	seen := map[string]bool{}
	for _, i := range group {
		seen[authorKey(&res.Entries[i], i)] = true
	}
	return len(seen)
}

func (res *Result) flagShared(group []int) {
	keys := make([]string, len(group))
	count := map[string]int{}
	for n, i := range group {
		keys[n] = authorKey(&res.Entries[i], i)
		count[keys[n]]++
	}
	// Every entry of one author names the same others, so the message is
	// made once an author: linear however many entries share the wallet.
	notes := map[string]check.Reason{}
	for n, i := range group {
		note, ok := notes[keys[n]]
		if !ok {
			note = res.sharedNote(group, keys, keys[n], len(group)-count[keys[n]])
			notes[keys[n]] = note
		}
		e := &res.Entries[i]
		note.Measured = e.Wallet
		note.Message = "wallet " + e.Wallet + " is also given by " + note.Message
		e.Reasons = append(e.Reasons, note)
	}
}

// sharedNote is the shared-wallet reason of an entry by the author whose
// key is key, in a group where others entries have other authors: Other is
// the first of them, and Message names up to words.Shown.
func (res *Result) sharedNote(group []int, keys []string, key string, others int) check.Reason {
	r := check.Reason{Code: check.SharedWallet}
	var named []string
	for n, j := range group {
		if keys[n] == key {
			continue
		}
		o := &res.Entries[j]
		if r.Other == "" {
			r.Other = o.ID
		}
		named = append(named, fmt.Sprintf("%s in %s (%s)", authorName(o), o.ID, o.Source()))
		if len(named) == words.Shown {
			break
		}
	}
	r.Message = words.SomeOf(named, others)
	return r
}

// walletWarnings says, one line per kind, which valid addresses are not
// fully protected (no EIP-55 checksum, a TON testnet address).
func walletWarnings(kinds []string, ids map[string][]string) []string {
	var out []string
	for _, w := range kinds {
		list := ids[w]
		text := words.SomeOf(list[:min(words.Shown, len(list))], len(list))
		out = append(out, fmt.Sprintf("%s of %s: %s", words.Plural(len(list), "wallet", "wallets"), text, w))
	}
	return out
}
