package campaign

import (
	"testing"

	"github.com/promo-cli/promo/pkg/check"
)

// TestShareReasons: records found at fault alike keep one array of
// reasons between them, not one each; a reason added to one record later
// is its own.
func TestShareReasons(t *testing.T) {
	noImage := func() []check.Reason {
		return []check.Reason{{Code: check.NoImage, Message: "0 images attached, at least 1 needed", Measured: "0", Limit: "1"}}
	}
	missing := func() []check.Reason {
		return []check.Reason{{Code: check.MissingTag, Message: "missing #x", Limit: "#x"}}
	}
	var w sigWorker
	entries := []check.Entry{
		{ID: "a", Reasons: noImage()},
		{ID: "b", Reasons: missing()},
		{ID: "c", Reasons: noImage()},
		{ID: "d"},
		{ID: "e", Reasons: missing()},
	}
	for i := range entries {
		w.share(&entries[i])
	}
	if &entries[0].Reasons[0] != &entries[2].Reasons[0] {
		t.Error("a and c fail alike but hold two arrays of reasons")
	}
	if &entries[1].Reasons[0] != &entries[4].Reasons[0] {
		t.Error("b and e fail alike but hold two arrays of reasons")
	}
	if entries[3].Reasons != nil {
		t.Errorf("d has no reasons, got %v", entries[3].Reasons)
	}
	entries[2].Reasons = append(entries[2].Reasons, check.Reason{Code: check.AuthorLimit})
	if len(entries[0].Reasons) != 1 || entries[0].Reasons[0].Code != check.NoImage {
		t.Errorf("a reason added to c changed a's: %v", entries[0].Reasons)
	}
}

// TestShareReasonsForgetsOldest: a worker keeps the last few distinct
// sets; a set seen again after many others is kept anew, still equal.
func TestShareReasonsForgetsOldest(t *testing.T) {
	var r reasonSets
	first := r.share([]check.Reason{{Code: check.NoImage, Measured: "0"}})
	for i := range len(r.sets) {
		r.share([]check.Reason{{Code: check.TooShort, Measured: string(rune('a' + i))}})
	}
	again := r.share([]check.Reason{{Code: check.NoImage, Measured: "0"}})
	if &again[0] == &first[0] || again[0] != first[0] {
		t.Errorf("got %v (same array %v), want an equal set of its own", again, &again[0] == &first[0])
	}
}
