package campaign

import (
	"fmt"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
)

// authorsResult is n valid entries by n/3 authors under max_entries: 1.
func authorsResult(n int) *Result {
	res := &Result{Rules: &rules.Rules{}}
	res.Rules.Authors.MaxEntries = 1
	res.Rules.Authors.Keep = rules.KeepBest
	for i := range n {
		res.Entries = append(res.Entries, check.Entry{ID: fmt.Sprintf("p%d", i), Author: fmt.Sprintf("u%d", i%(n/3))})
		res.Scores = append(res.Scores, score.Result{Score: float64(i % 7)})
	}
	return res
}

// TestAuthorLimitShares: the entries an author's limit leaves out read the
// same reason; those that had no other share one array of it, and a
// reason added to one later is its own.
func TestAuthorLimitShares(t *testing.T) {
	res := authorsResult(6) // u0: p0 p2 p4, u1: p1 p3 p5
	res.Entries[4].Reasons = []check.Reason{{Code: check.TooShort, Pass: true}}
	res.applyAuthorLimit()
	want := "author u0 has 3 valid entries, 1 is kept (best first: p4)"
	for _, i := range []int{0, 2} {
		rs := res.Entries[i].Reasons
		if len(rs) != 1 || rs[0].Message != want || rs[0].Other != "p4" {
			t.Fatalf("p%d: %+v, want one author-limit: %s", i, rs, want)
		}
	}
	if &res.Entries[0].Reasons[0] != &res.Entries[2].Reasons[0] {
		t.Error("p0 and p2 hold two arrays of one reason")
	}
	if got := len(res.Entries[4].Reasons); got != 1 {
		t.Errorf("the kept p4 has %d reasons, want its pass alone", got)
	}
	res.Entries[2].Reasons = append(res.Entries[2].Reasons, check.Reason{Code: check.Overridden})
	if len(res.Entries[0].Reasons) != 1 {
		t.Errorf("a reason added to p2 changed p0's: %+v", res.Entries[0].Reasons)
	}
}

// BenchmarkAuthorLimit: 100,000 entries by 33,333 authors, two of three
// left out.
func BenchmarkAuthorLimit(b *testing.B) {
	res := authorsResult(100_000)
	entries := res.Entries
	b.ReportAllocs()
	for b.Loop() {
		res.Entries = append([]check.Entry(nil), entries...)
		res.applyAuthorLimit()
	}
}

// TestEarliestFirstStable: entries that tie on time and id (one post read
// twice) keep their source order, as a stable sort keeps it.
func TestEarliestFirstStable(t *testing.T) {
	res := &Result{}
	for i := range 50 {
		res.Entries = append(res.Entries, check.Entry{ID: fmt.Sprint("p", i%3), File: "a.jsonl", Line: 1})
	}
	order := res.earliestFirst()
	for k := 1; k < len(order); k++ {
		a, b := &res.Entries[order[k-1]], &res.Entries[order[k]]
		if a.ID == b.ID && order[k-1] > order[k] {
			t.Fatalf("%s at %d before %d: ties out of source order", a.ID, order[k-1], order[k])
		}
	}
}

// BenchmarkEarliestFirst orders 100,000 entries of 3,600 distinct times.
func BenchmarkEarliestFirst(b *testing.B) {
	res := &Result{}
	t0 := time.Date(2025, 7, 16, 0, 0, 0, 0, time.UTC)
	for i := range 100_000 {
		res.Entries = append(res.Entries, check.Entry{ID: fmt.Sprintf("g%07d", (i*7919)%100_000), HasTime: true, CreatedAt: t0.Add(time.Duration(i*31%3600) * time.Second)})
	}
	for b.Loop() {
		res.earliestFirst()
	}
}

// TestAuthorLimitMessages: the messages written into one string read as
// they did when each was formatted alone, for every group of a range.
func TestAuthorLimitMessages(t *testing.T) {
	for _, tt := range []struct {
		name  string
		limit int
		keep  string
	}{
		{"one kept, best", 1, rules.KeepBest},
		{"two kept, earliest", 2, rules.KeepFirst},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := authorsResult(3000) // 1000 authors of 3 entries
			res.Rules.Authors.MaxEntries, res.Rules.Authors.Keep = tt.limit, tt.keep
			res.Entries[1].Author = "链上老王 \xff"
			res.Entries[1001].Author, res.Entries[2001].Author = res.Entries[1].Author, res.Entries[1].Author
			res.workers = 3
			res.applyAuthorLimit()
			limited := 0
			for i := range res.Entries {
				for _, r := range res.Entries[i].Reasons {
					group := res.Entries[i].Author
					want := fmt.Sprintf("author %s has %d valid entries, %d %s kept (%s first: %s)", group, 3, tt.limit,
						map[bool]string{true: "is", false: "are"}[tt.limit == 1], keepWord(tt.keep), r.Other)
					if r.Message != want {
						t.Fatalf("entry %d: %q, want %q", i, r.Message, want)
					}
					limited++
				}
			}
			if want := 1000 * (3 - tt.limit); limited != want {
				t.Errorf("%d entries limited, want %d", limited, want)
			}
		})
	}
}
