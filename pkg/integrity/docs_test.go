package integrity

import (
	"testing"

	"github.com/promo-cli/promo/pkg/internal/hugepage"
)

// TestNewTextDocs: the room is empty, as large as asked, and holds what
// is written to it, large enough to span huge pages or not.
func TestNewTextDocs(t *testing.T) {
	for _, n := range []int{0, 1, 256, 3 * hugepage.Size / 304} {
		docs := NewTextDocs(n)
		if len(docs) != 0 || cap(docs) != n {
			t.Fatalf("NewTextDocs(%d): len %d cap %d", n, len(docs), cap(docs))
		}
		for i := range n {
			docs = append(docs, TextDoc{Order: int32(i), OK: true, Exact: uint64(i)})
		}
		for i, d := range docs {
			if d.Order != int32(i) || !d.OK || d.Exact != uint64(i) || d.Sig != (Signature{}) {
				t.Fatalf("NewTextDocs(%d): doc %d is %+v", n, i, d)
			}
		}
	}
}
