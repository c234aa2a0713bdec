package campaign_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
)

// TestLargeGroupsNameAFew: hundreds of different posts under one id, or
// one wallet given by hundreds of authors, are each flagged with a message
// that names five of the others and counts the rest. Before, every message
// named every other entry, so the report grew with the square of the
// group: 20,000 posts with one id ran out of memory.
func TestLargeGroupsNameAFew(t *testing.T) {
	const n = 300
	const wallet = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	var csv strings.Builder
	csv.WriteString("id,author,content,wallet_address\n")
	for i := range n {
		// One id and one wallet for all; the last post is by the first
		// post's author, whose own entries must not name each other.
		author := fmt.Sprintf("user%03d", i)
		if i == n-1 {
			author = "user000"
		}
		fmt.Fprintf(&csv, "same,%s,post number %d says its own thing,%s\n", author, i, wallet)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "posts.csv"), csv.String())
	r, err := rules.Parse(filepath.Join(dir, "rules.yaml"), []byte(
		"authors: {max_entries: 0}\nrewards: {pool: 10, winners: 3, pay_to: wallet, chain: evm}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := evaluate(t, r, []string{dir}, campaign.Options{Workers: 2})
	if len(res.Entries) != n {
		t.Fatalf("%d entries, want %d", len(res.Entries), n)
	}
	tests := []struct {
		name  string
		entry int
		code  check.Code
		want  string
	}{
		{"duplicate-id, first", 0, check.DuplicateID,
			"id same is also used by a different post at posts.csv:3, posts.csv:4, posts.csv:5, posts.csv:6, posts.csv:7 and 294 more"},
		{"duplicate-id, later", 150, check.DuplicateID,
			"id same is also used by a different post at posts.csv:2, posts.csv:3, posts.csv:4, posts.csv:5, posts.csv:6 and 294 more"},
		{"shared-wallet, author with two entries", 0, check.SharedWallet,
			"wallet " + wallet + " is also given by user001 in same (posts.csv:3), user002 in same (posts.csv:4), " +
				"user003 in same (posts.csv:5), user004 in same (posts.csv:6), user005 in same (posts.csv:7) and 293 more"},
		{"shared-wallet, one entry", 1, check.SharedWallet,
			"wallet " + wallet + " is also given by user000 in same (posts.csv:2), user002 in same (posts.csv:4), " +
				"user003 in same (posts.csv:5), user004 in same (posts.csv:6), user005 in same (posts.csv:7) and 294 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &res.Entries[tt.entry]
			r := reasonOf(t, e, tt.code)
			// Sources are named from the folder given, here a temporary one.
			if msg := strings.ReplaceAll(r.Message, filepath.ToSlash(dir)+"/", ""); msg != tt.want {
				t.Errorf("message\n%s\nwant\n%s", msg, tt.want)
			}
			if tt.code == check.SharedWallet && r.Measured != wallet {
				t.Errorf("measured %q, want the wallet", r.Measured)
			}
		})
	}
	if got := reasonOf(t, &res.Entries[1], check.SharedWallet).Other; got != "same" {
		t.Errorf("other %q, want the first other entry's id", got)
	}
}

// TestExplainAmbiguousMeasuresNothing: when the name given to explain
// matches several posts, explain asks which one, so no entry is measured
// against the others. Before, every match was measured against every
// earlier entry: 20,000 posts sharing an id took minutes to refuse.
func TestExplainAmbiguousMeasuresNothing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.jsonl"),
		jsonPost("same", "amy", "16 10:00:00", essay)+jsonPost("other", "bo", "16 10:30:00", another)+
			jsonPost("same", "cy", "16 11:00:00", "第三篇，说的是别的事情，质押收益和解锁的时间表都不一样，值得一读。"))
	r := parseRules(t, dir, tagRule)
	for _, tt := range []struct {
		keep     string
		measured []string // sources of the entries measured
	}{
		{"same", nil},
		{"p.jsonl:3", []string{"p.jsonl:3"}},
		{"other", []string{"p.jsonl:2"}},
	} {
		t.Run(tt.keep, func(t *testing.T) {
			keep := tt.keep
			if strings.Contains(keep, ":") {
				keep = filepath.ToSlash(filepath.Join(dir, keep))
			}
			res := evaluate(t, r, []string{dir}, campaign.Options{Keep: keep})
			var measured []string
			for i := range res.Entries {
				if _, ok := res.ClosestEarlier(i); ok {
					measured = append(measured, strings.TrimPrefix(res.Entries[i].Source(), filepath.ToSlash(dir)+"/"))
				}
			}
			if strings.Join(measured, " ") != strings.Join(tt.measured, " ") {
				t.Errorf("measured %q, want %q", measured, tt.measured)
			}
		})
	}
}
