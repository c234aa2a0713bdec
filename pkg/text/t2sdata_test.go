package text

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"math/bits"
	"os"
	"slices"
	"testing"
	"unicode/utf8"
)

var updateT2S = flag.Bool("update-t2s", false, "rewrite t2sdata.go from t2sGroups")

// TestT2SData holds the generated look-up tables (t2sdata.go) to the ones
// t2sGroups, the dictionaries, give: after gent2s rewrote t2stables.go,
// run `go test -run ^TestT2SData$ -update-t2s` (go generate does).
func TestT2SData(t *testing.T) {
	ref := computeT2S(t)
	groups := make([]t2sGroup, len(ref))
	for gi := range ref {
		groups[gi] = indexT2S(&ref[gi])
	}
	any, filter := computeT2SAny(ref), computeT2SFilter(ref)
	if *updateT2S {
		if err := os.WriteFile("t2sdata.go", t2sDataSource(t, groups, any, filter), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	const hint = "run go test -run ^TestT2SData$ -update-t2s"
	if len(groups) != len(t2sTables) {
		t.Fatalf("t2sdata.go has %d groups, t2sGroups %d: %s", len(t2sTables), len(groups), hint)
	}
	for gi := range groups {
		g, want := &t2sTables[gi], &groups[gi]
		if g.starts != want.starts || g.rank != want.rank || !slices.Equal(g.off, want.off) || !slices.Equal(g.keys, want.keys) {
			t.Fatalf("group %d of t2sdata.go is not the dictionaries': %s", gi, hint)
		}
		for r, keys := range ref[gi].keys {
			if got := g.keysOf(r); !slices.Equal(got, keys) {
				t.Fatalf("group %d: keysOf(%q) = %q, want %q", gi, r, got, keys)
			}
		}
	}
	if t2sAnyStarts != *any || t2sKeyPairs != *filter {
		t.Fatalf("t2sAnyStarts or t2sKeyPairs is not the dictionaries': %s", hint)
	}
}

// TestT2SKeysOf: a character that starts no key has none, whatever its
// neighbours' bits.
func TestT2SKeysOf(t *testing.T) {
	g := &t2sTables[0]
	for r := rune(0); r < 0x110000; r++ {
		keys := g.keysOf(r)
		if g.mayStart(r) != (len(keys) > 0) {
			t.Fatalf("keysOf(%U) = %d keys, mayStart %v", r, len(keys), g.mayStart(r))
		}
		for _, e := range keys {
			if first, _ := utf8.DecodeRuneInString(e.key); first != r {
				t.Fatalf("keysOf(%U) holds %q", r, e.key)
			}
		}
	}
}

// t2sRef is one group as the dictionaries give it.
type t2sRef struct {
	starts [t2sEnd / 64]uint64
	keys   map[rune][]t2sEntry
}

// computeT2S builds the groups from t2sGroups: per start character, its
// keys in the order that gives gocc's answer (the longest key of the
// first dictionary that has one), a character that is its own value as
// the last key left out (it changes nothing, and costs no look-up so).
func computeT2S(t *testing.T) []t2sRef {
	out := make([]t2sRef, len(t2sGroups))
	for gi, dicts := range t2sGroups {
		g := &out[gi]
		g.keys = map[rune][]t2sEntry{}
		for _, dict := range dicts {
			from := map[rune]int{} // where this dictionary's keys start in each list
			for _, e := range dict {
				r, _ := utf8.DecodeRuneInString(e.key)
				if r >= t2sEnd {
					t.Fatalf("key %q starts at or beyond t2sEnd: the tables need a place for it", e.key)
				}
				if _, ok := from[r]; !ok {
					from[r] = len(g.keys[r])
				}
				g.keys[r] = append(g.keys[r], e)
				g.starts[r/64] |= 1 << (r % 64)
			}
			for r, i := range from {
				// Within one dictionary the longest key wins.
				slices.SortStableFunc(g.keys[r][i:], func(a, b t2sEntry) int { return len(b.key) - len(a.key) })
			}
		}
		for r, keys := range g.keys {
			if last := keys[len(keys)-1]; last.key == last.value && utf8.RuneCountInString(last.key) == 1 {
				keys = keys[:len(keys)-1]
			}
			if len(keys) > 0 {
				g.keys[r] = keys
				continue
			}
			delete(g.keys, r)
			g.starts[r/64] &^= 1 << (r % 64)
		}
	}
	return out
}

// indexT2S lays ref out as t2sGroup holds it.
func indexT2S(ref *t2sRef) t2sGroup {
	g := t2sGroup{starts: ref.starts}
	n := 0
	for w, word := range ref.starts {
		g.rank[w] = uint16(n)
		n += bits.OnesCount64(word)
	}
	for r := range rune(t2sEnd) {
		if keys, ok := ref.keys[r]; ok {
			g.off = append(g.off, uint16(len(g.keys)))
			g.keys = append(g.keys, keys...)
		}
	}
	g.off = append(g.off, uint16(len(g.keys)))
	if n >= 1<<16 || len(g.keys) >= 1<<16 {
		panic("t2sGroup's offsets overflow")
	}
	return g
}

// computeT2SAny is the union of the groups' start bits.
func computeT2SAny(ref []t2sRef) *[t2sEnd / 64]uint64 {
	var union [t2sEnd / 64]uint64
	for gi := range ref {
		for w, bits := range ref[gi].starts {
			union[w] |= bits
		}
	}
	return &union
}

// computeT2SFilter builds the pair filter of the groups' keys.
func computeT2SFilter(ref []t2sRef) *t2sPairs {
	f := new(t2sPairs)
	for gi := range ref {
		for r, keys := range ref[gi].keys {
			for _, e := range keys {
				_, n := utf8.DecodeRuneInString(e.key)
				if n == len(e.key) {
					f.whole[r/64] |= 1 << (r % 64)
					continue
				}
				r2, _ := utf8.DecodeRuneInString(e.key[n:])
				h := pairHash(r, r2)
				f.pairs[h/64] |= 1 << (h % 64)
			}
		}
	}
	return f
}

// t2sDataSource is t2sdata.go holding the tables.
func t2sDataSource(t *testing.T, groups []t2sGroup, any *[t2sEnd / 64]uint64, filter *t2sPairs) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by go test -run ^TestT2SData$ -update-t2s from t2sGroups. DO NOT EDIT.\n\n")
	b.WriteString("package text\n\n")
	b.WriteString("// t2sTables are the groups of t2sGroups made ready for look-ups.\n")
	fmt.Fprintf(&b, "var t2sTables = [%d]t2sGroup{\n", len(groups))
	for gi := range groups {
		g := &groups[gi]
		b.WriteString("{\nstarts: [t2sEnd / 64]uint64{")
		writeSparse(&b, g.starts[:])
		b.WriteString("},\nrank: [t2sEnd / 64]uint16{")
		writeSparse(&b, g.rank[:])
		b.WriteString("},\noff: []uint16{")
		for i, o := range g.off {
			if i%16 == 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "%d,", o)
		}
		b.WriteString("\n},\nkeys: []t2sEntry{\n")
		for _, e := range g.keys {
			fmt.Fprintf(&b, "{%q, %q},\n", e.key, e.value)
		}
		b.WriteString("},\n},\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// t2sAnyStarts is the union of the groups' start bits.\n")
	b.WriteString("var t2sAnyStarts = [t2sEnd / 64]uint64{")
	writeSparse(&b, any[:])
	b.WriteString("}\n\n")
	b.WriteString("// t2sKeyPairs is the pair filter of the groups' keys.\n")
	b.WriteString("var t2sKeyPairs = t2sPairs{\nwhole: [t2sEnd / 64]uint64{")
	writeSparse(&b, filter.whole[:])
	b.WriteString("},\npairs: [1 << 16 / 64]uint64{")
	writeSparse(&b, filter.pairs[:])
	b.WriteString("},\n}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// writeSparse writes the non-zero elements of a as indexed elements of an
// array literal, four a line.
func writeSparse[T uint16 | uint64](b *bytes.Buffer, a []T) {
	n := 0
	for i, v := range a {
		if v == 0 {
			continue
		}
		if n%4 == 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(b, "%d: %#x, ", i, v)
		n++
	}
	b.WriteString("\n")
}
