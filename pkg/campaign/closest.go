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

// findClosest measures the entry explain is to explain against every
// earlier entry's signature. The near-duplicate search only measures the
// pairs its LSH bands propose, which leaves out most pairs under the
// threshold; explain runs for one entry, so a scan over all of them costs
// little and shows the true figure. When the name given matches several
// entries explain refuses to pick one, so nothing is measured: measuring
// each of 20,000 posts sharing an id against all the others took minutes.
func (res *Result) findClosest(order []int) {
	if res.keep == "" {
		return
	}
	kept := res.Find(res.keep)
	if len(kept) != 1 {
		return
	}
	i := kept[0]
	pos := slices.Index(order, i)
	if pos < 0 {
		return // unreadable: compared with nothing
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
	res.closest = map[int]Closest{i: c}
}

func similarity(a, b *integrity.TextDoc) float64 {
	if a.Exact == b.Exact {
		return 1
	}
	return a.Sig.Similarity(&b.Sig)
}

// ClosestEarlier is the earlier entry most similar to entry i, measured
// for the entry named by Options.Keep; ok is false for other entries.
func (res *Result) ClosestEarlier(i int) (c Closest, ok bool) {
	c, ok = res.closest[i]
	return c, ok
}
