package score

import (
	"cmp"
	"encoding/binary"

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
	par.SortFunc(keys, workers, func(a, b timeKey) int {
		if c := a.compare(b); c != 0 {
			return c
		}
		return cmp.Or(Earlier(&entries[a.i], &entries[b.i]), cmp.Compare(a.i, b.i))
	})
	for k := range keys {
		idx[k] = int(keys[k].i)
	}
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
