package score_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/score"
)

// crowd is n entries made to tie: few times (some the same instant in
// other zones, some with nanoseconds, some missing), ids that share
// prefixes, run past eight bytes, hold NUL bytes or repeat, and a few
// entries read twice at one place.
func crowd(n int) []check.Entry {
	r := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2025, 7, 15, 10, 0, 0, 0, time.UTC)
	zone := time.FixedZone("CST", 8*3600)
	ids := []string{"", "a", "a\x00", "a\x00b", "abcdefgh", "abcdefghi", "abcdefgh\x00", "g0000001", "g00000010", "用户", "\xff"}
	entries := make([]check.Entry, n)
	for i := range entries {
		e := &entries[i]
		e.ID = ids[r.IntN(len(ids))]
		if r.IntN(3) == 0 {
			e.ID += string(rune('a' + r.IntN(3)))
		}
		e.File, e.Line = "posts.jsonl", r.IntN(5)
		e.HasTime = r.IntN(8) != 0
		e.CreatedAt = base.Add(time.Duration(r.IntN(4)) * time.Second).Add(time.Duration(r.IntN(2)) * time.Nanosecond)
		if r.IntN(2) == 0 {
			e.CreatedAt = e.CreatedAt.In(zone)
		}
		if !e.HasTime && r.IntN(2) == 0 {
			e.CreatedAt = time.Time{}
		}
	}
	return entries
}

func TestSortEarliestIsEarlierThenIndex(t *testing.T) {
	entries := crowd(40000)
	want := make([]int, len(entries))
	for i := range want {
		want[i] = i
	}
	slices.SortFunc(want, func(a, b int) int {
		return cmp.Or(score.Earlier(&entries[a], &entries[b]), cmp.Compare(a, b))
	})
	for _, workers := range []int{1, 2, 4} {
		got := make([]int, len(entries))
		for i := range got {
			got[i] = len(got) - 1 - i
		}
		score.SortEarliest(entries, got, workers)
		if !slices.Equal(got, want) {
			t.Errorf("%d workers: the order differs from Earlier's", workers)
		}
	}
}

// TestEarliestIsEarlierThenIndex: Earliest picks the kept entries and
// orders them as Earlier, the index settling ties, whether they come in
// order already (the sort is then left out), out of order only across
// the boundary of the ranges its check is split in, or at random.
func TestEarliestIsEarlierThenIndex(t *testing.T) {
	random := crowd(40000)
	sorted := slices.Clone(random)
	slices.SortStableFunc(sorted, func(a, b check.Entry) int { return score.Earlier(&a, &b) })
	swapped := slices.Clone(sorted)
	// One pair out of order at the middle, where two ranges meet.
	mid := len(swapped) / 2
	for swapped[mid-1].CreatedAt.Equal(swapped[mid].CreatedAt) && mid < len(swapped)-1 {
		mid++
	}
	swapped[mid-1], swapped[mid] = swapped[mid], swapped[mid-1]
	cases := []struct {
		name    string
		entries []check.Entry
	}{
		{"random", random},
		{"in order", sorted},
		{"one pair swapped", swapped},
	}
	for _, c := range cases {
		keep := func(i int) bool { return i%7 != 3 }
		var want []int
		for i := range c.entries {
			if keep(i) {
				want = append(want, i)
			}
		}
		slices.SortFunc(want, func(a, b int) int {
			return cmp.Or(score.Earlier(&c.entries[a], &c.entries[b]), cmp.Compare(a, b))
		})
		for _, workers := range []int{1, 2, 4} {
			if got := score.Earliest(c.entries, keep, workers); !slices.Equal(got, want) {
				t.Errorf("%s, %d workers: the order differs from Earlier's", c.name, workers)
			}
		}
	}
}

func TestRankIsOrderThenIndex(t *testing.T) {
	entries := crowd(40000)
	results := make([]score.Result, len(entries))
	r := rand.New(rand.NewPCG(5, 6))
	var want []int
	for i := range entries {
		results[i].Score = float64(r.IntN(4)) / 3
		if r.IntN(5) == 0 {
			entries[i].Reasons = []check.Reason{{Code: check.MissingTag}}
		} else {
			want = append(want, i)
		}
	}
	slices.SortFunc(want, func(a, b int) int {
		return cmp.Or(score.Order(&entries[a], &entries[b], results[a].Score, results[b].Score), cmp.Compare(a, b))
	})
	for _, workers := range []int{1, 2, 4} {
		if got := score.Rank(entries, results, workers); !slices.Equal(got, want) {
			t.Errorf("%d workers: the ranking differs from Order's", workers)
		}
	}
}

func TestScoreWhateverTheWorkers(t *testing.T) {
	r := mustRules(t, baseRules)
	entries := crowd(70000)
	sims := make([]float64, len(entries))
	for i := range entries {
		entries[i].Measure = check.Measure{Length: i % 300, Images: i % 3, Topics: i % 3, Likes: int64(i % 1000), Comments: int64(i % 7)}
		if i%11 == 0 {
			entries[i].Reasons = []check.Reason{{Code: check.NoImage}}
		}
		sims[i] = float64(i%10) / 10
	}
	// The highest engagement is an entry's that cannot compete, in the
	// last range: it must not count.
	entries[len(entries)-1].Measure.Likes = 1 << 40
	entries[len(entries)-1].Reasons = []check.Reason{{Code: check.MissingTag}}
	want := score.New(r, nil).Workers(1).Score(entries, sims)
	for _, workers := range []int{2, 3, 8} {
		if got := score.New(r, nil).Workers(workers).Score(entries, sims); !slices.Equal(got, want) {
			t.Errorf("%d workers: the scores differ from one worker's", workers)
		}
	}
}
