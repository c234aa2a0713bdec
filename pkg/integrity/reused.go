package integrity

import (
	"bytes"
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// ImageDoc is one verified image of an entry.
type ImageDoc struct {
	Order  int // the entry's position in (created_at, id) order
	Author string
	Sig    ImageSig
}

// ImageMatch links an image to an earlier one, both named by Order.
type ImageMatch struct {
	Doc, Other int
	Distance   int // differing bits of the perceptual hashes
}

// Reused finds, for each doc, the earliest earlier doc from another author
// whose perceptual hash is within maxDistance bits (byte-identical files
// hash alike, so they are found too). An author reusing their own image is
// not reported. The result is keyed by the later doc's Order; an entry
// with several images appears once per Order, with its earliest match.
func Reused(docs []ImageDoc, maxDistance int) map[int]ImageMatch {
	out := map[int]ImageMatch{}
	if maxDistance < 0 || len(docs) < 2 {
		return out
	}
	sorted := slices.Clone(docs)
	slices.SortFunc(sorted, compareImages)
	idx := newImageIndex(sorted, maxDistance)
	for j := range sorted {
		if i, dist := idx.earliest(j); i >= 0 {
			m := ImageMatch{Doc: sorted[j].Order, Other: sorted[i].Order, Distance: dist}
			if old, ok := out[m.Doc]; !ok || m.Other < old.Other {
				out[m.Doc] = m
			}
		}
	}
	return out
}

func compareImages(a, b ImageDoc) int {
	return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.Author, b.Author),
		cmp.Compare(a.Sig.PHash, b.Sig.PHash), bytes.Compare(a.Sig.SHA256[:], b.Sig.SHA256[:]))
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

// earliest returns the earliest doc before j from another author within d
// bits and its distance, or -1.
func (idx *imageIndex) earliest(j int) (best, dist int) {
	best = j // nothing at or after j can win
	h := idx.docs[j].Sig.PHash
	match := func(i int, phash uint64) bool {
		dd := bits.OnesCount64(phash ^ h)
		if dd <= idx.d && idx.docs[i].Author != idx.docs[j].Author {
			best, dist = i, dd
			return true
		}
		return false
	}
	if len(idx.chunks) == 0 {
		for i := range j {
			if match(i, idx.docs[i].Sig.PHash) {
				break
			}
		}
	}
	for c := range idx.chunks {
		ch := &idx.chunks[c]
		idx.probe = neighbours(idx.probe[:0], ch.value(h), ch.width, idx.radius)
		for _, v := range idx.probe {
			for _, it := range ch.items[ch.start[v]:ch.start[v+1]] {
				// buckets ascend: nothing later in this one can win
				if int(it.doc) >= best || match(int(it.doc), it.phash) {
					break
				}
			}
		}
	}
	if best == j {
		return -1, 0
	}
	return best, dist
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
