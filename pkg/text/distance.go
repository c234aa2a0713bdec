package text

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// EditDistance is the optimal-string-alignment distance between a and b in
// runes, so a swap of two neighbours ("lenght") costs one edit. It backs the
// "did you mean" hints and the near misses of required tags.
func EditDistance(a, b string) int { return editDistance([]rune(a), []rune(b)) }

func editDistance(ra, rb []rune) int {
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Suggest returns up to n candidates close enough to word to be what was
// meant, nearest first, ties in byte order, each at most once. Close enough
// is at most one edit in three runes of word, and always one edit: "lenght"
// finds "length" and "jsn" finds "json", while a short word does not find
// every other short word. Every "did you mean" hint goes through here, so
// a rule-file key, an output format, a setting and an entry id are
// suggested alike.
func Suggest(word string, candidates []string, n int) []string {
	type near struct {
		s string
		d int
	}
	limit := max(1, utf8.RuneCountInString(word)/3)
	var found []near
	for _, c := range candidates {
		if d := EditDistance(word, c); d <= limit {
			found = append(found, near{c, d})
		}
	}
	slices.SortFunc(found, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.d, b.d), strings.Compare(a.s, b.s))
	})
	found = slices.CompactFunc(found, func(a, b near) bool { return a.s == b.s })
	out := make([]string, 0, min(n, len(found)))
	for _, f := range found[:min(n, len(found))] {
		out = append(out, f.s)
	}
	return out
}
