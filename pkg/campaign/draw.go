package campaign

import (
	"github.com/promo-cli/promo/pkg/draw"
	"github.com/promo-cli/promo/pkg/score"
)

// DrawEligible are the entries that take part in a lucky draw: each
// author's earliest valid entry, taken before the author limit picked one,
// sorted by id (docs/draw.md).
func (res *Result) DrawEligible() []draw.Candidate {
	var valid []draw.Candidate
	for i := range res.Entries {
		if e := &res.Entries[i]; score.Competes(e) {
			valid = append(valid, draw.Candidate{ID: e.ID, Author: e.Author, CreatedAt: e.CreatedAt})
		}
	}
	return draw.Eligible(valid)
}
