package score

import (
	"cmp"
	"encoding/binary"
	"slices"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/internal/hugepage"
	"github.com/promo-cli/promo/pkg/internal/par"
)

// timeKey is what Earlier compares first, packed into one value: the
// sorts of a million entries then compare values in one array rather than
// follow a pointer to each of two entries per comparison, which cost more
// than the comparisons. Keys that compare 0 leave the entries to Earlier.
type timeKey struct {
	sec int64
	// id is the id's first eight bytes, big-endian, zero after its end:
	// two ids whose keys differ are in the order of their keys.
	id uint64
	// nsec is the nanosecond, with the top bit set for an entry without
	// a time, which comes after every entry with one.
	nsec uint32
	// i is the entry's index, which the sorts carry along: here it
	// takes the room the struct would pad to 24 bytes anyway, where a
	// field of the sorts' own made their keys 32 bytes, a third more
	// memory to fill and move for a million entries. compare ignores it.
	i int32
}

func timeKeyOf(e *check.Entry, i int) timeKey {
	k := timeKey{sec: e.CreatedAt.Unix(), nsec: uint32(e.CreatedAt.Nanosecond()), i: int32(i)}
	if !e.HasTime {
		k.nsec |= 1 << 31
	}
	var id [8]byte
	copy(id[:], e.ID)
	k.id = binary.BigEndian.Uint64(id[:])
	return k
}

// compare orders keys as Earlier orders their entries, or returns 0.
func (a timeKey) compare(b timeKey) int {
	return cmp.Or(cmp.Compare(a.nsec>>31, b.nsec>>31), cmp.Compare(a.sec, b.sec),
		cmp.Compare(a.nsec, b.nsec), cmp.Compare(a.id, b.id))
}

// sortGrain is the least number of entries a goroutine keys.
const sortGrain = 1 << 14

// SortEarliest sorts idx, indexes into entries, by Earlier, the index
// settling ties, on up to workers goroutines.
func SortEarliest(entries []check.Entry, idx []int, workers int) {
	keys := hugepage.Make[timeKey](len(idx))
	par.Ranges(len(idx), workers, sortGrain, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			keys[k] = timeKeyOf(&entries[idx[k]], idx[k])
		}
	})
	sortEarliest(entries, keys, idx, workers)
}

// Earliest returns the i for which keep(i) is true, sorted as
// SortEarliest sorts them. The entries are picked and keyed in one pass:
// a list of indexes picked first was one more pass over a million
// entries, and 8 MB.
func Earliest(entries []check.Entry, keep func(i int) bool, workers int) []int {
	keys := par.Filter(hugepage.Make[timeKey](len(entries)), len(entries), workers, sortGrain, func(i int) (timeKey, bool) {
		if !keep(i) {
			return timeKey{}, false
		}
		return timeKeyOf(&entries[i], i), true
	})
	idx := hugepage.Make[int](len(keys))
	sortEarliest(entries, keys, idx, workers)
	return idx
}

// sortEarliest sorts keys by Earlier, the index
// settling ties, and writes their indexes into idx in that order. An
// export is mostly written in time order: keys already in order, as the
// check on every core finds, are not sorted.
func sortEarliest(entries []check.Entry, keys []timeKey, idx []int, workers int) {
	before := func(a, b timeKey) int {
		if c := a.compare(b); c != 0 {
			return c
		}
		return cmp.Or(Earlier(&entries[a.i], &entries[b.i]), cmp.Compare(a.i, b.i))
	}
	if !inOrder(keys, workers, before) {
		par.SortFunc(keys, workers, before)
	}
	par.Ranges(len(keys), workers, sortGrain, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			idx[k] = int(keys[k].i)
		}
	})
}

// inOrder reports whether keys are sorted by before, checked in ranges
// on up to workers goroutines.
func inOrder(keys []timeKey, workers int, before func(a, b timeKey) int) bool {
	r := par.Split(len(keys), workers, sortGrain)
	sorted := make([]bool, len(r))
	par.Each(len(r), func(k int) {
		// Each range checks its first key against the one before it.
		lo := max(r[k][0], 1)
		sorted[k] = true
		for i := lo; i < r[k][1]; i++ {
			if before(keys[i-1], keys[i]) > 0 {
				sorted[k] = false
				return
			}
		}
	})
	return !slices.Contains(sorted, false)
}

// Rank returns the indexes of the valid entries, best first: by Order,
// the index settling ties, found and sorted on up to workers goroutines.
func Rank(entries []check.Entry, results []Result, workers int) []int {
	idx := par.Indexes(len(entries), workers, sortGrain, func(i int) bool { return entries[i].Valid() })
	type keyed struct {
		score float64
		timeKey
	}
	keys := hugepage.Make[keyed](len(idx))
	par.Ranges(len(idx), workers, sortGrain, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			i := idx[k]
			keys[k] = keyed{results[i].Score, timeKeyOf(&entries[i], i)}
		}
	})
	par.SortFunc(keys, workers, func(a, b keyed) int {
		if c := cmp.Or(cmp.Compare(b.score, a.score), a.compare(b.timeKey)); c != 0 {
			return c
		}
		return cmp.Or(Earlier(&entries[a.i], &entries[b.i]), cmp.Compare(a.i, b.i))
	})
	for k := range keys {
		idx[k] = int(keys[k].i)
	}
	return idx
}
