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
