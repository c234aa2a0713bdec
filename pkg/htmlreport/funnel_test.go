package htmlreport

import (
	"reflect"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
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
