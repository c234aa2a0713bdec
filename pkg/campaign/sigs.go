package campaign

import (
	"slices"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/integrity"
)

// signatures holds what the cross-entry checks compare, apart from the
// entries: the text signatures (288 bytes each, more than the rest of an
// entry) in arrays of one batch each, as the readers left them, so that
// they are never copied; only for the entries that have one; and the image
// signatures of the few entries with verified local images. They are
// dropped once those checks have run.
type signatures struct {
	chunks [][]integrity.TextDoc        // one per batch, in entry order; Order is free for the near-duplicate search
	textOf []int32                      // per entry: chunk*batchSize + index + 1, or 0 for none
	images map[int][]integrity.ImageSig // by entry
}

// text returns entry i's text signature, or nil when it has none.
func (s *signatures) text(i int) *integrity.TextDoc {
	if i >= len(s.textOf) || s.textOf[i] == 0 {
		return nil
	}
	at := int(s.textOf[i]) - 1
	return &s.chunks[at/batchSize][at%batchSize]
}

// keep drops the signatures of the dropped entries' indexes and moves the
// rest to the entries' new indexes.
func (s *signatures) keep(drop []bool) {
	out := s.textOf[:0]
	images := map[int][]integrity.ImageSig{}
	for i, k := range s.textOf {
		if drop[i] {
			continue
		}
		if sigs, ok := s.images[i]; ok {
			images[len(out)] = sigs
		}
		out = append(out, k)
	}
	s.textOf, s.images = out, images
}

// batchSigs are the signatures of one batch of entries, while it is read.
type batchSigs struct {
	texts  []integrity.TextDoc // at most batchSize; Order is the entry's index in the batch
	images []entryImages
}

type entryImages struct {
	entry int
	sigs  []integrity.ImageSig
}

// sigWorker is what an inspect worker keeps from one post to the next.
type sigWorker struct {
	texts  []integrity.TextDoc // the batch's text signatures
	room   []integrity.TextDoc // where the next batches' go: the rest of a slab
	slab   int                 // the size of the last slab
	images []entryImages
	prevID string
	seen   reasonSets
	// shared, when set, is where the slabs come from while it has room
	// (a file read in parts, see sigRoom).
	shared *sharedRoom
}

// The slabs of text signatures grow from a few batches' worth to the
// largest, about 10 MB: a small export does not hold much room for
// nothing, and a large one's slabs are mostly huge pages
// (integrity.NewTextDocs).
const (
	firstSlab = 4 * batchSize
	lastSlab  = 128 * batchSize
)

// begin makes room for the text signatures of a batch of n posts.
func (w *sigWorker) begin(n int) {
	if cap(w.room) < n {
		w.room = w.shared.take(n)
	}
	if cap(w.room) < n {
		w.slab = min(max(2*w.slab, firstSlab, n), max(lastSlab, n))
		w.room = integrity.NewTextDocs(w.slab)
	}
	w.texts = w.room[:0:n]
}

// add keeps the signatures of entry i of the batch, last inspected with ws.
func (w *sigWorker) add(ws *check.Workspace, i int) {
	text, images := ws.Signatures()
	if text.OK {
		text.Order = int32(i)
		w.texts = append(w.texts, text)
	}
	if len(images) > 0 {
		w.images = append(w.images, entryImages{i, images})
	}
}

// done returns the batch's signatures and starts the next batch. The
// texts are handed over where they were made, in a slab that the next
// batches' follow them in: never copied, and no room is held for the
// posts too short to sign.
func (w *sigWorker) done() batchSigs {
	var out batchSigs
	if n := len(w.texts); n > 0 {
		out.texts = w.texts[:n:n]
		w.room = w.room[n:n]
	}
	w.texts = nil
	out.images, w.images = w.images, nil
	return out
}

// share makes records that read alike cost one copy of what they have in
// common: one id on consecutive records, and one array of reasons for the
// records found at fault alike. A large export's invalid records mostly
// fail the same few ways, and a copy of the same reasons for each of them
// took more memory than the rest of its entry.
// The reasons are clipped, so that appending to them later copies them.
func (w *sigWorker) share(e *check.Entry) {
	if e.ID == w.prevID {
		e.ID = w.prevID
	}
	w.prevID = e.ID
	e.Reasons = w.seen.share(slices.Clip(e.Reasons))
}

// reasonSets are the last few distinct sets of reasons a worker kept.
type reasonSets struct {
	sets [8][]check.Reason
	next int // the slot the next new set takes: the oldest
}

// share returns the kept set equal to rs, or keeps rs and returns it.
func (r *reasonSets) share(rs []check.Reason) []check.Reason {
	if len(rs) == 0 {
		return rs
	}
	for _, s := range r.sets {
		if slices.Equal(s, rs) {
			return s
		}
	}
	r.sets[r.next] = rs
	r.next = (r.next + 1) % len(r.sets)
	return rs
}
