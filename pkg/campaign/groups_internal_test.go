package campaign

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveGroups is sameKey by a map, groups in order of their first member.
func naiveGroups(cands []int, key func(int) string, least int) [][]int {
	pos := map[string]int{}
	var groups [][]int
	for _, i := range cands {
		g, ok := pos[key(i)]
		if !ok {
			g = len(groups)
			pos[key(i)] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return slices.DeleteFunc(groups, func(g []int) bool { return len(g) < least })
}

// isCand is the keep func of sameKey for the candidates cands.
func isCand(cands []int) func(i int) bool {
	set := map[int]bool{}
	for _, i := range cands {
		set[i] = true
	}
	return func(i int) bool { return set[i] }
}

func TestSameKeyGroupsAsAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	keys := make([]string, 60000)
	for i := range keys {
		keys[i] = fmt.Sprintf("user%d", r.IntN(20000))
	}
	keys[5] = "" // an empty key is a key
	keys[70] = ""
	var cands []int
	for i := range keys {
		if i%5 != 0 || i == 5 {
			cands = append(cands, i)
		}
	}
	key := func(i int) string { return keys[i] }
	for _, least := range []int{2, 3} {
		want := naiveGroups(cands, key, least)
		for _, workers := range []int{1, 2, 4} {
			got := sameKey(len(keys), isCand(cands), key, least, workers)
			slices.SortFunc(got, func(a, b []int) int { return a[0] - b[0] })
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("least %d, %d workers: %d groups, want %d (or members differ)", least, workers, len(got), len(want))
			}
		}
	}
}

// TestSameKeyCollisions: keys whose hashes collide are still told apart.
func TestSameKeyCollisions(t *testing.T) {
	defer func(h func(maphash.Seed, string) uint64) { hashKey = h }(hashKey)
	hashKey = func(_ maphash.Seed, s string) uint64 { return uint64(len(s)) * 0x9E3779B97F4A7C15 }
	keys := make([]string, 5000)
	for i := range keys {
		keys[i] = fmt.Sprintf("u%d", i%1500)
	}
	cands := make([]int, len(keys))
	for i := range cands {
		cands[i] = i
	}
	key := func(i int) string { return keys[i] }
	want := naiveGroups(cands, key, 4)
	got := sameKey(len(keys), isCand(cands), key, 4, 2)
	slices.SortFunc(got, func(a, b []int) int { return a[0] - b[0] })
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("%d groups, want %d (or members differ)", len(got), len(want))
	}
}

// TestSplitByKey: members whose keys hashed alike but differ are told
// apart, and groups too small are left out.
func TestSplitByKey(t *testing.T) {
	keys := []string{"a", "b", "a", "c", "b", "a"}
	key := func(i int) string { return keys[i] }
	tests := []struct {
		name    string
		members []int
		least   int
		want    [][]int
	}{
		{"one key", []int{0, 2, 5}, 2, [][]int{{0, 2, 5}}},
		{"two keys", []int{0, 1, 2, 4, 5}, 2, [][]int{{0, 2, 5}, {1, 4}}},
		{"one too small", []int{0, 1, 2, 3, 4, 5}, 3, [][]int{{0, 2, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := splitByKey(tt.members, key, tt.least); !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("splitByKey = %v, want %v", got, tt.want)
			}
		})
	}
}
