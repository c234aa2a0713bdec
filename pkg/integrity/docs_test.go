package integrity

import "testing"

func TestHugeRange(t *testing.T) {
	const h = hugePage
	tests := []struct {
		name       string
		p, n       uintptr
		wantLo, hi uintptr
	}{
		{"aligned, two pages", 4 * h, 2 * h, 4 * h, 6 * h},
		{"starts inside a page", 4*h + 4096, 3 * h, 5 * h, 7 * h},
		{"ends inside a page", 4 * h, 2*h + 4096, 4 * h, 6 * h},
		{"less than a page", 4*h + 4096, h, 5 * h, 5 * h},
		{"within one page", 4*h + 4096, 8192, 5 * h, 4 * h},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := hugeRange(tt.p, tt.n)
			if lo != tt.wantLo || hi != tt.hi {
				t.Errorf("hugeRange(%#x, %#x) = %#x, %#x; want %#x, %#x", tt.p, tt.n, lo, hi, tt.wantLo, tt.hi)
			}
		})
	}
}

// TestNewTextDocs: the room is empty, as large as asked, and holds what
// is written to it, large enough to span huge pages or not.
func TestNewTextDocs(t *testing.T) {
	for _, n := range []int{0, 1, 256, 3 * hugePage / 304} {
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
