package campaign

import (
	"testing"

	"github.com/promo-cli/promo/pkg/integrity"
)

// TestSharedRoomTake: slabs come from the file's room in turn, each at
// least as large as asked, until it has no room for another; with no room
// made there are none.
func TestSharedRoomTake(t *testing.T) {
	var none *sharedRoom
	if got := none.take(10); got != nil {
		t.Fatalf("nil room gave %d", cap(got))
	}
	var unset sharedRoom
	if got := unset.take(10); got != nil {
		t.Fatalf("room not made gave %d", cap(got))
	}
	var s sharedRoom
	s.set(2*slabDocs + 100)
	total := len(s.room.Load().docs)
	seen := 0
	for {
		got := s.take(batchSize)
		if got == nil {
			break
		}
		if len(got) != 0 || cap(got) < batchSize || cap(got) > slabDocs {
			t.Fatalf("slab of len %d cap %d", len(got), cap(got))
		}
		got = append(got, make([]integrity.TextDoc, cap(got))...) // writable end to end
		seen += cap(got)
	}
	if seen > total || total-seen >= batchSize {
		t.Fatalf("slabs hold %d of a room of %d", seen, total)
	}
	if got := s.take(1); got != nil {
		t.Fatalf("a spent room gave %d", cap(got))
	}
}

// TestSigWorkersShareRoom: workers taking slabs of one room by turns never
// write over each other's signatures, and go on in slabs of their own once
// the room is spent.
func TestSigWorkersShareRoom(t *testing.T) {
	var s sharedRoom
	s.set(slabDocs + 300)
	workers := []*sigWorker{{shared: &s}, {shared: &s}}
	var outs [][]integrity.TextDoc
	inRoom, own := 0, 0
	docs := s.room.Load().docs
	for b := range 4 * (slabDocs/batchSize + 2) {
		w := workers[b%2]
		w.begin(batchSize)
		for k := range batchSize - b%3 {
			w.texts = append(w.texts, integrity.TextDoc{OK: true, Order: int32(b<<16 | k)})
		}
		out := w.done()
		if within(docs, &out.texts[0]) {
			inRoom++
		} else {
			own++
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
	if inRoom == 0 || own == 0 {
		t.Errorf("%d batches in the room, %d in slabs of their own; want both", inRoom, own)
	}
}

// within reports whether p is one of the elements of s.
func within(s []integrity.TextDoc, p *integrity.TextDoc) bool {
	for i := range s {
		if &s[i] == p {
			return true
		}
	}
	return false
}
