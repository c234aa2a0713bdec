package integrity

import "unsafe"

// NewTextDocs returns room for n text signatures: a slice of length 0 and
// capacity n. Where the system lends huge pages on request (Linux), the
// whole huge pages inside it are asked to be backed by them: a large
// export's signatures, 300 MB for a million posts, are each written once
// into memory not touched before, and there a first touch of a 4 KiB page
// cost about as much CPU as signing the 13 posts it holds.
func NewTextDocs(n int) []TextDoc {
	docs := make([]TextDoc, 0, n)
	if n > 0 {
		adviseHuge(uintptr(unsafe.Pointer(unsafe.SliceData(docs))), uintptr(n)*unsafe.Sizeof(TextDoc{}))
	}
	return docs
}

// hugePage is the size of a huge page on the systems that lend them.
const hugePage = 2 << 20

// hugeRange returns the whole huge pages in the n bytes at p: [lo, hi),
// empty when hi <= lo.
func hugeRange(p, n uintptr) (lo, hi uintptr) {
	return (p + hugePage - 1) &^ (hugePage - 1), (p + n) &^ (hugePage - 1)
}
