package campaign

import (
	"cmp"
	"hash/maphash"
	"slices"

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

// sameKey groups the candidates (indexes in increasing order) by key:
// it returns the groups of at least least candidates whose keys are equal,
// each in index order, the groups in no particular order (callers treat
// each group apart).
//
// A map of a million keys to their entries took a third of a second, and
// a sort of them all by key longer. The keys are hashed instead, on every
// core, and dealt into shards by hash, each candidate in index order; each
// shard sorts its own hashes and is grouped apart from the others, at
// once. Only candidates whose hashes are equal have their keys compared,
// so a collision can never join two keys.
func sameKey(cands []int, key func(i int) string, least, workers int) [][]int {
	seed := maphash.MakeSeed()
	ranges := par.Split(len(cands), workers, groupGrain)
	hashes := make([]uint64, len(cands))
	counts := make([][groupShards]int32, len(ranges))
	par.Each(len(ranges), func(r int) {
		for k := ranges[r][0]; k < ranges[r][1]; k++ {
			h := hashKey(seed, key(cands[k]))
			hashes[k] = h
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
	dealt := make([]hashed, len(cands))
	par.Each(len(ranges), func(r int) {
		next := &at[r]
		for k := ranges[r][0]; k < ranges[r][1]; k++ {
			s := hashes[k] >> 56
			dealt[next[s]] = hashed{hashes[k], int32(cands[k])}
			next[s]++
		}
	})
	found := make([][][]int, groupShards)
	shards := par.Split(groupShards, workers, 1)
	par.Each(len(shards), func(w int) {
		for s := shards[w][0]; s < shards[w][1]; s++ {
			found[s] = groupShard(dealt[starts[s]:starts[s+1]], key, least)
		}
	})
	return slices.Concat(found...)
}

// groupShard sorts one shard's hashes and returns its groups, all slices
// of one array: a campaign of a million entries has hundreds of thousands
// of authors with more than one.
func groupShard(part []hashed, key func(i int) string, least int) [][]int {
	slices.SortFunc(part, func(a, b hashed) int { return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.i, b.i)) })
	var members, ends []int
	for lo := 0; lo < len(part); {
		hi := lo + 1
		for hi < len(part) && part[hi].h == part[lo].h {
			hi++
		}
		if hi-lo >= least {
			start := len(members)
			for _, p := range part[lo:hi] {
				members = append(members, int(p.i))
			}
			if sameKeys(members[start:], key) {
				ends = append(ends, len(members))
			} else {
				// Hashes collided: the keys are told apart.
				groups := splitByKey(slices.Clone(members[start:]), key, least)
				members = members[:start]
				for _, g := range groups {
					members = append(members, g...)
					ends = append(ends, len(members))
				}
			}
		}
		lo = hi
	}
	groups := make([][]int, len(ends))
	start := 0
	for g, end := range ends {
		groups[g] = members[start:end:end]
		start = end
	}
	return groups
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
