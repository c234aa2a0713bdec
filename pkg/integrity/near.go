package integrity

import (
	"cmp"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/promo-cli/promo/pkg/internal/hugepage"
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
	// spare is the array exactGroups sorted its keys in (where
	// docsInOrder leaves the docs' exact hashes), made large
	// enough for a band worker's keys, which takes it over: the run
	// holds the most memory while the bands are keyed, and every array
	// made then is fresh pages to fault in.
	spare []uint64
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
	return search(docs, threshold, false).result()
}

// NearFound is what NearInOrder found, by position in its docs.
type NearFound struct {
	// maxAgree is, by position, the agreement behind MaxSim: a byte a doc
	// where a float64 took eight, beside the float64 the caller keeps
	// per entry.
	maxAgree []uint8
	// Original lists the docs that repeat an earlier one, by Doc, with
	// the most similar earlier doc (as NearResult.Original).
	Original []Match
	// Clusters are as NearResult.Clusters.
	Clusters [][]int
}

// MaxSim is the highest similarity of the doc at pos to an earlier doc
// that LSH made a candidate, 0 for none (as NearResult.MaxSim).
func (f *NearFound) MaxSim(pos int) float64 {
	if a := f.maxAgree[pos]; a > 0 {
		return sim(int(a))
	}
	return 0
}

// NearInOrder is NearRefs over docs given in their order, earliest first:
// it sets each doc's Order to its position, and its results are indexed
// by position. Maps keyed by Order took a tenth of a second to fill for
// a million docs, on one core.
//
// The search works in docs: the docs that take part are closed up at its
// start, so what docs holds after the call is undefined. The copy it made
// of them instead, with the positions of the docs it kept, was 16 MB for
// a million docs, fresh memory at the moment the run holds the most.
func NearInOrder(docs []*TextDoc, threshold float64) NearFound {
	size := len(docs)
	n := search(docs, threshold, true)
	n.settleCopies()
	found := NearFound{maxAgree: hugepage.Make[uint8](size), Clusters: n.clusters()}
	par.Ranges(len(n.docs), runtime.GOMAXPROCS(0), 1<<14, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			found.maxAgree[n.docs[i].Order] = n.maxAgree[i]
		}
	})
	originals := 0
	for _, b := range n.best {
		if b.other >= 0 {
			originals++
		}
	}
	found.Original = make([]Match, 0, originals)
	for i, b := range n.best {
		if b.other >= 0 {
			found.Original = append(found.Original, n.match(i, b))
		}
	}
	return found
}

// search runs the near-duplicate search; inOrder says the docs are
// given in their order, their Orders to be set to their positions.
func search(docs []*TextDoc, threshold float64, inOrder bool) *near {
	n := newNear(docs, threshold, inOrder)
	n.exactGroups()
	n.band()
	return n
}

func newNear(docs []*TextDoc, threshold float64, inOrder bool) *near {
	var sorted []*TextDoc
	var spare []uint64
	if inOrder {
		spare = hugepage.Make[uint64](bandGroup * len(docs))
		sorted = docsInOrder(docs, spare)
	} else {
		sorted = sortedDocs(docs)
	}
	n := &near{
		docs:      sorted,
		spare:     spare,
		threshold: threshold,
		first:     hugepage.Make[int32](len(sorted)),
		best:      hugepage.Make[bestMatch](len(sorted)),
		maxAgree:  hugepage.Make[uint8](len(sorted)),
		parent:    hugepage.Make[int32](len(sorted)),
	}
	par.Ranges(len(sorted), runtime.GOMAXPROCS(0), 1<<14, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			n.first[i] = int32(i)
			n.parent[i] = int32(i)
			n.best[i].other = -1
		}
	})
	return n
}

// sortedDocs returns the docs that take part, sorted.
func sortedDocs(docs []*TextDoc) []*TextDoc {
	sorted := make([]*TextDoc, 0, len(docs))
	for _, d := range docs {
		if d != nil && d.OK {
			sorted = append(sorted, d)
		}
	}
	slices.SortFunc(sorted, compareDocs)
	return sorted
}

// docsInOrder closes up, in docs, the docs that take part, given in
// their order, each with its position as Order, and returns them; their
// exact hashes go, in the same order, into exact (at least len(docs)
// long). They need no sort, and they are picked out on every core, each
// range closed up within itself and the ranges then joined: each doc is
// a cache miss, and a sort of a million docs in order still took 60 ms
// on one.
//
// A doc's exact hash lies at its end, mostly in the cache line the next
// doc starts in, which this pass reads anyway. Read by exactGroups in a
// pass of its own, it was a cache miss a doc, a fifth of a second for a
// million.
func docsInOrder(docs []*TextDoc, exact []uint64) []*TextDoc {
	r := par.Split(len(docs), runtime.GOMAXPROCS(0), 1<<14)
	ends := make([]int, len(r))
	par.Each(len(r), func(k int) {
		at := r[k][0]
		for pos := r[k][0]; pos < r[k][1]; pos++ {
			d := docs[pos]
			if d == nil || !d.OK {
				continue
			}
			d.Order = int32(pos)
			docs[at], exact[at] = d, d.Exact
			at++
		}
		ends[k] = at
	})
	total := 0
	for k := range r {
		copy(exact[total:], exact[r[k][0]:ends[k]])
		total += copy(docs[total:], docs[r[k][0]:ends[k]])
	}
	return docs[:total]
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
// the others share their signature and so their matches.
//
// Keys pack the top bits of the hash above the doc index, as band keys
// do, and are sorted by sortKeys: a comparison sort of the hashes with
// their indexes took a third of a second for a million docs, before the
// bands could start. Docs whose keys agree are nearly always copies; their
// full hashes are compared, within the run, with each distinct hash's
// first doc (nearly always one).
func (n *near) exactGroups() {
	shift := uint(bits.Len(uint(len(n.docs))))
	hashed := n.spare != nil // docsInOrder left the hashes there
	if !hashed {
		n.spare = hugepage.Make[uint64](bandGroup * len(n.docs))
	}
	keys := n.spare[:len(n.docs)]
	par.Ranges(len(n.docs), runtime.GOMAXPROCS(0), 1<<14, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			h := keys[i]
			if !hashed {
				h = n.docs[i].Exact
			}
			keys[i] = h>>shift<<shift | uint64(i)
		}
	})
	var seen sharedSet
	keys = seen.keep(keys, shift)
	// The spare holds at least two blocks (bandGroup >= 2): the keys, and
	// the sort's other buffer for those kept.
	sortKeys(keys, n.spare[len(n.docs):len(n.docs)+len(keys)], shift)
	mask := uint64(1)<<shift - 1
	var firsts []int32 // the first doc of each full hash in a run
	for start := 0; start < len(keys); {
		end := start + 1
		for end < len(keys) && keys[end]>>shift == keys[start]>>shift {
			end++
		}
		if end-start > 1 {
			firsts = n.linkCopies(keys[start:end], mask, firsts[:0])
		}
		start = end
	}
}

// linkCopies links the docs of one run of exactGroups' keys, in index
// order, to the first doc of the run with the same full hash.
func (n *near) linkCopies(run []uint64, mask uint64, firsts []int32) []int32 {
	for _, k := range run {
		i := int32(k & mask)
		f := slices.IndexFunc(firsts, func(f int32) bool { return n.docs[f].Exact == n.docs[i].Exact })
		if f < 0 {
			firsts = append(firsts, i)
			continue
		}
		n.first[i] = firsts[f]
		if n.threshold <= 1 {
			n.union(i, firsts[f])
		}
	}
	return firsts
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
	groups := (Bands + bandGroup - 1) / bandGroup
	workers := min(runtime.GOMAXPROCS(0), groups)
	var mu sync.Mutex
	record := func(cs []candidate) {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range cs {
			n.record(c)
		}
	}
	reps := n.reps()
	var wg sync.WaitGroup
	next := atomic.Int32{}
	for k := range workers {
		w := bander{reps: reps, record: record}
		if k == 0 {
			w.keys, n.spare = n.spare, nil
		}
		wg.Go(func() {
			for g := int(next.Add(1) - 1); g < groups; g = int(next.Add(1) - 1) {
				lo := g * bandGroup
				n.bandPairs(&w, lo, min(lo+bandGroup, Bands))
			}
			record(w.found)
		})
	}
	wg.Wait()
}

// reps counts the representatives: the docs that are not exact copies
// of an earlier one.
func (n *near) reps() int {
	reps := 0
	for i, f := range n.first {
		if f == int32(i) {
			reps++
		}
	}
	return reps
}

// bander is what a band worker keeps from one group of bands to the next.
type bander struct {
	reps    int               // how many docs are keyed
	keys    []uint64          // the keys of a group of bands
	scratch []uint64          // the other buffer of their sorts
	seen    sharedSet         // picks out the keys a band's sort needs
	found   []candidate       // confirmed pairs not yet recorded
	pairs   [][2]int32        // pairs gathered for confirm
	sigs    []*Signature      // their signatures, two a pair
	touched uint16            // what confirm read to fetch them; unused
	record  func([]candidate) // takes a batch of found pairs
}

// bandGroup is how many bands a worker keys in one pass over the docs.
// A band reads 16 of a signature's 288 bytes, so a pass a band read the
// million signatures of a large export (300 MB) 18 times over, at the pace
// of memory; a pass for three reads them 6 times, for twice the keys held
// at once (four blocks a worker instead of two: 32 MB for a million docs).
const bandGroup = 3

// This fails to compile when bandGroup is below two: exactGroups
// sorts in a band worker's keys, a block for its keys and one to sort in.
var _ [bandGroup - 2]struct{}

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

// bandPairs finds the pairs that bands lo to hi-1 confirm, handing them
// to w.record whenever recordBatch are held. It keys every band in one
// pass over the docs.
func (n *near) bandPairs(w *bander, lo, hi int) {
	shift := uint(bits.Len(uint(len(n.docs))))
	reps := w.reps
	// A block of reps keys a band. The sort's other buffer need only
	// hold the keys sharedSet keeps, a few percent of them.
	bands := hi - lo
	if cap(w.keys) < bands*reps {
		w.keys = hugepage.Make[uint64](bands * reps)
	}
	w.keys = w.keys[:bands*reps]
	keys := w.keys
	k := 0
	for i := range n.docs {
		if n.first[i] == int32(i) {
			sig := &n.docs[i].Sig
			for b := lo; b < hi; b++ {
				keys[(b-lo)*reps+k] = bandHash(sig, b)>>shift<<shift | uint64(i)
			}
			k++
		}
	}
	for b := lo; b < hi; b++ {
		bk := w.seen.keep(keys[(b-lo)*reps:(b-lo+1)*reps], shift)
		w.scratch = slices.Grow(w.scratch[:0], len(bk))
		sortKeys(bk, w.scratch[:len(bk)], shift)
		n.bucketPairs(w, bk, b, shift)
	}
}

// sharedSet picks out the keys whose hash another key may share: nearly
// every doc's band hash is its own, and a bucket of one makes no pair, so
// only the few percent of keys that may share one are sorted. A sort of
// every key of every band was a third of the search.
type sharedSet struct {
	// seen holds two words for each 64 slots, side by side so that a
	// key's look-up is one cache line: a bit a slot for some key's hash
	// falls in it, then a bit a slot for two do.
	seen []uint64
}

// keep closes up, in keys, the keys whose hash (above the low bits)
// shares its slot with another key's, in their order, and returns them.
// Keys with equal hashes share a slot, so every key of a bucket of two or
// more is kept; a key alone in its bucket is kept only when another's
// hash falls in its slot, about one in eight.
func (s *sharedSet) keep(keys []uint64, low uint) []uint64 {
	if len(keys) < 2 {
		return keys[:0]
	}
	size := max(64, 1<<bits.Len(uint(8*len(keys)-1))) // slots, a power of two
	words := 2 * size / 64
	if cap(s.seen) < words {
		s.seen = hugepage.Make[uint64](words)
	}
	seen := s.seen[:words]
	clear(seen)
	mask := uint64(size - 1)
	for _, k := range keys {
		slot := k >> low & mask
		pair, bit := (*[2]uint64)(seen[slot/64*2:]), uint64(1)<<(slot%64)
		pair[1] |= pair[0] & bit
		pair[0] |= bit
	}
	out := keys[:0]
	for _, k := range keys {
		slot := k >> low & mask
		if seen[slot/64*2+1]&(1<<(slot%64)) != 0 {
			out = append(out, k)
		}
	}
	return out
}

// bucketPairs finds the pairs confirmed in band b's sorted keys. The
// pairs are gathered and confirmed in batches (see confirm).
func (n *near) bucketPairs(w *bander, keys []uint64, b int, shift uint) {
	mask := uint64(1)<<shift - 1
	for start := 0; start < len(keys); {
		end := start + 1
		for end < len(keys) && keys[end]>>shift == keys[start]>>shift {
			end++
		}
		for i := start; i < end; i++ {
			for j := i + 1; j < min(end, i+1+BucketReach); j++ {
				w.pairs = append(w.pairs, [2]int32{int32(keys[i] & mask), int32(keys[j] & mask)})
				if len(w.pairs) == confirmBatch {
					n.confirm(w, b)
				}
			}
		}
		start = end
	}
	n.confirm(w, b)
}

// confirmBatch is how many pairs confirm looks up at once: their
// signatures, a few hundred kilobytes, stay in the cache until they are
// compared.
const confirmBatch = 256

// confirm confirms the gathered pairs of band b, handing the confirmed
// ones to w.record whenever recordBatch are held. The two docs of a pair
// lie anywhere in memory, and a pair at a time each signature was two
// cache misses, one after the other (its pointer, then it), and so was
// each pair after it: most of the work of confirming. The pointers of a
// whole batch are fetched first, then every cache line of their
// signatures is touched, so that the misses are waited for together, and
// the pairs are compared once all are in the cache.
func (n *near) confirm(w *bander, b int) {
	sigs := w.sigs[:0]
	for _, p := range w.pairs {
		sigs = append(sigs, &n.docs[p[0]].Sig, &n.docs[p[1]].Sig)
	}
	w.sigs = sigs
	var touched uint16
	for _, s := range sigs {
		touched += s[0] + s[sigLine] + s[2*sigLine] + s[3*sigLine] + s[4*sigLine] + s[NumHashes-1]
	}
	w.touched += touched
	for k, p := range w.pairs {
		if c, ok := confirmPair(sigs[2*k], sigs[2*k+1], p[0], p[1], b); ok {
			w.found = append(w.found, c)
			if len(w.found) == recordBatch {
				w.record(w.found)
				w.found = w.found[:0]
			}
		}
	}
	w.pairs = w.pairs[:0]
}

// sigLine is how many signature values a cache line holds.
const sigLine = 64 / 2

// bandHash hashes band b's Rows values, packed into two words: two
// mixes a band where one per value took four times the work. A bucket is
// the docs whose truncated hashes agree, so docs with equal rows always
// share one, whatever the hash. The hash matters only where the truncated
// hashes of different rows collide, which is rare, and merge two buckets:
// candidate tells their docs apart, but past BucketReach the merged docs
// take part of the reach, so another hash may change which pairs are
// compared.
func bandHash(sig *Signature, b int) uint64 {
	return mix64(mix64(word(sig, b*Rows)) ^ word(sig, b*Rows+4))
}

// bandHash packs a band into two words for Rows = 8: these fail to
// compile for any other Rows.
var (
	_ [Rows - 8]struct{}
	_ [8 - Rows]struct{}
)

// confirmPair confirms a pair that shares a bucket of band b, i earlier
// than j, with signatures a and c. A pair whose rows agree in an earlier
// band was confirmed there already. It only reads the signatures, so
// bands run at once.
func confirmPair(a, c *Signature, i, j int32, b int) (candidate, bool) {
	if !sameBand(a, c, b) {
		return candidate{}, false // the band hashes collided, the rows differ
	}
	for e := range b {
		if sameBand(a, c, e) {
			return candidate{}, false
		}
	}
	return candidate{i, j, uint8(agreeWords(a, c))}, true
}

// sameBand reports whether a and c agree in every row of band e.
func sameBand(a, c *Signature, e int) bool {
	return word(a, e*Rows) == word(c, e*Rows) && word(a, e*Rows+4) == word(c, e*Rows+4)
}

// word packs the four values of sig from k on.
func word(sig *Signature, k int) uint64 {
	v := (*[4]uint16)(sig[k : k+4])
	return uint64(v[0]) | uint64(v[1])<<16 | uint64(v[2])<<32 | uint64(v[3])<<48
}

// agreeWords counts the values a and c agree in, as Signature.agree does,
// four at a time: a value at a time, a branch each that a candidate's
// values make unpredictable, was most of the work of confirming a pair.
func agreeWords(a, c *Signature) int {
	const low = 0x7fff_7fff_7fff_7fff
	differ := 0
	for k := 0; k < NumHashes; k += 4 {
		x := word(a, k) ^ word(c, k)
		// A lane's top bit is set if the lane is not zero.
		differ += bits.OnesCount64(((x & low) + low | x) &^ low)
	}
	return NumHashes - differ
}

// agreeWords packs the values four to a word: this fails to compile when
// NumHashes is not a multiple of four.
var _ [NumHashes % 4]struct{} = [0]struct{}{}

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
	n.settleCopies()
	for i, d := range n.docs {
		if n.maxAgree[i] > 0 {
			res.MaxSim[int(d.Order)] = sim(int(n.maxAgree[i]))
		}
		if b := n.best[i]; b.other >= 0 {
			res.Original[int(d.Order)] = n.match(i, b)
		}
	}
	res.Clusters = n.clusters()
	return res
}

// settleCopies gives every exact copy of an earlier doc that doc as its
// original, at similarity 1.
func (n *near) settleCopies() {
	if n.threshold > 1 {
		return
	}
	for i := range n.docs {
		if rep := n.first[i]; rep != int32(i) {
			n.maxAgree[i] = NumHashes
			n.best[i] = n.copyOf(rep)
		}
	}
}

// match is doc i's best earlier match b, named by Order.
func (n *near) match(i int, b bestMatch) Match {
	return Match{Doc: int(n.docs[i].Order), Other: int(n.docs[b.other].Order), Similarity: sim(int(b.agree))}
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
