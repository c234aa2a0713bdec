package htmlreport

import (
	"reflect"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/score"
)

// TestFunnelOrder: the funnel removes each entry at the first check it
// fails in the order the pipeline runs them, the wallet checks, duplicate
// ids, shared wallets and manual decisions included, and an entry accepted
// by an override is valid, not removed.
func TestFunnelOrder(t *testing.T) {
	fail := func(codes ...check.Code) []check.Reason {
		var rs []check.Reason
		for _, c := range codes {
			rs = append(rs, check.Reason{Code: c})
		}
		return rs
	}
	res := &campaign.Result{Entries: []check.Entry{
		{ID: "ok"},
		{ID: "bad", Reasons: fail(check.NearDuplicate, check.BadWallet)},
		{ID: "shared", Reasons: fail(check.AuthorLimit, check.SharedWallet)},
		{ID: "accepted", Accepted: true, Reasons: append(fail(check.TooShort), check.Reason{Code: check.Overridden, Pass: true})},
		{ID: "rejected", Rejected: true, Reasons: fail(check.Overridden)},
		{ID: "none", Reasons: fail(check.CopiesBrief, check.NoWallet)},
		{ID: "twice", Reasons: fail(check.SharedWallet, check.DuplicateID)},
	}}
	f, reasons := funnelOf(res, &campaign.Standings{})
	want := []Step{
		{Code: "no-wallet", Removed: 1, Remaining: 6, With: 1},
		{Code: "bad-wallet", Removed: 1, Remaining: 5, With: 1},
		{Code: "copies-brief", Removed: 0, Remaining: 5, With: 1},
		{Code: "duplicate-id", Removed: 1, Remaining: 4, With: 1},
		{Code: "near-duplicate", Removed: 0, Remaining: 4, With: 1},
		{Code: "shared-wallet", Removed: 1, Remaining: 3, With: 2},
		{Code: "author-limit", Removed: 0, Remaining: 3, With: 1},
		{Code: "override", Removed: 1, Remaining: 2, With: 1},
	}
	if f.Read != 7 || f.Valid != 2 || !reflect.DeepEqual(f.Steps, want) {
		t.Errorf("funnel read %d valid %d steps\n%+v\nwant read 7 valid 2 steps\n%+v", f.Read, f.Valid, f.Steps, want)
	}
	if len(reasons) != len(want) || reasons[0].Code != "no-wallet" || reasons[len(reasons)-1].Code != "override" {
		t.Errorf("reasons %+v", reasons)
	}
}

// TestJudgesStandardised: with scoring.judges_normalize: zscore the judge
// component's inputs say the scores are standardised per judge; as given,
// or with no judge scores, they say nothing of it.
func TestJudgesStandardised(t *testing.T) {
	x := &campaign.Explanation{
		Score:      score.Result{Judges: []float64{6.2, 7.9}},
		Components: []campaign.ComponentLine{{Name: "length", Detail: "42 / 200 graphemes"}, {Name: "judges", Detail: "mean of 6.2, 7.9"}},
	}
	for _, tt := range []struct {
		norm   string
		scores []float64
		want   string
	}{
		{score.NormalizeZScore, []float64{6.2, 7.9}, "mean of 6.2, 7.9; standardised: each judge's scores as z-scores (minus the judge's mean, over the judge's standard deviation), put back on the sheet's scale"},
		{score.NormalizeNone, []float64{6.2, 7.9}, "mean of 6.2, 7.9"},
		{score.NormalizeZScore, nil, "mean of 6.2, 7.9"},
	} {
		x.Score.Judges = tt.scores
		d := detailOf(x, nil, tt.norm)
		if d.Components[1].Detail != tt.want || d.Components[0].Detail != "42 / 200 graphemes" {
			t.Errorf("%s, %d scores: %q", tt.norm, len(tt.scores), d.Components[1].Detail)
		}
	}
}
