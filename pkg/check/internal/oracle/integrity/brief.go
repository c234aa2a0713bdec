package integrity

import "slices"

// Brief holds the shingles of the campaign brief (the announcement), built
// once and then compared with every entry.
type Brief struct {
	set map[uint64]struct{}
}

// NewBrief builds the brief's shingle set from cleaned text.
func NewBrief(cleaned string) *Brief {
	var runes []rune
	xs := shingles(nil, &runes, cleaned)
	set := make(map[uint64]struct{}, len(xs))
	for _, x := range xs {
		set[x] = struct{}{}
	}
	return &Brief{set: set}
}

// Containment returns the share of the entry's distinct shingles that also
// occur in the brief: 1 for an entry pasted from the brief, near 0 for one
// written fresh. An entry too short to shingle scores 0.
func (b *Brief) Containment(cleaned string) float64 {
	var runes []rune
	return b.contained(shingles(nil, &runes, cleaned))
}

// Containment is Brief.Containment for the text of the last Sign call,
// reusing its shingles instead of computing them again.
func (s *Signer) Containment(b *Brief) float64 {
	return b.contained(s.xs)
}

// contained sorts xs in place.
func (b *Brief) contained(xs []uint64) float64 {
	if len(xs) == 0 || b == nil || !b.anyIn(xs) {
		return 0 // most posts share nothing with the brief: skip the sort
	}
	slices.Sort(xs)
	xs = slices.Compact(xs)
	found := 0
	for _, x := range xs {
		if _, ok := b.set[x]; ok {
			found++
		}
	}
	return float64(found) / float64(len(xs))
}

func (b *Brief) anyIn(xs []uint64) bool {
	for _, x := range xs {
		if _, ok := b.set[x]; ok {
			return true
		}
	}
	return false
}
