package par

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

func TestRangesCoverOnce(t *testing.T) {
	for _, tt := range []struct {
		name              string
		n, workers, grain int
		wantRanges        int
	}{
		{"empty", 0, 4, 1, 0},
		{"one worker", 100, 1, 1, 1},
		{"below the grain", 100, 4, 200, 1},
		{"split", 100, 4, 10, 4},
		{"uneven", 10, 3, 1, 3},
		{"grain bounds the parts", 100, 8, 30, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			seen := make([]int, tt.n)
			var mu sync.Mutex
			ranges := 0
			Ranges(tt.n, tt.workers, tt.grain, func(lo, hi int) {
				mu.Lock()
				defer mu.Unlock()
				ranges++
				for i := lo; i < hi; i++ {
					seen[i]++
				}
			})
			if ranges != tt.wantRanges {
				t.Errorf("%d ranges, want %d", ranges, tt.wantRanges)
			}
			for i, c := range seen {
				if c != 1 {
					t.Fatalf("item %d covered %d times", i, c)
				}
			}
		})
	}
}

func TestSortFuncMatchesOneSort(t *testing.T) {
	type item struct{ key, at int }
	byKeyThenAt := func(a, b item) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.at, b.at)) }
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 1000, sortGrain*2 + 1, sortGrain*5 + 7} {
		for _, workers := range []int{1, 2, 3, 4, 8} {
			s := make([]item, n)
			for i := range s {
				s[i] = item{r.IntN(n/3 + 1), i}
			}
			want := slices.Clone(s)
			slices.SortFunc(want, byKeyThenAt)
			SortFunc(s, workers, byKeyThenAt)
			if !slices.Equal(s, want) {
				t.Errorf("n %d, %d workers: the order differs from one sort", n, workers)
			}
		}
	}
}

func TestIndexesInOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 3, 7} {
		got := Indexes(10000, workers, 100, func(i int) bool { return i%3 == 1 })
		var want []int
		for i := range 10000 {
			if i%3 == 1 {
				want = append(want, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d workers: indexes differ", workers)
		}
	}
}

// TestFilterInPlace: filtering a slice into itself keeps the picked values
// in order, whatever the number of workers and however unevenly the
// ranges keep.
func TestFilterInPlace(t *testing.T) {
	for _, workers := range []int{1, 2, 3, 7} {
		s := make([]int, 10000)
		for i := range s {
			s[i] = i * 10
		}
		// Keep a lot of the first range and little of the others, so that
		// the later ranges move far back.
		keep := func(v int) bool { return v < 20000 || v%70 == 0 }
		var want []int
		for _, v := range s {
			if keep(v) {
				want = append(want, v+1)
			}
		}
		got := Filter(s, len(s), workers, 100, func(i int) (int, bool) { return s[i] + 1, keep(s[i]) })
		if !slices.Equal(got, want) {
			t.Errorf("%d workers: %d values, want %d, or in another order", workers, len(got), len(want))
		}
	}
}
