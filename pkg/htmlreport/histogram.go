package htmlreport

import (
	"fmt"
	"math"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
)

const bins = 30

// lengthHistogram is the readable entries' lengths in the rule's unit,
// with the rule's minimum and maximum marked.
func lengthHistogram(res *campaign.Result) Histogram {
	r := res.Rules.Length
	h := Histogram{Label: "length (" + string(r.Unit) + ")"}
	var values []float64
	top := float64(r.Min)
	for i := range res.Entries {
		if e := &res.Entries[i]; !e.Has(check.Unreadable) {
			values = append(values, float64(e.Measure.Length))
			top = math.Max(top, float64(e.Measure.Length))
		}
	}
	if r.Max > 0 && float64(r.Max) <= top*1.5 {
		top = math.Max(top, float64(r.Max))
	}
	h.Width = niceStep(top / bins)
	fill(&h, values)
	h.Marks = append(h.Marks, Mark{At: float64(r.Min), Label: fmt.Sprintf("min %d", r.Min)})
	if r.Max > 0 {
		if float64(r.Max) <= h.From+h.Width*float64(len(h.Counts)) {
			h.Marks = append(h.Marks, Mark{At: float64(r.Max), Label: fmt.Sprintf("max %d", r.Max)})
		} else {
			h.Note = fmt.Sprintf("the maximum, %d, lies beyond the longest entry", r.Max)
		}
	}
	return h
}

// scoreHistogram is the ranked entries' scores, with the lowest paid
// score marked as the cut-off.
func scoreHistogram(res *campaign.Result, st *campaign.Standings) Histogram {
	h := Histogram{Label: "score (0–100)", Width: 100.0 / 20}
	var values []float64
	cut := -1.0
	for _, pl := range st.Placings {
		s := res.Scores[pl.Entry].Score
		values = append(values, s)
		if pl.Paid {
			cut = s
		}
	}
	h.Counts = make([]int, 20)
	fill(&h, values)
	if cut >= 0 {
		h.Marks = []Mark{{At: cut, Label: fmt.Sprintf("cut-off %.2f", cut)}}
	}
	if len(values) == 0 {
		h.Note = "no valid entry to score"
	}
	return h
}

// fill counts values into bins of h.Width from 0; the last bin takes the
// highest value.
func fill(h *Histogram, values []float64) {
	h.Samples = len(values)
	if h.Width <= 0 {
		h.Width = 1
	}
	if len(h.Counts) == 0 {
		top := 0.0
		for _, v := range values {
			top = math.Max(top, v)
		}
		h.Counts = make([]int, max(1, int(top/h.Width)+1))
	}
	for _, v := range values {
		b := int(math.Max(0, v) / h.Width)
		h.Counts[min(b, len(h.Counts)-1)]++
	}
}

// niceStep rounds a bin width up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}
