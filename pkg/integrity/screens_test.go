package integrity

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// The screenshot corpus is written by scripts/genscreens: app screens,
// each with an honest sibling (the same screen of another account, some
// figures differ) and a reuse (re-encoded, resized, cropped, brightened,
// retaken with another clock, or shown in a viewer with a border).

type screenPair struct {
	kind, variant, earlier, later string
}

// racePairs is how much of the corpus the race run judges: the first twelve
// screens, each honest sibling and each reuse variant twice. Decoding is the
// only concurrent part, and it costs ten times as much under the detector.
const racePairs = 24

// loadScreenPairs reads the manifest: every pair, or under the race
// detector the first racePairs.
func loadScreenPairs(t testing.TB) []screenPair {
	t.Helper()
	f, err := os.Open("testdata/screens/manifest.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []screenPair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 4 && !strings.HasPrefix(fs[0], "#") {
			out = append(out, screenPair{fs[0], fs[1], fs[2], fs[3]})
		}
	}
	if raceEnabled && len(out) > racePairs {
		out = out[:racePairs]
	}
	return out
}

// minPairs is how many honest pairs and reuses the corpus must hold.
func minPairs() int {
	if raceEnabled {
		return racePairs / 2
	}
	return 40
}

// The corpus tests share one decoding of every file, done on every core;
// afterwards they only read it, so they run in parallel.
var (
	corpusOnce sync.Once
	corpusSigs map[string]ImageSig
	corpusErr  error
)

func screenCorpusSigs(t testing.TB, pairs []screenPair) map[string]ImageSig {
	t.Helper()
	corpusOnce.Do(func() { corpusSigs, corpusErr = decodeScreens(pairs) })
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusSigs
}

func decodeScreens(pairs []screenPair) (map[string]ImageSig, error) {
	var names []string
	seen := map[string]bool{}
	for _, p := range pairs {
		for _, name := range []string{p.earlier, p.later} {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	sigs := make([]ImageSig, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				f, err := ReadImage(context.Background(), filepath.Join("testdata/screens", names[i]), nil)
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", names[i], err)
					continue
				}
				sigs[i] = f.Sig
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	out := make(map[string]ImageSig, len(names))
	for i, name := range names {
		out[name] = sigs[i]
	}
	return out, errors.Join(errs...)
}

func screenSig(t testing.TB, cache map[string]ImageSig, name string) ImageSig {
	t.Helper()
	if sig, ok := cache[name]; ok {
		return sig
	}
	f, err := ReadImage(context.Background(), filepath.Join("testdata/screens", name), nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	cache[name] = f.Sig
	return f.Sig
}

var defaultReuse = ReuseOptions{MaxDistance: 6, MinTiles: 1}

// TestScreenCorpus: no honest pair is flagged, at least 95 % of reuses
// are, each pair judged on its own as two authors' entries.
func TestScreenCorpus(t *testing.T) {
	t.Parallel()
	pairs := loadScreenPairs(t)
	sigs := screenCorpusSigs(t, pairs)
	total := map[string]int{}
	flagged := map[string]int{}
	for _, p := range pairs {
		docs := []ImageDoc{
			{Order: 0, Author: "first", Sig: sigs[p.earlier]},
			{Order: 1, Author: "second", Sig: sigs[p.later]},
		}
		r := Reused(docs, defaultReuse)
		m, found := r.Found[1]
		total[p.kind]++
		if found {
			flagged[p.kind]++
		}
		if found != (p.kind == "reuse") {
			ev := m.Tiles
			if c, ok := r.Closest[1]; ok {
				ev = c.Tiles
			}
			t.Errorf("%s %s %s: flagged = %v (%s)", p.kind, p.variant, p.later, found, ev)
		}
	}
	if n := minPairs(); total["honest"] < n || total["reuse"] < n {
		t.Fatalf("corpus has %d honest pairs and %d reuses, want %d of each", total["honest"], total["reuse"], n)
	}
	t.Logf("honest pairs flagged: %d of %d; reuses flagged: %d of %d", flagged["honest"], total["honest"], flagged["reuse"], total["reuse"])
	if flagged["honest"] != 0 {
		t.Errorf("%d honest pairs flagged, want 0", flagged["honest"])
	}
	if rate := float64(flagged["reuse"]) / float64(total["reuse"]); rate < 0.95 {
		t.Errorf("%.1f%% of reuses flagged, want at least 95%%", 100*rate)
	}
}

// TestScreenCorpusTogether: the whole corpus as one campaign, every image
// by its own author, originals first: exactly the reuses are flagged, each
// naming its original.
func TestScreenCorpusTogether(t *testing.T) {
	t.Parallel()
	pairs := loadScreenPairs(t)
	sigs := screenCorpusSigs(t, pairs)
	order := map[string]int{}
	var docs []ImageDoc
	add := func(name string) {
		if _, ok := order[name]; !ok {
			order[name] = len(docs)
			docs = append(docs, ImageDoc{Order: len(docs), Author: name, Sig: sigs[name]})
		}
	}
	for _, p := range pairs {
		add(p.earlier)
	}
	for _, p := range pairs {
		add(p.later)
	}
	r := Reused(docs, defaultReuse)
	want := map[int]int{}
	for _, p := range pairs {
		if p.kind == "reuse" {
			want[order[p.later]] = order[p.earlier]
		}
	}
	for doc, m := range r.Found {
		w, ok := want[doc]
		switch {
		case !ok:
			t.Errorf("%s flagged as a copy of %s (%s)", docs[doc].Author, docs[m.Other].Author, m.Tiles)
		case w != m.Other:
			t.Errorf("%s: copy of %s, want %s", docs[doc].Author, docs[m.Other].Author, docs[w].Author)
		}
	}
	for doc := range want {
		if _, ok := r.Found[doc]; !ok {
			t.Errorf("%s not flagged", docs[doc].Author)
		}
	}
}

func BenchmarkReadImage(b *testing.B) {
	for _, name := range []string{"s00.png", "s00-jpeg50.jpg"} {
		b.Run(name, func(b *testing.B) {
			path := filepath.Join("testdata/screens", name)
			for b.Loop() {
				if _, err := ReadImage(context.Background(), path, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkComparePrints(b *testing.B) {
	cache := map[string]ImageSig{}
	a, o := screenSig(b, cache, "s00.png"), screenSig(b, cache, "s00-other.png")
	for b.Loop() {
		ComparePrints(a.Print, o.Print)
	}
}
