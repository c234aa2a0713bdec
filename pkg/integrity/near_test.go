package integrity

import (
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"unsafe"
)

func doc(order int, text string) TextDoc {
	sig, exact, ok := sign(Clean(text))
	return TextDoc{Order: int32(order), Sig: sig, Exact: exact, OK: ok}
}

func TestNear(t *testing.T) {
	posts := loadPosts(t)
	a, b, c := posts[0].text, posts[1].text, posts[8].text
	rng := rand.New(rand.NewPCG(9, 9))
	a2 := edit(rng, a, 100)
	simA2 := func() float64 { x, y := doc(0, a), doc(0, a2); return x.Sig.Similarity(&y.Sig) }()
	tests := []struct {
		name     string
		docs     []TextDoc
		original map[int]Match
		maxSim   map[int]float64
		clusters [][]int
	}{
		{
			name:     "unrelated posts",
			docs:     []TextDoc{doc(1, a), doc(2, b), doc(3, c)},
			original: map[int]Match{},
			maxSim:   map[int]float64{},
		},
		{
			name:     "exact copies point at the first",
			docs:     []TextDoc{doc(3, a), doc(1, a), doc(2, a), doc(4, b)},
			original: map[int]Match{2: {2, 1, 1}, 3: {3, 1, 1}},
			maxSim:   map[int]float64{2: 1, 3: 1},
			clusters: [][]int{{1, 2, 3}},
		},
		{
			name:     "edited copy names the earlier post",
			docs:     []TextDoc{doc(7, a), doc(5, a2), doc(6, b)},
			original: map[int]Match{7: {7, 5, simA2}},
			maxSim:   map[int]float64{7: simA2},
			clusters: [][]int{{5, 7}},
		},
		{
			name:     "exact copy of an edited copy prefers the exact match",
			docs:     []TextDoc{doc(1, a), doc(2, a2), doc(3, a2)},
			original: map[int]Match{2: {2, 1, simA2}, 3: {3, 2, 1}},
			maxSim:   map[int]float64{2: simA2, 3: 1},
			clusters: [][]int{{1, 2, 3}},
		},
		{
			name:     "equal similarity goes to the earliest",
			docs:     []TextDoc{doc(1, a), doc(2, a2), doc(3, a), doc(4, a2)},
			original: map[int]Match{2: {2, 1, simA2}, 3: {3, 1, 1}, 4: {4, 2, 1}},
			maxSim:   map[int]float64{2: simA2, 3: 1, 4: 1},
			clusters: [][]int{{1, 2, 3, 4}},
		},
		{
			name:     "too short to sign takes no part",
			docs:     []TextDoc{doc(1, "好"), doc(2, "好"), doc(3, "")},
			original: map[int]Match{},
			maxSim:   map[int]float64{},
		},
		{
			name:     "two clusters ordered by first member",
			docs:     []TextDoc{doc(4, b), doc(2, b), doc(3, a), doc(1, a)},
			original: map[int]Match{3: {3, 1, 1}, 4: {4, 2, 1}},
			maxSim:   map[int]float64{3: 1, 4: 1},
			clusters: [][]int{{1, 3}, {2, 4}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := nearDocs(tt.docs, 0.8)
			if !reflect.DeepEqual(got.Original, tt.original) {
				t.Errorf("Original = %v, want %v", got.Original, tt.original)
			}
			if !reflect.DeepEqual(got.MaxSim, tt.maxSim) {
				t.Errorf("MaxSim = %v, want %v", got.MaxSim, tt.maxSim)
			}
			if !reflect.DeepEqual(got.Clusters, tt.clusters) {
				t.Errorf("Clusters = %v, want %v", got.Clusters, tt.clusters)
			}
		})
	}
}

func TestNearBelowThresholdCountsForOriginality(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for {
		x, y := pairAt(rng, "zh", 0.7)
		dx, dy := doc(1, x), doc(2, y)
		if !candidates(&dx.Sig, &dy.Sig) {
			continue
		}
		got := nearDocs([]TextDoc{dx, dy}, 0.8)
		sim := dx.Sig.Similarity(&dy.Sig)
		if sim >= 0.8 {
			continue
		}
		if len(got.Original) != 0 || got.Clusters != nil {
			t.Errorf("pair at %.3f flagged: %+v", sim, got)
		}
		// Only the later doc is less original: a copy must not sink the
		// post it copied.
		if _, ok := got.MaxSim[1]; ok || got.MaxSim[2] != sim {
			t.Errorf("MaxSim = %v, want %v for the later doc only", got.MaxSim, sim)
		}
		return
	}
}

func TestNearDeterministic(t *testing.T) {
	docs, _ := plantedDocs(2000, 0.05, 42)
	want := nearDocs(docs, 0.8)
	if len(want.Original) < 90 {
		t.Fatalf("only %d originals found among 100 planted copies", len(want.Original))
	}
	rng := rand.New(rand.NewPCG(2, 2))
	for range 5 {
		rng.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		if got := nearDocs(docs, 0.8); !reflect.DeepEqual(got, want) {
			t.Fatal("NearRefs depends on input order")
		}
	}
}

// TestNearPlanted measures recall and precision on posts built from a
// shared phrase pool, with lightly edited copies planted later.
func TestNearPlanted(t *testing.T) {
	docs, from := plantedDocs(5000, 0.01, 7)
	res := nearDocs(docs, 0.8)
	recall, precision := score(res, len(docs), from)
	if recall < 0.98 || precision < 0.99 {
		t.Errorf("recall %.3f precision %.3f, want ≥ 0.98 and ≥ 0.99", recall, precision)
	}
}

// TestNearRefsSkipsNil checks that nil docs (entries without a signature)
// take no part.
func TestNearRefsSkipsNil(t *testing.T) {
	a, b := doc(1, "一二三四五六七八九十甲乙丙丁"), doc(2, "一二三四五六七八九十甲乙丙丁")
	got := NearRefs([]*TextDoc{&a, nil, &b}, 0.8)
	want := nearDocs([]TextDoc{a, b}, 0.8)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("with nils: %+v, without: %+v", got, want)
	}
	if len(got.Original) != 1 {
		t.Fatalf("want the later copy found, got %+v", got.Original)
	}
}

// TestNearSameOnAnyCores: the bands run on every core, and the result must
// not depend on how many there are.
func TestNearSameOnAnyCores(t *testing.T) {
	docs, _ := plantedDocs(3000, 0.05, 7)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	want := nearDocs(docs, 0.5)
	for _, procs := range []int{2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		if got := nearDocs(docs, 0.5); !reflect.DeepEqual(got, want) {
			t.Fatalf("%d cores: result differs from one core's", procs)
		}
	}
	if len(want.Original) == 0 {
		t.Fatal("no near-duplicate found: the corpus tests nothing")
	}
}

// TestNearCrowdedBucket: thousands of posts of one template share every
// bucket. Comparing every pair made time and memory quadratic; each doc is
// compared with at most BucketReach docs before it, and every later post
// is still found to repeat an earlier one, all in one cluster.
func TestNearCrowdedBucket(t *testing.T) {
	const posts = 1000
	template := "第三届积分狂欢节大赛我来参加了，这个活动的奖励很丰厚，大家快来一起参与吧，Gate Alpha 真的很好用"
	docs := make([]TextDoc, posts)
	for i := range docs {
		// a unique tail too short to move a signature out of the buckets
		docs[i] = doc(i, template+string(rune('一'+i%500))+string(rune('丁'+i/500)))
	}
	refs := make([]*TextDoc, len(docs))
	for i := range docs {
		refs[i] = &docs[i]
	}
	n := newNear(refs, 0.8, false)
	n.exactGroups()
	for b := range Bands {
		pairs, held := 0, 0
		count := func(cs []candidate) {
			pairs += len(cs)
			held = max(held, len(cs))
		}
		w := bander{reps: n.reps(), record: count}
		n.bandPairs(&w, b, b+1)
		count(w.found)
		if limit := 64 * posts; pairs > limit { // the reach docs/reference.md states
			t.Fatalf("band %d: %d pairs confirmed, want at most %d (BucketReach per doc)", b, pairs, limit)
		}
		if held > recordBatch {
			t.Fatalf("band %d: %d pairs held at once, want at most %d", b, held, recordBatch)
		}
	}
	res := nearDocs(docs, 0.8)
	if len(res.Original) != posts-1 {
		t.Errorf("%d posts found repeating an earlier one, want %d", len(res.Original), posts-1)
	}
	if len(res.Clusters) != 1 || len(res.Clusters[0]) != posts {
		t.Errorf("clusters %d (first of %d), want one of %d", len(res.Clusters), len(res.Clusters[0]), posts)
	}
}

// TestTextDocSize: a million entries each hold a TextDoc until the
// cross-entry checks, so its padding counts (an int Order and a trailing
// bool made it 312 bytes).
func TestTextDocSize(t *testing.T) {
	if got, want := unsafe.Sizeof(TextDoc{}), unsafe.Sizeof(Signature{})+16; got > want {
		t.Errorf("TextDoc is %d bytes, want at most %d", got, want)
	}
}

// TestExactGroupsFullHash: exactGroups sorts by the top bits of the exact
// hash; docs whose hashes agree there but differ below are not copies,
// and each copy is linked to the earliest doc with its full hash.
func TestExactGroupsFullHash(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, size := range []int{2, 300, 5000} {
		docs := make([]TextDoc, size)
		refs := make([]*TextDoc, size)
		for i := range docs {
			// few top halves, and low bits that the key's index
			// part would hide
			exact := uint64(rng.IntN(4))<<40 | uint64(rng.IntN(3))
			docs[i] = TextDoc{Order: int32(i), OK: true, Exact: exact}
			refs[i] = &docs[i]
		}
		n := newNear(refs, 0.8, false)
		n.exactGroups()
		for i := range n.docs {
			want := int32(i)
			for j := range i {
				if n.docs[j].Exact == n.docs[i].Exact {
					want = int32(j)
					break
				}
			}
			if n.first[i] != want {
				t.Fatalf("%d docs: doc %d linked to %d, want %d", size, i, n.first[i], want)
			}
		}
	}
}

// TestNearInOrderAgreesWithNearRefs: the search over docs in their order
// finds what NearRefs finds, by position, with exact copies, docs too
// short to sign and missing docs among them.
func TestNearInOrderAgreesWithNearRefs(t *testing.T) {
	docs, _ := plantedDocs(3000, 0.05, 7)
	for i := 0; i < len(docs); i += 97 {
		docs[i+1].Sig, docs[i+1].Exact = docs[i].Sig, docs[i].Exact // an exact copy
		docs[i+2].OK = false
	}
	refs := make([]*TextDoc, len(docs))
	for i := range docs {
		if i%89 != 5 {
			refs[i] = &docs[i]
		}
	}
	for _, threshold := range []float64{0.5, 0.8, 1, 1.1} {
		for i := range docs {
			docs[i].Order = int32(i)
		}
		want := NearRefs(refs, threshold)
		// NearInOrder works in the slice it is given.
		got := NearInOrder(slices.Clone(refs), threshold)
		for pos := range refs {
			if s := got.MaxSim(pos); s != want.MaxSim[pos] {
				t.Fatalf("threshold %v: MaxSim[%d] = %v, NearRefs says %v", threshold, pos, s, want.MaxSim[pos])
			}
		}
		if len(got.Original) != len(want.Original) || !slices.IsSortedFunc(got.Original, func(a, b Match) int { return a.Doc - b.Doc }) {
			t.Fatalf("threshold %v: %d originals, NearRefs finds %d; or not in order", threshold, len(got.Original), len(want.Original))
		}
		for _, m := range got.Original {
			if want.Original[m.Doc] != m {
				t.Fatalf("threshold %v: %+v, NearRefs says %+v", threshold, m, want.Original[m.Doc])
			}
		}
		if !reflect.DeepEqual(got.Clusters, want.Clusters) {
			t.Fatalf("threshold %v: clusters differ from NearRefs'", threshold)
		}
	}
}

// TestAgreeWords: counting four values at a time agrees with counting
// them one by one, whatever the lanes hold (0, 0x8000 and 0xffff test
// the carries between lanes).
func TestAgreeWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	values := []uint16{0, 1, 0x7fff, 0x8000, 0xffff}
	for range 2000 {
		var a, c Signature
		for k := range a {
			a[k] = values[rng.IntN(len(values))]
			c[k] = a[k]
			if rng.IntN(3) == 0 {
				c[k] = values[rng.IntN(len(values))]
			}
		}
		if got, want := agreeWords(&a, &c), a.agree(&c); got != want {
			t.Fatalf("agreeWords = %d, agree = %d for %v / %v", got, want, a, c)
		}
		for e := range Bands {
			if got, want := sameBand(&a, &c, e), slices.Equal(a[e*Rows:(e+1)*Rows], c[e*Rows:(e+1)*Rows]); got != want {
				t.Fatalf("sameBand(%d) = %v, want %v", e, got, want)
			}
		}
	}
}

// TestDocsInOrderClosesUp: the docs that take part are closed up in
// place, in order, with their positions as Order and their exact hashes
// beside them, however many ranges the work is split into.
func TestDocsInOrderClosesUp(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	const size = 5 << 14
	docs := make([]TextDoc, size)
	refs := make([]*TextDoc, size)
	var want []int
	for pos := range refs {
		docs[pos].OK = pos%7 != 3
		docs[pos].Exact = uint64(pos)*0x9e3779b97f4a7c15 + 1
		if pos%5 != 1 {
			refs[pos] = &docs[pos]
			if docs[pos].OK {
				want = append(want, pos)
			}
		}
	}
	exact := make([]uint64, size)
	got := docsInOrder(refs, exact)
	if len(got) != len(want) {
		t.Fatalf("%d docs, want %d", len(got), len(want))
	}
	for k, d := range got {
		if d != &docs[want[k]] || d.Order != int32(want[k]) {
			t.Fatalf("doc %d has Order %d, want the doc at position %d", k, d.Order, want[k])
		}
		if exact[k] != d.Exact {
			t.Fatalf("doc %d has exact hash %#x beside it, want %#x", k, exact[k], d.Exact)
		}
	}
}
