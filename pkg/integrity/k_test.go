package integrity

import (
	"math/rand/v2"
	"testing"
)

type kFigures struct {
	background float64 // highest Jaccard between two different posts
	edited     float64 // lowest Jaccard between a post and its copy with 1 rune in 100 changed
	quoted     float64 // highest containment in the brief of a post quoting one brief sentence
}

func measureK(t testing.TB, posts []post, sentence, brief string, k int) kFigures {
	f := kFigures{edited: 1}
	rng := rand.New(rand.NewPCG(1, 2))
	briefSet := shingleSet(brief, k)
	for i, p := range posts {
		a := shingleSet(p.text, k)
		for _, q := range posts[i+1:] {
			f.background = max(f.background, jaccard(a, shingleSet(q.text, k)))
		}
		for range 20 {
			f.edited = min(f.edited, jaccard(a, shingleSet(edit(rng, p.text, 100), k)))
		}
		quoted := shingleSet(sentence+p.text, k)
		in := 0
		for x := range quoted {
			if briefSet[x] {
				in++
			}
		}
		f.quoted = max(f.quoted, float64(in)/float64(len(quoted)))
	}
	return f
}

// TestShingleLength records the measurements behind K: short shingles make
// unrelated posts on the campaign's topic look alike, long ones let a few
// edits hide a copy.
func TestShingleLength(t *testing.T) {
	posts := loadPosts(t)
	brief := Clean(loadBrief(t))
	sentence := Clean("分享你对 ES 项目的观点、前景判断、挖矿体验等")
	for _, lang := range []string{"zh", "en", "mix"} {
		var subset []post
		for _, p := range posts {
			if p.lang == lang {
				subset = append(subset, p)
			}
		}
		for k := 2; k <= 7; k++ {
			f := measureK(t, subset, sentence, brief, k)
			t.Logf("%-3s k=%d background=%.3f edited=%.3f quoted=%.3f", lang, k, f.background, f.edited, f.quoted)
			if k == K && (f.background >= 0.1 || f.edited < 0.85 || f.quoted >= 0.4) {
				t.Errorf("%s: K=%d no longer separates: %+v", lang, k, f)
			}
		}
	}
}
