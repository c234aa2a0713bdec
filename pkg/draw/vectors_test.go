package draw

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json from the reference implementation")

const vectorsFile = "testdata/vectors.json"

// The reference implementation below shares no code with the package: it
// works in math/big throughout and reads each value the way a person does
// by hand, from the first 16 hex digits of the SHA-256 hex string.

var two64 = new(big.Int).Lsh(big.NewInt(1), 64)

func refValue(seed string, k int) *big.Int {
	hexSum := fmt.Sprintf("%x", sha256.Sum256([]byte(seed+":"+fmt.Sprint(k))))
	x, ok := new(big.Int).SetString(hexSum[:16], 16)
	if !ok {
		panic("bad hex " + hexSum)
	}
	return x
}

func refAccept(x, n *big.Int) bool {
	bound := new(big.Int).Sub(two64, new(big.Int).Mod(two64, n))
	return x.Cmp(bound) < 0
}

func refDraw(seed string, n, winners, alternates int) []vectorPick {
	remaining := []int{}
	for i := 0; i < n; i++ {
		remaining = append(remaining, i)
	}
	out := []vectorPick{}
	k := 0
	for len(out) < winners+alternates && len(remaining) > 0 {
		m := big.NewInt(int64(len(remaining)))
		x := refValue(seed, k)
		k++
		if !refAccept(x, m) {
			continue
		}
		pos := int(new(big.Int).Mod(x, m).Int64())
		out = append(out, vectorPick{
			Pick: len(out) + 1, Index: remaining[pos], K: uint64(k - 1),
			Alternate: len(out)+1 > winners, X: x.String(),
		})
		rest := append([]int{}, remaining[:pos]...)
		remaining = append(rest, remaining[pos+1:]...)
	}
	return out
}

func refDigest(ids []string) string {
	var b bytes.Buffer
	for i, id := range ids {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(id)
	}
	return fmt.Sprintf("sha256:%x", sha256.Sum256(b.Bytes()))
}

type vectorPick struct {
	Pick      int    `json:"pick"`
	Index     int    `json:"index"`
	K         uint64 `json:"k"`
	Alternate bool   `json:"alternate"`
	X         string `json:"x"` // the accepted value, in decimal
}

type drawVector struct {
	Seed       string       `json:"seed"`
	N          int          `json:"n"`
	Winners    int          `json:"winners"`
	Alternates int          `json:"alternates"`
	Picks      []vectorPick `json:"picks"`
}

type acceptVector struct {
	X      string `json:"x"`
	N      string `json:"n"`
	Accept bool   `json:"accept"`
}

type digestVector struct {
	IDs    []string `json:"ids"`
	Digest string   `json:"digest"`
}

type vectors struct {
	Draws   []drawVector   `json:"draws"`
	Accepts []acceptVector `json:"accepts"`
	Digests []digestVector `json:"digests"`
}

func makeVectors() vectors {
	var v vectors
	seeds := []string{"", "seed", "积分狂欢节 🎉 Ｅ", "0000000000000000000a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071"}
	shapes := []struct{ n, winners, alternates int }{
		{1, 1, 0}, {1, 3, 2}, {2, 1, 1}, {2, 5, 0}, {3, 2, 1}, {3, 3, 0},
		{7, 3, 2}, {7, 7, 0}, {7, 10, 3}, {1000, 10, 5},
	}
	for _, seed := range seeds {
		for _, s := range shapes {
			v.Draws = append(v.Draws, drawVector{seed, s.n, s.winners, s.alternates, refDraw(seed, s.n, s.winners, s.alternates)})
		}
	}
	// One full draw of a large list keeps the file small yet covers every
	// length of the remaining list from 1000 down to 1.
	v.Draws = append(v.Draws, drawVector{seeds[2], 1000, 1000, 0, refDraw(seeds[2], 1000, 1000, 0)})
	v.Accepts = makeAcceptVectors()
	for _, ids := range [][]string{{}, {""}, {"a"}, {"a", "b"}, {"B", "a", "积分"}, {"a\n", "b"}} {
		v.Digests = append(v.Digests, digestVector{ids, refDigest(ids)})
	}
	return v
}

// makeAcceptVectors tries values on both sides of each bound.
func makeAcceptVectors() []acceptVector {
	big1 := big.NewInt(1)
	top := new(big.Int).Sub(two64, big1)
	ns := []*big.Int{
		big1, big.NewInt(2), big.NewInt(3), big.NewInt(7), big.NewInt(1000),
		new(big.Int).Add(new(big.Int).Lsh(big1, 63), big1), // 2^63 + 1
		new(big.Int).Lsh(big1, 63),
		top,
	}
	var out []acceptVector
	seen := map[string]bool{}
	for _, n := range ns {
		bound := new(big.Int).Sub(two64, new(big.Int).Mod(two64, n))
		for _, x := range []*big.Int{big.NewInt(0), new(big.Int).Sub(bound, big1), bound, top} {
			key := x.String() + "/" + n.String()
			if x.Cmp(top) > 0 || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, acceptVector{x.String(), n.String(), refAccept(x, n)})
		}
	}
	return out
}

// leafLines finds objects and arrays with nothing nested, so that each pick
// takes one line of the golden file.
var (
	leafLines = regexp.MustCompile(`\{[^{}\[\]]*\}|\[[^{}\[\]]*\]`)
	spaceRun  = regexp.MustCompile(`\n\s*`)
)

func loadVectors(t *testing.T) vectors {
	t.Helper()
	if *update {
		data, err := json.MarshalIndent(makeVectors(), "", " ")
		if err != nil {
			t.Fatal(err)
		}
		data = leafLines.ReplaceAllFunc(data, func(b []byte) []byte {
			return spaceRun.ReplaceAll(b, []byte(" "))
		})
		if err := os.MkdirAll(filepath.Dir(vectorsFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(vectorsFile, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", vectorsFile, err)
	}
	return v
}

func TestVectorsDraw(t *testing.T) {
	v := loadVectors(t)
	if len(v.Draws) == 0 {
		t.Fatal("no draw vectors")
	}
	for _, d := range v.Draws {
		name := fmt.Sprintf("%q/n=%d/w=%d/a=%d", d.Seed, d.N, d.Winners, d.Alternates)
		t.Run(name, func(t *testing.T) {
			got := Draw(NewStream(d.Seed), d.N, d.Winners, d.Alternates)
			if len(got) != len(d.Picks) {
				t.Fatalf("got %d picks, want %d", len(got), len(d.Picks))
			}
			for i, p := range d.Picks {
				want := Pick{Pick: p.Pick, Index: p.Index, K: p.K, Alternate: p.Alternate}
				if got[i] != want {
					t.Errorf("pick %d: got %+v, want %+v", i+1, got[i], want)
				}
			}
		})
	}
}

func TestVectorsAccept(t *testing.T) {
	for _, a := range loadVectors(t).Accepts {
		x, n := mustUint(t, a.X), mustUint(t, a.N)
		if got := Accept(x, n); got != a.Accept {
			t.Errorf("Accept(%d, %d) = %v, want %v", x, n, got, a.Accept)
		}
	}
}

func TestVectorsDigest(t *testing.T) {
	for _, d := range loadVectors(t).Digests {
		if got := Digest(d.IDs); got != d.Digest {
			t.Errorf("Digest(%q) = %s, want %s", d.IDs, got, d.Digest)
		}
	}
}

// TestVectorsValues checks the stream itself, value by value, against the
// reference reading of the hex digest.
func TestVectorsValues(t *testing.T) {
	for _, d := range loadVectors(t).Draws {
		for _, p := range d.Picks {
			s := NewStream(d.Seed)
			var x uint64
			for k := uint64(0); k <= p.K; k++ {
				x = s.Next()
			}
			if fmt.Sprint(x) != p.X {
				t.Fatalf("seed %q k=%d: got %d, want %s", d.Seed, p.K, x, p.X)
			}
		}
	}
}

func mustUint(t *testing.T, s string) uint64 {
	t.Helper()
	b, ok := new(big.Int).SetString(s, 10)
	if !ok || !b.IsUint64() {
		t.Fatalf("bad uint64 %q in %s", s, vectorsFile)
	}
	return b.Uint64()
}
