package campaign

import (
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/integrity"
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

// TestSigWorkerDone: a batch's text signatures are handed over where they
// were made, never copied, and hold no room past them: the next batch's
// follow them in the same slab until it is full, and appending to a
// batch's signatures copies them rather than overwrite the next batch's.
func TestSigWorkerDone(t *testing.T) {
	cases := []struct {
		name  string
		posts []int // per batch
		sigs  []int
	}{
		{"every post signed", []int{256, 256, 256}, []int{256, 256, 256}},
		{"a few unsigned", []int{256, 256}, []int{230, 255}},
		{"mostly unsigned", []int{256, 256, 256}, []int{3, 0, 1}},
		{"one text post", []int{1}, []int{1}},
		{"past a slab", []int{256, 256, 256, 256, 256}, []int{256, 256, 256, 256, 256}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var w sigWorker
			var outs [][]integrity.TextDoc
			for b, posts := range c.posts {
				room := w.room
				w.begin(posts)
				if len(w.texts) != 0 || cap(w.texts) != posts {
					t.Fatalf("batch %d starts with %d of %d, want 0 of %d", b, len(w.texts), cap(w.texts), posts)
				}
				if cap(room) >= posts && &room[:1][0] != &w.texts[:1][0] {
					t.Errorf("batch %d does not follow the batch before in its slab", b)
				}
				made := w.texts[:posts]
				for k := range c.sigs[b] {
					w.texts = append(w.texts, integrity.TextDoc{OK: true, Order: int32(b<<16 | k)})
				}
				out := w.done()
				if len(out.texts) != c.sigs[b] || cap(out.texts) != c.sigs[b] {
					t.Fatalf("batch %d: %d signatures with room for %d, want %d", b, len(out.texts), cap(out.texts), c.sigs[b])
				}
				if len(out.texts) > 0 && &out.texts[0] != &made[0] {
					t.Errorf("batch %d: signatures copied, want them handed over", b)
				}
				outs = append(outs, out.texts)
			}
			for b, texts := range outs {
				for k, d := range texts {
					if d.Order != int32(b<<16|k) {
						t.Fatalf("batch %d: signature %d overwritten", b, k)
					}
				}
			}
		})
	}
}
