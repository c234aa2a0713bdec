package integrity

import (
	"cmp"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/promo-cli/promo/pkg/internal/par"
)

// TextDoc is one entry's text, reduced to what NearRefs needs. A large
// export holds one an entry until the cross-entry checks, so Order is an
// int32 and comes first with OK: 304 bytes where an int and trailing bool
// padded it to 312.
type TextDoc struct {
	Order int32 // the entry's position in (created_at, id) order: smaller is earlier
	OK    bool  // false when the text was too short to sign; such docs are skipped
	Sig   Signature
	Exact uint64
}

// Match links a doc to another, both named by Order.
type Match struct {
	Doc, Other int
	Similarity float64
}

// NearResult is what NearRefs found, keyed by Order.
type NearResult struct {
	// Original holds, for each doc that repeats an earlier one, the most
	// similar earlier doc at or above the threshold (ties: the earliest).
	Original map[int]Match
	// MaxSim holds each doc's highest similarity to an earlier doc that LSH
	// made a candidate; a doc with no candidate is absent (similarity 0).
	// Only earlier docs count, so a later copy never makes the post it
	// copied look less original.
	MaxSim map[int]float64
	// Clusters are the groups of two or more docs joined by similarities at
	// or above the threshold, each sorted, ordered by first member.
	Clusters [][]int
}

// near is the working state of one NearRefs call. Docs are referred to by
// their position in Order, so every tie breaks the same way whatever order
// the caller passed them in.
//
// Similarities are kept as the number of agreeing signature values, which
// they are a fixed fraction of: a byte a doc instead of a float64, and an
// 8-byte best match instead of a 24-byte Match, for the million docs of a
// large export held beside every entry.
type near struct {
	docs      []*TextDoc // sorted by Order; pointers, as signatures are large
	threshold float64
	first     []int32     // index of the earliest doc with the same exact hash
	best      []bestMatch // best earlier match per representative, by index
	maxAgree  []uint8
	parent    []int32 // union-find over matches at or above the threshold
}

// bestMatch is a doc's best earlier match: the other doc's index (-1 for
// none) and how many signature values the two share.
type bestMatch struct {
	other int32
	agree uint8
}

// NumHashes fits the uint8 agreement counts.
var _ uint8 = NumHashes

// NearRefs finds near-duplicates among docs: exact copies by hash, the
// rest by LSH banding of the signatures, each candidate pair confirmed by
// the estimate over the full signature. Every doc is compared with every
// earlier doc that LSH proposes, so MaxSim serves the originality score
// and Original serves the near-duplicate verdict. It takes pointers: a
// million signatures are 300 MB, too much to copy into one slice for the
// call. Nil entries take no part.
func NearRefs(docs []*TextDoc, threshold float64) NearResult {
	n := newNear(docs, threshold)
	n.exactGroups()
	n.band()
	return n.result()
}

func newNear(docs []*TextDoc, threshold float64) *near {
	sorted := make([]*TextDoc, 0, len(docs))
	for _, d := range docs {
		if d != nil && d.OK {
			sorted = append(sorted, d)
		}
	}
	slices.SortFunc(sorted, compareDocs)
	n := &near{
		docs:      sorted,
		threshold: threshold,
		first:     make([]int32, len(sorted)),
		best:      make([]bestMatch, len(sorted)),
		maxAgree:  make([]uint8, len(sorted)),
		parent:    make([]int32, len(sorted)),
	}
	for i := range sorted {
		n.first[i] = int32(i)
		n.parent[i] = int32(i)
		n.best[i].other = -1
	}
	return n
}

// compareDocs orders by Order; the rest only makes duplicate Orders
// deterministic.
func compareDocs(a, b *TextDoc) int {
	if c := cmp.Compare(a.Order, b.Order); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Exact, b.Exact); c != 0 {
		return c
	}
	return slices.Compare(a.Sig[:], b.Sig[:])
}

// exactGroups links every doc to the earliest doc with the same exact
// hash. Only those earliest docs (representatives) go through banding:
// the others share their signature and so their matches. The hashes are
// copied out beside their indexes first, so that the sort compares values
// in one array rather than following a pointer to a doc per comparison.
func (n *near) exactGroups() {
	type hashed struct {
		exact uint64
		i     int32
	}
	idx := make([]hashed, len(n.docs))
	for i, d := range n.docs {
		idx[i] = hashed{d.Exact, int32(i)}
	}
	// The order is total, so the parts sorted at once come out as one sort.
	par.SortFunc(idx, runtime.GOMAXPROCS(0), func(a, b hashed) int {
		return cmp.Or(cmp.Compare(a.exact, b.exact), cmp.Compare(a.i, b.i))
	})
	for k := 1; k < len(idx); k++ {
		prev, cur := idx[k-1], idx[k]
		if prev.exact == cur.exact {
			n.first[cur.i] = n.first[prev.i]
			if n.threshold <= 1 {
				n.union(cur.i, prev.i)
			}
		}
	}
}

// band buckets representatives by the hash of each band and confirms
// every pair that shares a bucket. A key packs the top bits of the band
// hash above the doc index, so one plain integer sort groups the buckets
// with their docs in order; a pair whose truncated hashes collide is
// dropped by the row check in candidate.
//
// The bands are independent (a pair is confirmed in the first band its
// rows agree in, whatever the others hold), so they are spread over the
// cores, each recording its confirmed pairs in batches under a lock.
// Recording keeps the maximum similarity, the best earlier match with ties
// to the earliest, and the union of clusters: none depends on the order,
// so the result does not depend on the cores or on how the batches fall.
func (n *near) band() {
	workers := min(runtime.GOMAXPROCS(0), Bands)
	var mu sync.Mutex
	record := func(cs []candidate) {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range cs {
			n.record(c)
		}
	}
	var wg sync.WaitGroup
	next := atomic.Int32{}
	for range workers {
		wg.Go(func() {
			var keys []uint64
			var found []candidate
			for b := int(next.Add(1) - 1); b < Bands; b = int(next.Add(1) - 1) {
				keys, found = n.bandPairs(b, keys, found, record)
			}
			record(found)
		})
	}
	wg.Wait()
}

// recordBatch is how many confirmed pairs a band worker holds before it
// records them: the pairs of a crowded campaign would not fit in memory
// all at once.
const recordBatch = 1 << 14

// BucketReach bounds the work of a crowded bucket: each doc is compared
// with at most this many docs before it in the bucket (earlier entries,
// nearest first). Every pair in a bucket would cost time and memory
// quadratic in its size, and a campaign where thousands of entrants post
// one template (or an export of one spammer's thousand variants) makes
// such buckets: 200,000 near-identical posts took 23 GB. A doc in a bucket
// that large is still compared with its 64 nearest predecessors, each as
// like it as the template makes them, so it is still found to repeat an
// earlier entry and still joins the cluster; only its similarity to the
// earlier docs beyond the reach goes unmeasured. Smaller buckets, all of
// an ordinary campaign, are compared in full.
const BucketReach = 64

// candidate is a pair confirmed in a band, i earlier than j.
type candidate struct {
	i, j  int32
	agree uint8
}

// bandPairs appends the pairs that band b confirms to out, handing them
// to record whenever recordBatch are held, and reuses keys.
func (n *near) bandPairs(b int, keys []uint64, out []candidate, record func([]candidate)) ([]uint64, []candidate) {
	shift := uint(bits.Len(uint(len(n.docs))))
	// keys has room for twice the docs: the second half is the radix
	// sort's other buffer.
	keys = slices.Grow(keys[:0], 2*len(n.docs))
	for i := range n.docs {
		if n.first[i] == int32(i) {
			keys = append(keys, bandHash(&n.docs[i].Sig, b)>>shift<<shift|uint64(i))
		}
	}
	sortKeys(keys, keys[len(keys):2*len(keys)], shift)
	mask := uint64(1)<<shift - 1
	for start := 0; start < len(keys); {
		end := start + 1
		for end < len(keys) && keys[end]>>shift == keys[start]>>shift {
			end++
		}
		for i := start; i < end; i++ {
			for j := i + 1; j < min(end, i+1+BucketReach); j++ {
				if c, ok := n.candidate(int32(keys[i]&mask), int32(keys[j]&mask), b); ok {
					out = append(out, c)
					if len(out) == recordBatch {
						record(out)
						out = out[:0]
					}
				}
			}
		}
		start = end
	}
	return keys, out
}

// bandHash hashes band b's Rows values, packed into two words: two
// mixes a band where one per value took four times the work. A bucket is
// the docs whose truncated hashes agree, so docs with equal rows always
// share one, whatever the hash. The hash matters only where the truncated
// hashes of different rows collide, which is rare, and merge two buckets:
// candidate tells their docs apart, but past BucketReach the merged docs
// take part of the reach, so another hash may change which pairs are
// compared.
func bandHash(sig *Signature, b int) uint64 {
	v := (*[Rows]uint16)(sig[b*Rows : (b+1)*Rows])
	lo := uint64(v[0]) | uint64(v[1])<<16 | uint64(v[2])<<32 | uint64(v[3])<<48
	hi := uint64(v[4]) | uint64(v[5])<<16 | uint64(v[6])<<32 | uint64(v[7])<<48
	return mix64(mix64(lo) ^ hi)
}

// bandHash packs a band into two words for Rows = 8: these fail to
// compile for any other Rows.
var (
	_ [Rows - 8]struct{}
	_ [8 - Rows]struct{}
)

// candidate confirms a pair that shares a bucket of band b, i earlier than
// j. A pair whose rows agree in an earlier band was confirmed there
// already. It only reads n, so bands run at once.
func (n *near) candidate(i, j int32, b int) (candidate, bool) {
	a, c := &n.docs[i].Sig, &n.docs[j].Sig
	if !slices.Equal(a[b*Rows:(b+1)*Rows], c[b*Rows:(b+1)*Rows]) {
		return candidate{}, false // the band hashes collided, the rows differ
	}
	for e := range b {
		if slices.Equal(a[e*Rows:(e+1)*Rows], c[e*Rows:(e+1)*Rows]) {
			return candidate{}, false
		}
	}
	return candidate{i, j, uint8(a.agree(c))}, true
}

// record notes a confirmed pair.
func (n *near) record(p candidate) {
	i, j, agree := p.i, p.j, p.agree
	n.maxAgree[j] = max(n.maxAgree[j], agree)
	if sim(int(agree)) < n.threshold {
		return
	}
	n.union(i, j)
	if cur := n.best[j]; cur.other < 0 || agree > cur.agree || agree == cur.agree && i < cur.other {
		n.best[j] = bestMatch{other: i, agree: agree}
	}
}

func (n *near) find(i int32) int32 {
	for n.parent[i] != i {
		n.parent[i] = n.parent[n.parent[i]]
		i = n.parent[i]
	}
	return i
}

// union keeps the smaller index as the root, so a cluster's root is its
// earliest doc.
func (n *near) union(i, j int32) {
	ri, rj := n.find(i), n.find(j)
	if ri > rj {
		ri, rj = rj, ri
	}
	n.parent[rj] = ri
}

func (n *near) result() NearResult {
	res := NearResult{Original: map[int]Match{}, MaxSim: map[int]float64{}}
	for i := range n.docs {
		if rep := n.first[i]; rep != int32(i) && n.threshold <= 1 {
			n.maxAgree[i] = NumHashes
			n.best[i] = n.copyOf(rep)
		}
	}
	for i, d := range n.docs {
		if n.maxAgree[i] > 0 {
			res.MaxSim[int(d.Order)] = sim(int(n.maxAgree[i]))
		}
		if b := n.best[i]; b.other >= 0 {
			res.Original[int(d.Order)] = Match{Doc: int(d.Order), Other: int(n.docs[b.other].Order), Similarity: sim(int(b.agree))}
		}
	}
	res.Clusters = n.clusters()
	return res
}

// copyOf is the original of an exact copy of the earlier doc rep: rep
// itself, unless rep has an even earlier original at similarity 1.
func (n *near) copyOf(rep int32) bestMatch {
	if b := n.best[rep]; b.other >= 0 && b.agree == NumHashes {
		return b
	}
	return bestMatch{other: rep, agree: NumHashes}
}

func (n *near) clusters() [][]int {
	byRoot := map[int32]int{}
	var out [][]int
	for i := range n.docs {
		root := n.find(int32(i))
		if root == int32(i) {
			continue
		}
		k, ok := byRoot[root]
		if !ok {
			k = len(out)
			byRoot[root] = k
			out = append(out, []int{int(n.docs[root].Order)})
		}
		out[k] = append(out[k], int(n.docs[i].Order))
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}
