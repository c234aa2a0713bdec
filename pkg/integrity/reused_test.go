package integrity

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"testing"
)

// samePrint is one print shared by the docs of the index tests: every
// candidate the hash finds is then the same screenshot.
var samePrint = &Print{H: 8, Body: 8, Pix: make([]uint8, 8*PrintWidth), Scale: 1}

// img is a decoded image with its own bytes.
func img(order int, author string, phash uint64) ImageDoc {
	sha := [32]byte{byte(order), byte(order >> 8), byte(order >> 16)}
	copy(sha[3:], author)
	return ImageDoc{Order: order, Author: author, Sig: ImageSig{PHash: phash, SHA256: sha, Print: samePrint}}
}

// match is what the index tests compare of an ImageMatch.
type match struct{ Doc, Other, Distance int }

func found(r Reuse) map[int]match {
	out := map[int]match{}
	for k, m := range r.Found {
		out[k] = match{m.Doc, m.Other, m.Distance}
	}
	return out
}

var six = ReuseOptions{MaxDistance: 6, MinTiles: 1}

func TestReused(t *testing.T) {
	var h uint64 = 0xF0F0_1234_5678_9ABC
	tests := []struct {
		name string
		docs []ImageDoc
		want map[int]match
	}{
		{"same author is not reported", []ImageDoc{img(1, "ann", h), img(2, "ann", h)}, map[int]match{}},
		{"another author's earlier image", []ImageDoc{img(2, "bob", h^0b101), img(1, "ann", h)}, map[int]match{2: {2, 1, 2}}},
		{"earliest wins over nearest", []ImageDoc{img(1, "ann", h^0b111111), img(2, "cat", h), img(3, "bob", h)},
			map[int]match{2: {2, 1, 6}, 3: {3, 1, 6}}},
		{"own earlier image skipped for another's", []ImageDoc{img(1, "bob", h), img(2, "ann", h), img(3, "bob", h)},
			map[int]match{2: {2, 1, 0}, 3: {3, 2, 0}}},
		{"seven bits is too far", []ImageDoc{img(1, "ann", h), img(2, "bob", h^0x7F)}, map[int]match{}},
		{"several images of one entry keep the earliest match", []ImageDoc{img(1, "ann", h), img(2, "bob", ^h), img(3, "cat", ^h), img(3, "cat", h)},
			map[int]match{3: {3, 1, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(Reused(tt.docs, six)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Reused = %v, want %v", got, tt.want)
			}
		})
	}
}

// naiveReused is the n² definition Reused must agree with.
func naiveReused(docs []ImageDoc, d int) map[int]match {
	out := map[int]match{}
	for _, b := range docs {
		for _, a := range docs {
			dist := bits.OnesCount64(a.Sig.PHash ^ b.Sig.PHash)
			if a.Order >= b.Order || a.Author == b.Author || dist > d {
				continue
			}
			if old, ok := out[b.Order]; !ok || a.Order < old.Other {
				out[b.Order] = match{b.Order, a.Order, dist}
			}
		}
	}
	return out
}

// randomImages makes n docs around a few base hashes, so many pairs sit
// near every distance.
func randomImages(rng *rand.Rand, n int) []ImageDoc {
	bases := make([]uint64, 1+n/20)
	for i := range bases {
		bases[i] = rng.Uint64()
	}
	docs := make([]ImageDoc, n)
	for i := range docs {
		h := bases[rng.IntN(len(bases))]
		for range rng.IntN(10) {
			h ^= 1 << rng.IntN(64)
		}
		docs[i] = img(i+1, fmt.Sprint("u", rng.IntN(n/3+1)), h)
	}
	return docs
}

// TestReusedMatchesNaive compares Reused with the n² definition at every
// distance class. 1,200 images around 61 base hashes give hundreds of
// matches at d=6 (the test checks it), enough to reach every chunk and
// probe path; each distance has its own generator so the subtests run in
// parallel. Reused runs on one goroutine, so the race run checks d=6 only
// and the plain run every distance.
func TestReusedMatchesNaive(t *testing.T) {
	distances := []int{0, 1, 3, 6, 10, 20, 64}
	if raceEnabled {
		distances = []int{6}
	}
	for _, d := range distances {
		t.Run(fmt.Sprint("d=", d), func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(5, uint64(d)))
			docs := randomImages(rng, 1200)
			want := naiveReused(docs, d)
			if d == 6 && len(want) < 100 {
				t.Fatalf("only %d matches: the generator is too sparse", len(want))
			}
			t.Logf("%d matches", len(want))
			rng.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
			if got := found(Reused(docs, ReuseOptions{MaxDistance: d, MinTiles: 1})); !reflect.DeepEqual(got, want) {
				t.Errorf("Reused found %d, naive %d", len(got), len(want))
			}
		})
	}
}

func TestBestChunking(t *testing.T) {
	tests := []struct {
		n, d, chunks int
	}{
		{1000, 6, 7},
		{100_000, 6, 4},
		{1_000_000, 6, 4},
		{1_000_000, 0, 3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n, "/", tt.d), func(t *testing.T) {
			if got, _ := bestChunking(tt.n, tt.d); got != tt.chunks {
				t.Errorf("bestChunking = %d chunks, want %d", got, tt.chunks)
			}
		})
	}
}
