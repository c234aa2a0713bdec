package campaign_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
)

// TestSameIDs: the same post in two overlapping exports is one entry that
// lists its other source; one id on two different posts marks both.
// Before, the repeat counted twice and was a near-duplicate of itself,
// and different posts sharing an id went unreported.
func TestSameIDs(t *testing.T) {
	tests := []struct {
		name      string
		a, b      string
		entries   int
		codes     string // codes of every entry, in order, "|" between entries
		alsoIn    []string
		duplicate bool
	}{
		{
			name: "same post in two exports", entries: 2,
			a:     jsonPost("p1", "amy", "16 10:00:00", essay) + jsonPost("p2", "bo", "16 11:00:00", another),
			b:     `{"id": "p1", "author": "amy", "created_at": "2025-07-16 10:00:00", "likes": 40, "content": "#积分狂欢节# ` + essay + `"}` + "\n",
			codes: "|", alsoIn: []string{"b/p.jsonl:1"},
		},
		{
			name: "different posts with one id", entries: 3,
			a:     jsonPost("p1", "amy", "16 10:00:00", essay) + jsonPost("p2", "bo", "16 11:00:00", another),
			b:     jsonPost("p1", "cy", "16 12:00:00", "第三篇，说的是别的事情，质押收益和解锁的时间表都不一样，值得一读。"),
			codes: "duplicate-id||duplicate-id", duplicate: true,
		},
		{
			name: "same text and id, another author", entries: 2,
			a:     jsonPost("p1", "amy", "16 10:00:00", essay),
			b:     jsonPost("p1", "zed", "16 10:00:00", essay),
			codes: "duplicate-id|duplicate-id near-duplicate", duplicate: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "a", "p.jsonl"), tt.a)
			writeFile(t, filepath.Join(dir, "b", "p.jsonl"), tt.b)
			r := parseRules(t, dir, tagRule)
			res := evaluate(t, r, []string{filepath.Join(dir, "b"), filepath.Join(dir, "a")}, campaign.Options{})
			if len(res.Entries) != tt.entries {
				t.Fatalf("%d entries, want %d", len(res.Entries), tt.entries)
			}
			var codes []string
			for i := range res.Entries {
				codes = append(codes, codesOf(&res.Entries[i]))
			}
			if got := strings.Join(codes, "|"); got != tt.codes {
				t.Errorf("codes %q, want %q", got, tt.codes)
			}
			i, _ := byID(t, res, "p1")
			var also []string
			for _, s := range res.AlsoIn(i) {
				also = append(also, strings.TrimPrefix(s, filepath.ToSlash(dir)+"/"))
			}
			if !slices.Equal(also, tt.alsoIn) {
				t.Errorf("also in %q, want %q", also, tt.alsoIn)
			}
			if found := res.Find("p1"); (len(found) > 1) != tt.duplicate {
				t.Errorf("Find(p1) = %v", found)
			}
			if tt.duplicate {
				e := &res.Entries[i]
				if r := reasonOf(t, e, check.DuplicateID); !strings.Contains(r.Message, "b/p.jsonl:1") {
					t.Errorf("message %q does not name the other post", r.Message)
				}
				if got := res.Find(res.Entries[len(res.Entries)-1].Source()); len(got) != 1 || got[0] != len(res.Entries)-1 {
					t.Errorf("Find by source = %v", got)
				}
			}
		})
	}
}

// TestSameNameTextFiles: a text post's id is its file's name, so posts in
// alice/post.md and bob/post.md share an id without being the same post;
// they are not duplicate-id, while the same file in two exports is still
// one entry.
func TestSameNameTextFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "alice", "post.md"), "---\nauthor: alice\n---\n#积分狂欢节# "+essay+"\n")
	writeFile(t, filepath.Join(dir, "bob", "post.md"), "---\nauthor: bob\n---\n#积分狂欢节# "+another+"\n")
	writeFile(t, filepath.Join(dir, "copy", "alice", "post.md"), "---\nauthor: alice\n---\n#积分狂欢节# "+essay+"\n")
	res := evaluate(t, parseRules(t, dir, tagRule), []string{filepath.Join(dir, "alice"), filepath.Join(dir, "bob"), filepath.Join(dir, "copy")}, campaign.Options{})
	if len(res.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(res.Entries))
	}
	for i := range res.Entries {
		if e := &res.Entries[i]; e.Has(check.DuplicateID) || e.ID != "post" {
			t.Errorf("entry %s %s: %s", e.ID, e.Source(), codesOf(e))
		}
	}
	if also := res.AlsoIn(0); len(also) != 1 || !strings.HasSuffix(also[0], "copy/alice/post.md:1") {
		t.Errorf("also in %q", also)
	}
}

// TestExplainClosestBelowThreshold: explain measures the entry against
// every earlier one, so a reworded copy under the threshold shows its
// similarity instead of 0.00 (only the pairs LSH proposes were measured).
func TestExplainClosestBelowThreshold(t *testing.T) {
	dir := t.TempDir()
	orig := "质押收益每天结算，解锁期为七天，活动期间新用户额外获得奖励，老用户也可以参加抽奖活动。"
	reordered := "活动期间新用户额外获得奖励，老朋友也能参与抽奖。质押收益每天结算，解锁期为七天。"
	writeFile(t, filepath.Join(dir, "p.jsonl"),
		jsonPost("orig", "amy", "16 10:00:00", orig)+jsonPost("other", "bo", "16 10:30:00", another)+
			jsonPost("copy", "cy", "16 11:00:00", reordered))
	r := parseRules(t, dir, tagRule)
	res := evaluate(t, r, []string{dir}, campaign.Options{Keep: "copy"})
	i, e := byID(t, res, "copy")
	if e.Has(check.NearDuplicate) {
		t.Fatalf("the reordered copy should stay under the threshold: %+v", e.Reasons)
	}
	c, ok := res.ClosestEarlier(i)
	if !ok || c.Other < 0 || res.Entries[c.Other].ID != "orig" {
		t.Fatalf("closest %+v %v", c, ok)
	}
	if c.Similarity < 0.3 || c.Similarity >= r.Content.DuplicateThreshold {
		t.Errorf("similarity %.2f, want between 0.3 and the threshold", c.Similarity)
	}
	t.Logf("closest %.2f, the score used %.2f", c.Similarity, res.Scores[i].Similarity)
	st, err := res.Rank()
	if err != nil {
		t.Fatal(err)
	}
	x := res.Explain(i, nil, st)
	var near check.Reason
	for _, r := range x.Checks {
		if r.Code == check.NearDuplicate {
			near = r
		}
	}
	if !near.Pass || near.Other != "orig" || near.Measured == "" || near.Measured == "0.00" {
		t.Errorf("near-duplicate line %+v", near)
	}
	if _, ok := res.ClosestEarlier(0); ok {
		t.Errorf("an entry not explained was measured")
	}
}

// TestIDLikeAPlace: a record without an id is named by where it is, as the
// operator named the file; a record whose id only looks like its place
// keeps it. Before, an id equal to "p.jsonl:1" was taken for no id and
// renamed to the folder's path.
func TestIDLikeAPlace(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.jsonl"),
		`{"id": "p.jsonl:1", "author": "amy", "content": "#积分狂欢节# `+essay+`"}`+"\n"+
			`{"author": "bo", "content": "#积分狂欢节# `+another+`"}`+"\n")
	res := evaluate(t, parseRules(t, dir, tagRule), []string{dir}, campaign.Options{})
	byID(t, res, "p.jsonl:1")
	byID(t, res, filepath.ToSlash(filepath.Join(dir, "p.jsonl"))+":2")
}
