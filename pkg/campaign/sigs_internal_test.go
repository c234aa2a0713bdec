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

// TestSigWorkerDone: a batch's text signatures are handed over in the
// array they were made in when it is nearly full, and copied to an array
// of their size when most of its posts had none.
func TestSigWorkerDone(t *testing.T) {
	cases := []struct {
		name        string
		posts, sigs int
		handed      bool
	}{
		{"every post signed", 256, 256, true},
		{"a few unsigned", 256, 230, true},
		{"mostly unsigned", 256, 3, false},
		{"one text post", 1, 1, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var w sigWorker
			w.begin(nil, c.posts)
			made := w.texts[:c.posts]
			for range c.sigs {
				w.texts = append(w.texts, integrity.TextDoc{OK: true})
			}
			out := w.done()
			if len(out.texts) != c.sigs {
				t.Fatalf("%d signatures, want %d", len(out.texts), c.sigs)
			}
			if handed := &out.texts[0] == &made[0]; handed != c.handed {
				t.Errorf("handed over %v, want %v", handed, c.handed)
			}
			if !c.handed && cap(out.texts) != c.sigs {
				t.Errorf("copy holds room for %d, want %d", cap(out.texts), c.sigs)
			}
			if w.begin(nil, c.posts); len(w.texts) != 0 || cap(w.texts) < c.posts {
				t.Errorf("next batch starts with %d of %d", len(w.texts), cap(w.texts))
			}
		})
	}
}

// TestSigWorkerRoom: a batch with room of its own gets its signatures
// there, handed over however few, and the worker keeps none of it.
func TestSigWorkerRoom(t *testing.T) {
	cases := []struct {
		name string
		sigs int
	}{
		{"none signed", 0},
		{"few signed", 3},
		{"all signed", 8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			room := make([]integrity.TextDoc, 8)
			var w sigWorker
			w.begin(room, len(room))
			for range c.sigs {
				w.texts = append(w.texts, integrity.TextDoc{OK: true})
			}
			out := w.done()
			if len(out.texts) != c.sigs {
				t.Fatalf("%d signatures, want %d", len(out.texts), c.sigs)
			}
			if c.sigs > 0 && &out.texts[0] != &room[0] {
				t.Errorf("signatures not in the batch's room")
			}
			if w.texts != nil {
				t.Errorf("worker kept the room")
			}
			w.begin(nil, 4)
			if cap(w.texts) < 4 {
				t.Errorf("next batch without room starts with %d", cap(w.texts))
			}
		})
	}
}
