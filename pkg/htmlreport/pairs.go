package htmlreport

import (
	"math/bits"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/integrity"
)

// wanted is what the second read keeps beyond the explanations: the
// texts of the near-duplicates and the images of the reused screenshots
// the page shows.
type wanted struct {
	text   map[int]string
	images map[int][]export.Image
}

func newWanted(res *campaign.Result, max int) *wanted {
	w := &wanted{text: map[int]string{}, images: map[int][]export.Image{}}
	for _, c := range res.Clusters[:min(max, len(res.Clusters))] {
		for _, i := range c {
			w.text[i] = ""
		}
	}
	for _, rp := range reusedRefs(res, max) {
		w.images[rp.entry], w.images[rp.orig] = nil, nil
	}
	return w
}

func (w *wanted) keep(i int, p *export.Post) {
	if _, ok := w.text[i]; ok {
		w.text[i] = p.Content
	}
	if _, ok := w.images[i]; ok {
		w.images[i] = p.Images
	}
}

func clustersOf(res *campaign.Result, w *wanted, max int) ([]Cluster, int) {
	var out []Cluster
	for _, c := range res.Clusters[:min(max, len(res.Clusters))] {
		var cl Cluster
		first := c[0]
		for _, i := range c[1:] {
			a, b := shared(w.text[first], w.text[i])
			cl.Pairs = append(cl.Pairs, Pair{
				Similarity: similarityOf(&res.Entries[i], res.Entries[first].ID),
				Left:       sideOf(&res.Entries[first], a),
				Right:      sideOf(&res.Entries[i], b),
			})
		}
		out = append(out, cl)
	}
	return out, len(res.Clusters)
}

// similarityOf is what the near-duplicate check measured, naming the
// entry it was measured against when that is not the earliest of the
// group (first): a member can repeat another member.
func similarityOf(e *check.Entry, first string) string {
	for _, r := range e.Reasons {
		if r.Code == check.NearDuplicate && !r.Pass {
			if r.Other != first {
				return r.Measured + " to " + r.Other
			}
			return r.Measured
		}
	}
	return ""
}

func sideOf(e *check.Entry, text []Segment) Side {
	return Side{ID: e.ID, Author: e.Author, Source: e.Source(), Text: text}
}

// reusedRef is an entry found with reused-image and the entry it repeats.
type reusedRef struct {
	entry, orig     int
	distance, limit string
}

func reusedRefs(res *campaign.Result, max int) []reusedRef {
	firstByID := map[string]int{}
	for i := range res.Entries {
		if _, ok := firstByID[res.Entries[i].ID]; !ok {
			firstByID[res.Entries[i].ID] = i
		}
	}
	var out []reusedRef
	for i := range res.Entries {
		for _, r := range res.Entries[i].Reasons {
			if r.Code != check.ReusedImage || r.Pass || len(out) >= max {
				continue
			}
			if o, ok := firstByID[r.Other]; ok {
				out = append(out, reusedRef{entry: i, orig: o, distance: r.Measured, limit: r.Limit})
			}
		}
	}
	return out
}

func reusedOf(res *campaign.Result, w *wanted, max int, budget *ThumbBudget) ([]ReusedPair, int) {
	total := 0
	for i := range res.Entries {
		if res.Entries[i].Has(check.ReusedImage) {
			total++
		}
	}
	var out []ReusedPair
	for _, rp := range reusedRefs(res, max) {
		a, b := closestImages(w.images[rp.orig], w.images[rp.entry])
		out = append(out, ReusedPair{
			Distance: rp.distance, Limit: rp.limit,
			Left:  shotOf(&res.Entries[rp.orig], a, budget),
			Right: shotOf(&res.Entries[rp.entry], b, budget),
		})
	}
	return out, total
}

// closestImages picks, of two entries' local images, the two whose
// perceptual hashes are nearest: the pair the check matched.
func closestImages(as, bs []export.Image) (export.Image, export.Image) {
	var bestA, bestB export.Image
	best := 65
	for _, a := range as {
		sa, err := hashOf(a)
		if err != nil {
			continue
		}
		for _, b := range bs {
			sb, err := hashOf(b)
			if err != nil {
				continue
			}
			if d := bits.OnesCount64(sa.PHash ^ sb.PHash); d < best {
				best, bestA, bestB = d, a, b
			}
		}
	}
	return bestA, bestB
}

func hashOf(im export.Image) (integrity.ImageSig, error) {
	if im.Path == "" || im.Problem != "" {
		return integrity.ImageSig{}, errNoLocal
	}
	return integrity.HashImage(im.Path)
}

func shotOf(e *check.Entry, im export.Image, budget *ThumbBudget) Shot {
	s := Shot{ID: e.ID, Author: e.Author, Ref: im.Ref}
	s.Thumb = budget.thumb(im)
	return s
}
