package integrity

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

type post struct {
	lang string
	text string // cleaned
}

// loadPosts reads testdata/posts.txt: blocks separated by blank lines, the
// first line of each naming the language (zh, en, mix).
func loadPosts(t testing.TB) []post {
	t.Helper()
	data, err := os.ReadFile("testdata/posts.txt")
	if err != nil {
		t.Fatal(err)
	}
	var posts []post
	for _, block := range strings.Split(strings.TrimSpace(string(data)), "\n\n") {
		lang, text, _ := strings.Cut(block, "\n")
		posts = append(posts, post{lang: lang, text: Clean(text)})
	}
	return posts
}

func loadBrief(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("testdata/brief.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit changes about one rune in every `every`, always at least one, to a
// rune of the same kind that did not occur there.
func edit(rng *rand.Rand, s string, every int) string {
	rs := []rune(s)
	n := max(1, len(rs)/every)
	for _, i := range rng.Perm(len(rs))[:min(n, len(rs))] {
		rs[i] = replacement(rng, rs[i])
	}
	return string(rs)
}

func replacement(rng *rand.Rand, old rune) rune {
	for {
		var r rune
		if old >= 0x4e00 && old <= 0x9fff {
			r = 0x4e00 + rune(rng.IntN(0x9fff-0x4e00))
		} else {
			r = 'a' + rune(rng.IntN(26))
		}
		if r != old {
			return r
		}
	}
}

// shingleSet is the exact set of k-rune shingles, for checking estimates.
func shingleSet(s string, k int) map[uint64]bool {
	var runes []rune
	set := map[uint64]bool{}
	for _, x := range shinglesK(nil, &runes, s, k) {
		set[x] = true
	}
	return set
}

func jaccard(a, b map[uint64]bool) float64 {
	inter := 0
	for x := range a {
		if b[x] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// sign signs a cleaned text with a fresh Signer.
func sign(cleaned string) (Signature, uint64, bool) {
	var s Signer
	return s.Sign(cleaned)
}

// nearDocs is NearRefs over a slice of docs, as most tests hold them.
func nearDocs(docs []TextDoc, threshold float64) NearResult {
	refs := make([]*TextDoc, len(docs))
	for i := range docs {
		refs[i] = &docs[i]
	}
	return NearRefs(refs, threshold)
}
