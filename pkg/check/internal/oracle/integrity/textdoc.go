package integrity

// TextDoc is one entry's text signature, as the checker records it. The
// cross-entry search (Near) is not per-post work and has no oracle.
type TextDoc struct {
	Order int // the entry's position in (created_at, id) order: smaller is earlier
	Sig   Signature
	Exact uint64
	OK    bool // false when the text was too short to sign; such docs are skipped
}
