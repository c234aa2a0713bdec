package integrity

// Brief holds the shingles of the campaign brief (the announcement), built
// once and then compared with every entry.
type Brief struct {
	set set
	// filter has a bit set for the top 16 bits of every shingle of the
	// brief: most shingles of a post are turned away by one look at this
	// 8 KB table, without probing the set.
	filter [1 << 10]uint64
}

func (b *Brief) add(x uint64) {
	b.set.add(x)
	b.filter[x>>54] |= 1 << (x >> 48 & 63)
}

// pass notes x in passed[n] when b's filter lets it through, and returns
// the new count; past len(passed) it only counts.
func (b *Brief) pass(x uint64, passed *[8]uint64, n int) int {
	if b.filter[x>>54]&(1<<(x>>48&63)) != 0 {
		if n < len(passed) {
			passed[n] = x
		}
		n++
	}
	return n
}

func (b *Brief) has(x uint64) bool {
	return b.filter[x>>54]&(1<<(x>>48&63)) != 0 && b.set.has(x)
}

// NewBrief builds the brief's shingle set from cleaned text.
func NewBrief(cleaned string) *Brief {
	var runes []rune
	xs := shingles(nil, &runes, cleaned)
	b := &Brief{}
	b.set.reset(len(xs))
	for _, x := range xs {
		b.add(x)
	}
	return b
}

// Brief builds a brief's shingle set from the text of the last Sign call
// (or Start…Finish).
func (s *Signer) Brief() *Brief {
	b := &Brief{}
	b.set.reset(len(s.xs))
	for _, x := range s.xs {
		b.add(x)
	}
	return b
}

// Containment returns the share of the entry's distinct shingles that also
// occur in the brief: 1 for an entry pasted from the brief, near 0 for one
// written fresh. An entry too short to shingle scores 0.
func (b *Brief) Containment(cleaned string) float64 {
	var s Signer
	s.Sign(cleaned)
	return s.Containment(b)
}

// Containment is Brief.Containment for the text of the last Sign call (or
// Start…Finish), reusing its shingles instead of computing them again.
//
// Most posts share nothing with the brief, and the brief's filter turns
// away nearly all of their shingles. A Signer watches the brief of its
// last call: the next texts' shingles go through its filter as they are
// binned, and only the few it lets through are looked up in the set.
func (s *Signer) Containment(b *Brief) float64 {
	if len(s.xs) == 0 || b == nil {
		return 0
	}
	var shares bool
	if b == s.from && s.npassed <= len(s.passed) {
		for _, x := range s.passed[:s.npassed] {
			shares = shares || b.set.has(x)
		}
	} else {
		shares = b.anyIn(s.xs)
	}
	s.watched = b
	if !shares {
		return 0 // most posts share nothing with the brief
	}
	// Count the distinct shingles, and those in the brief, in one pass
	// with a set the signer keeps from post to post: no sort per post.
	s.seen.reset(len(s.xs))
	distinct, found := 0, 0
	for _, x := range s.xs {
		if !s.seen.add(x) {
			continue
		}
		distinct++
		if b.has(x) {
			found++
		}
	}
	return float64(found) / float64(distinct)
}

// anyIn is a pass of its own over the shingles, for a brief the Signer
// did not watch as it binned them or a text that many shingles of passed
// the filter. The filter look-up in the loop that makes each shingle's
// hash slowed that loop by more than this pass costs; binFiltered does it
// in the loop that bins them.
func (b *Brief) anyIn(xs []uint64) bool {
	for _, x := range xs {
		if b.has(x) {
			return true
		}
	}
	return false
}

// set is an open-addressing hash set of shingle hashes, reused between
// texts: reset empties it by moving to a new generation rather than
// clearing its slots. Shingle hashes are already mixed, so their low bits
// index it directly.
type set struct {
	keys []uint64
	gens []uint32 // a slot is used when its generation is the set's
	gen  uint32
}

// reset empties the set and makes room for n keys at most half full.
func (t *set) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	t.gen++
	if size > len(t.keys) || t.gen == 0 {
		t.keys = make([]uint64, size)
		t.gens = make([]uint32, size)
		t.gen = 1
	}
}

// add inserts x and reports whether it was new.
func (t *set) add(x uint64) bool {
	mask := uint64(len(t.keys) - 1)
	for i := x & mask; ; i = (i + 1) & mask {
		if t.gens[i] != t.gen {
			t.gens[i], t.keys[i] = t.gen, x
			return true
		}
		if t.keys[i] == x {
			return false
		}
	}
}

func (t *set) has(x uint64) bool {
	if len(t.keys) == 0 {
		return false
	}
	mask := uint64(len(t.keys) - 1)
	for i := x & mask; t.gens[i] == t.gen; i = (i + 1) & mask {
		if t.keys[i] == x {
			return true
		}
	}
	return false
}
