package campaign

import (
	"hash/maphash"
	"math/bits"
	"slices"

	"github.com/promo-cli/promo/pkg/internal/hugepage"
	"github.com/promo-cli/promo/pkg/internal/par"
)

// hashed is a candidate's key's hash.
type hashed struct {
	h uint64
	i int32
}

// hashKey is the hash sameKey tells keys apart by; tests make it collide.
var hashKey = maphash.String

// groupShards is how many shards sameKey spreads the hashes over: enough
// that each shard's sort works in the cache and the shards share the
// cores evenly.
const groupShards = 256

// groupGrain is the least number of entries a goroutine hashes.
const groupGrain = 1 << 14

// sameKey groups the candidates, the i in [0, n) for which keep(i) is
// true, by key: it returns the groups of at least least candidates whose
// keys are equal, each in index order, the groups in no particular order
// (callers treat each group apart).
//
// A map of a million keys to their entries took a third of a second, and
// a sort of them all by key longer. The keys are hashed instead, on every
// core, and dealt into shards by hash, each candidate in index order; each
// shard chains its own candidates by hash, apart from the others, at
// once. Only candidates whose hashes are equal have their keys compared,
// so a collision can never join two keys.
//
// The candidates are picked in the pass that hashes them: a list of them
// made first was one more pass over a million entries, and 8 MB.
func sameKey(n int, keep func(i int) bool, key func(i int) string, least, workers int) [][]int {
	seed := maphash.MakeSeed()
	ranges := par.Split(n, workers, groupGrain)
	// hashes holds, per index, its key's hash (1 for a hash of 0), or 0
	// for an index that is not a candidate. Setting the lowest bit of every
	// hash instead started every key in an odd slot of chain's table, with
	// about a tenth more probes.
	hashes := hugepage.Make[uint64](n)
	counts := make([][groupShards]int32, len(ranges))
	par.Each(len(ranges), func(r int) {
		for i := ranges[r][0]; i < ranges[r][1]; i++ {
			if !keep(i) {
				continue
			}
			h := max(hashKey(seed, key(i)), 1)
			hashes[i] = h
			counts[r][h>>56]++
		}
	})
	// Each range deals its candidates after those of the ranges before it,
	// so that every shard holds its candidates in index order.
	var starts [groupShards + 1]int
	at := make([][groupShards]int, len(ranges))
	for s := range groupShards {
		n := starts[s]
		for r := range ranges {
			at[r][s] = n
			n += int(counts[r][s])
		}
		starts[s+1] = n
	}
	dealt := hugepage.Make[hashed](starts[groupShards])
	par.Each(len(ranges), func(r int) {
		next := &at[r]
		for i := ranges[r][0]; i < ranges[r][1]; i++ {
			if h := hashes[i]; h != 0 {
				dealt[next[h>>56]] = hashed{h, int32(i)}
				next[h>>56]++
			}
		}
	})
	found := make([][][]int, groupShards)
	shards := par.Split(groupShards, workers, 1)
	par.Each(len(shards), func(w int) {
		var t chains
		for s := shards[w][0]; s < shards[w][1]; s++ {
			found[s] = groupShard(dealt[starts[s]:starts[s+1]], key, least, &t)
		}
	})
	return slices.Concat(found...)
}

// groupShard returns one shard's groups, all slices of one array: a
// campaign of a million entries has hundreds of thousands of authors with
// more than one. The candidates with one hash are chained in a table that
// fits in the cache, in the shard's (index) order: a sort of each shard
// by hash cost more than the rest of sameKey.
func groupShard(part []hashed, key func(i int) string, least int, t *chains) [][]int {
	t.chain(part)
	var members, ends []int
	for k := range part {
		if int(t.count[k]) < least {
			continue
		}
		start := len(members)
		for j := int32(k); j >= 0; j = t.next[j] {
			members = append(members, int(part[j].i))
		}
		if sameKeys(members[start:], key) {
			ends = append(ends, len(members))
			continue
		}
		// Hashes collided: the keys are told apart.
		groups := splitByKey(slices.Clone(members[start:]), key, least)
		members = members[:start]
		for _, g := range groups {
			members = append(members, g...)
			ends = append(ends, len(members))
		}
	}
	groups := make([][]int, len(ends))
	start := 0
	for g, end := range ends {
		groups[g] = members[start:end:end]
		start = end
	}
	return groups
}

// chains links the candidates of a shard that share a hash, reused from
// one shard to the next.
type chains struct {
	slots []int32 // open addressing by hash: 1 + the first candidate with it, or 0
	next  []int32 // per candidate, the next one with its hash, or -1
	last  []int32 // per first candidate, the last one with its hash
	count []int32 // per first candidate, how many have its hash; 0 for the others
}

// chain links part's candidates: each first candidate of a hash heads the
// chain of all with it, in part's order.
func (t *chains) chain(part []hashed) {
	size := 1 << bits.Len(uint(2*len(part)))
	mask := uint64(size - 1)
	t.slots = resize(t.slots, size)
	clear(t.slots)
	t.next, t.last, t.count = resize(t.next, len(part)), resize(t.last, len(part)), resize(t.count, len(part))
	for k, p := range part {
		t.next[k], t.count[k] = -1, 0
		// The top byte of a hash is its shard's, the same for all.
		s := p.h & mask
		for ; t.slots[s] != 0; s = (s + 1) & mask {
			if f := t.slots[s] - 1; part[f].h == p.h {
				t.next[t.last[f]] = int32(k)
				t.last[f] = int32(k)
				t.count[f]++
				break
			}
		}
		if t.slots[s] == 0 {
			t.slots[s] = int32(k) + 1
			t.last[k], t.count[k] = int32(k), 1
		}
	}
}

// resize returns s with length n, reusing its array when it has room.
func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// sameKeys reports whether all the members have one key.
func sameKeys(members []int, key func(i int) string) bool {
	first := key(members[0])
	return !slices.ContainsFunc(members[1:], func(i int) bool { return key(i) != first })
}

// splitByKey splits members whose keys hash alike into the groups of at
// least least members whose keys are equal, each in the members' order.
func splitByKey(members []int, key func(i int) string, least int) [][]int {
	byKey := map[string]int{}
	var groups [][]int
	for _, i := range members {
		g, ok := byKey[key(i)]
		if !ok {
			g = len(groups)
			byKey[key(i)] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return slices.DeleteFunc(groups, func(g []int) bool { return len(g) < least })
}
