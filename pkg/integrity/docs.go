package integrity

import "github.com/promo-cli/promo/pkg/internal/hugepage"

// NewTextDocs returns room for n text signatures: a slice of length 0 and
// capacity n. Where the system lends huge pages on request (Linux), the
// whole huge pages inside it are asked to be backed by them: a large
// export's signatures, 300 MB for a million posts, are each written once
// into memory not touched before, and there a first touch of a 4 KiB page
// cost about as much CPU as signing the 13 posts it holds.
func NewTextDocs(n int) []TextDoc {
	docs := make([]TextDoc, 0, n)
	hugepage.Advise(docs)
	return docs
}
