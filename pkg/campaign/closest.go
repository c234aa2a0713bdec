package campaign

import (
	"slices"

	"github.com/promo-cli/promo/pkg/integrity"
)

// Closest is the earlier entry most similar to an explained one.
type Closest struct {
	Other      int // index into Entries; -1 when no earlier entry could be compared
	Similarity float64
}

// findClosest measures each kept entry against every earlier entry's
// signature. The near-duplicate search only measures the pairs its LSH
// bands propose, which leaves out most pairs under the threshold; explain
// runs for one entry, so a scan over all of them costs little and shows
// the true figure.
func (res *Result) findClosest(order []int) {
	if res.keep == "" {
		return
	}
	for pos, i := range order {
		if !res.isKept(i) {
			continue
		}
		c := Closest{Other: -1}
		d := res.sigs.text(i)
		if d != nil && d.OK {
			for _, j := range order[:pos] {
				o := res.sigs.text(j)
				if o == nil || !o.OK {
					continue
				}
				if s := similarity(d, o); c.Other < 0 || s > c.Similarity {
					c = Closest{Other: j, Similarity: s}
				}
			}
		}
		if res.closest == nil {
			res.closest = map[int]Closest{}
		}
		res.closest[i] = c
	}
}

func similarity(a, b *integrity.TextDoc) float64 {
	if a.Exact == b.Exact {
		return 1
	}
	return a.Sig.Similarity(&b.Sig)
}

func (res *Result) isKept(i int) bool {
	e := &res.Entries[i]
	return e.ID == res.keep || e.Source() == res.keep || slices.Contains(res.Also[i], res.keep)
}

// ClosestEarlier is the earlier entry most similar to entry i, measured
// for the entry named by Options.Keep; ok is false for other entries.
func (res *Result) ClosestEarlier(i int) (c Closest, ok bool) {
	c, ok = res.closest[i]
	return c, ok
}
