package integrity

import (
	"bytes"
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// ImageDoc is one image of an entry.
type ImageDoc struct {
	Order  int // the entry's position in (created_at, id) order
	Author string
	Sig    ImageSig
}

// ImageMatch links an image to an earlier one, both named by Order, with
// the evidence.
type ImageMatch struct {
	Doc, Other int
	Distance   int      // differing bits of the perceptual hashes
	Exact      bool     // the files are byte for byte the same
	Tiles      Evidence // the tile comparison (none for an exact copy)
}

// ReuseOptions are the two thresholds of reused-image.
type ReuseOptions struct {
	// MaxDistance is the largest perceptual-hash distance at which two
	// images are compared at all.
	MaxDistance int
	// MinTiles is the share of tiles that must match for two compared
	// images to be the same screenshot.
	MinTiles float64
}

// Reuse is what Reused found, keyed by the later doc's Order.
type Reuse struct {
	Found map[int]ImageMatch
	// Closest holds, for an entry not found, the candidate that came
	// closest and why it is not the same screenshot (for explain).
	Closest map[int]ImageMatch
}

// Reused finds, for each doc, the earliest earlier doc from another author
// that is the same screenshot: the same bytes (whatever the file, decoded
// or not), or a perceptual hash within MaxDistance bits whose print then
// matches in at least MinTiles of its tiles. An author reusing their own
// image is not reported. An entry with several images appears once per
// Order, with its earliest match.
func Reused(docs []ImageDoc, opt ReuseOptions) Reuse {
	out := Reuse{Found: map[int]ImageMatch{}, Closest: map[int]ImageMatch{}}
	if len(docs) < 2 {
		return out
	}
	sorted := slices.Clone(docs)
	slices.SortFunc(sorted, compareImages)
	var idx *imageIndex
	if opt.MaxDistance >= 0 {
		idx = newImageIndex(sorted, opt.MaxDistance)
	}
	exact := exactIndex(sorted)
	seen := make([]int32, len(sorted))
	for j := range sorted {
		m, ok := earliestExact(sorted, exact, j)
		if idx != nil && sorted[j].Sig.Print != nil {
			limit := len(sorted)
			if ok {
				limit = m.Other
			}
			cmp := &comparer{docs: sorted, j: j, opt: opt, seen: seen, limit: limit}
			if fm, found := idx.earliest(j, cmp); found {
				m, ok = fm, true
			} else if !ok && cmp.closest.Tiles.Tiles > 0 {
				near := cmp.closest
				near.Tiles = ComparePrints(sorted[near.Other].Sig.Print, sorted[j].Sig.Print)
				near.Doc, near.Other = sorted[j].Order, sorted[near.Other].Order
				if old, dup := out.Closest[near.Doc]; !dup || near.Tiles.Share() > old.Tiles.Share() {
					out.Closest[near.Doc] = near
				}
			}
		}
		if !ok {
			continue
		}
		m.Doc, m.Other = sorted[j].Order, sorted[m.Other].Order
		if old, dup := out.Found[m.Doc]; !dup || m.Other < old.Other {
			out.Found[m.Doc] = m
		}
	}
	for doc := range out.Found {
		delete(out.Closest, doc)
	}
	return out
}

func compareImages(a, b ImageDoc) int {
	return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.Author, b.Author),
		cmp.Compare(a.Sig.PHash, b.Sig.PHash), bytes.Compare(a.Sig.SHA256[:], b.Sig.SHA256[:]))
}

// exactIndex lists, per file hash, the docs that have it, ascending.
func exactIndex(docs []ImageDoc) map[[32]byte][]int32 {
	m := map[[32]byte][]int32{}
	for i, d := range docs {
		m[d.Sig.SHA256] = append(m[d.Sig.SHA256], int32(i))
	}
	return m
}

// earliestExact is the earliest doc before j with the same bytes from
// another author. Its Other is an index into docs.
func earliestExact(docs []ImageDoc, exact map[[32]byte][]int32, j int) (ImageMatch, bool) {
	for _, i := range exact[docs[j].Sig.SHA256] {
		if int(i) >= j {
			break
		}
		if docs[i].Author != docs[j].Author {
			return ImageMatch{Other: int(i), Exact: true, Distance: bits.OnesCount64(docs[i].Sig.PHash ^ docs[j].Sig.PHash)}, true
		}
	}
	return ImageMatch{}, false
}

// comparer decides whether a candidate found by the hash is the same
// screenshot as doc j, comparing each candidate once, and remembers the
// closest one that is not.
type comparer struct {
	docs     []ImageDoc
	j        int
	opt      ReuseOptions
	seen     []int32 // seen[i] == j+1: candidate i was compared for j
	limit    int     // an exact match at this index already wins
	closest  ImageMatch
	accepted Evidence // of the last candidate accepted
}

func (c *comparer) accept(i int, dist int) bool {
	if i >= c.limit || c.seen[i] == int32(c.j+1) {
		return false
	}
	c.seen[i] = int32(c.j + 1)
	a, b := &c.docs[i], &c.docs[c.j]
	if a.Author == b.Author || a.Sig.Print == nil {
		return false
	}
	ev, same := samePrints(a.Sig.Print, b.Sig.Print, c.opt.MinTiles)
	if same {
		c.accepted = ev
		return true
	}
	// The nearest hash stands for the closest candidate; its full
	// comparison is made once, for explain.
	if c.closest.Tiles.Tiles == 0 || dist < c.closest.Distance || dist == c.closest.Distance && i < c.closest.Other {
		c.closest = ImageMatch{Other: i, Distance: dist, Tiles: Evidence{Tiles: 1}}
	}
	return false
}

// imageIndex is a multi-index hash: the 64 hash bits are cut into chunks,
// and two hashes within d bits differ by at most d/chunks bits in at least
// one chunk (pigeonhole). Each chunk has a bucket per value, so a lookup
// probes the few values near the doc's own instead of scanning every doc.
type imageIndex struct {
	docs   []ImageDoc
	d      int
	radius int
	chunks []chunkIndex // empty: too few docs or too wide a distance, scan all
	probe  []uint64     // scratch: the chunk values one lookup visits
}

type chunkIndex struct {
	shift, width uint
	start        []int32  // bucket v holds items[start[v]:start[v+1]]
	items        []bucket // ascending doc index within each bucket
}

// bucket carries the hash next to the doc index so a scan reads memory in
// sequence and only touches the doc on a match.
type bucket struct {
	phash uint64
	doc   int32
}

func newImageIndex(docs []ImageDoc, d int) *imageIndex {
	idx := &imageIndex{docs: docs, d: d}
	m, cost := bestChunking(len(docs), d)
	if cost >= probeCost*float64(len(docs)) {
		return idx
	}
	idx.radius = d / m
	shift := uint(0)
	for c := range m {
		width := uint(64 / m)
		if c < 64%m {
			width++
		}
		idx.chunks = append(idx.chunks, buildChunk(docs, shift, width))
		shift += width
	}
	return idx
}

// probeCost is what visiting a bucket costs, counted in bucket entries
// scanned: measured, probing dominates when buckets are mostly empty.
const probeCost = 8

// bestChunking picks the number of chunks with the least expected work per
// lookup: probes times (probe cost + docs per bucket), for uniform hashes.
func bestChunking(n, d int) (chunks int, cost float64) {
	chunks, cost = 0, math.Inf(1)
	for m := 3; m <= 64; m++ {
		width := (64 + m - 1) / m
		if width > 22 {
			continue // keeps the bucket table small
		}
		c := float64(m) * probes(width, d/m) * (probeCost + float64(n)/math.Exp2(float64(width)))
		if c < cost {
			chunks, cost = m, c
		}
	}
	return chunks, cost
}

// probes counts the values within r bits of a width-bit value.
func probes(width, r int) float64 {
	total, term := 0.0, 1.0
	for i := 0; i <= r && i <= width; i++ {
		total += term
		term = term * float64(width-i) / float64(i+1)
	}
	return total
}

func buildChunk(docs []ImageDoc, shift, width uint) chunkIndex {
	ch := chunkIndex{shift: shift, width: width, start: make([]int32, 1<<width+1), items: make([]bucket, len(docs))}
	for _, doc := range docs {
		ch.start[ch.value(doc.Sig.PHash)+1]++
	}
	for v := 1; v < len(ch.start); v++ {
		ch.start[v] += ch.start[v-1]
	}
	fill := slices.Clone(ch.start[:len(ch.start)-1])
	for i, doc := range docs {
		v := ch.value(doc.Sig.PHash)
		ch.items[fill[v]] = bucket{doc.Sig.PHash, int32(i)}
		fill[v]++
	}
	return ch
}

func (ch *chunkIndex) value(h uint64) uint64 {
	return h >> ch.shift & (1<<ch.width - 1)
}

// earliest returns the earliest doc before j within d bits that c
// accepts, as a match whose Other indexes docs.
func (idx *imageIndex) earliest(j int, c *comparer) (ImageMatch, bool) {
	start := min(j, c.limit) // nothing at or after j, or after an exact match, can win
	best, dist := start, 0
	h := idx.docs[j].Sig.PHash
	match := func(i int, phash uint64) bool {
		dd := bits.OnesCount64(phash ^ h)
		if dd <= idx.d && c.accept(i, dd) {
			best, dist = i, dd
			return true
		}
		return false
	}
	if len(idx.chunks) == 0 {
		for i := range start {
			if match(i, idx.docs[i].Sig.PHash) {
				break
			}
		}
	}
	for ch := range idx.chunks {
		chunk := &idx.chunks[ch]
		idx.probe = neighbours(idx.probe[:0], chunk.value(h), chunk.width, idx.radius)
		for _, v := range idx.probe {
			for _, it := range chunk.items[chunk.start[v]:chunk.start[v+1]] {
				// buckets ascend: nothing later in this one can win
				if int(it.doc) >= best || match(int(it.doc), it.phash) {
					break
				}
			}
		}
	}
	if best == start {
		return ImageMatch{}, false
	}
	return ImageMatch{Other: best, Distance: dist, Tiles: c.accepted}, true
}

// neighbours appends every width-bit value within r bits of v.
func neighbours(out []uint64, v uint64, width uint, r int) []uint64 {
	out = append(out, v)
	if r == 0 {
		return out
	}
	for b := range width {
		out = neighbours(out, v^1<<b, b, r-1)
	}
	return out
}
