package integrity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSignShort(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		wantOK bool
	}{
		{"empty", "", false},
		{"one rune short of a shingle", strings.Repeat("积", K-1), false},
		{"exactly one shingle", strings.Repeat("积", K), true},
		{"latin", "abcdefgh", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, ok := sign(tt.text)
			if ok != tt.wantOK {
				t.Errorf("Sign(%q) ok = %v, want %v", tt.text, ok, tt.wantOK)
			}
		})
	}
}

func TestSignExact(t *testing.T) {
	a1, e1, _ := sign("积分狂欢节launchpool")
	a2, e2, _ := sign("积分狂欢节launchpool")
	b, e3, _ := sign("积分狂欢节launchpooo")
	if a1 != a2 || e1 != e2 {
		t.Error("the same text signed twice differs")
	}
	if e1 == e3 {
		t.Error("different texts share the exact hash")
	}
	if got := a1.Similarity(&b); got == 1 {
		t.Errorf("similarity of texts differing in the last shingle = %v, want < 1", got)
	}
	if got := a1.Similarity(&a2); got != 1 {
		t.Errorf("similarity of equal texts = %v, want 1", got)
	}
}

func TestSignerAllocs(t *testing.T) {
	text := chinesePost(1024)
	var s Signer
	s.Sign(text)
	if n := testing.AllocsPerRun(100, func() { s.Sign(text) }); n != 0 {
		t.Errorf("Signer.Sign allocates %v times per call, want 0", n)
	}
}

// randomText returns n runes of the language's alphabet: random ideographs
// for zh, lower-case letters for en, and runs of either for mix.
func randomText(rng *rand.Rand, lang string, n int) string {
	var b strings.Builder
	han := lang == "zh"
	for i := 0; i < n; i++ {
		if lang == "mix" && i%6 == 0 {
			han = rng.IntN(2) == 0
		}
		if han {
			b.WriteRune(0x4e00 + rune(rng.IntN(0x5000)))
		} else {
			b.WriteRune('a' + rune(rng.IntN(26)))
		}
	}
	return b.String()
}

// pairAt returns two texts of about 200 shingles each whose Jaccard
// similarity is close to j: a shared part plus a part of their own.
func pairAt(rng *rand.Rand, lang string, j float64) (string, string) {
	const size = 200
	shared := int(math.Round(2 * size * j / (1 + j)))
	common := randomText(rng, lang, shared)
	if j == 1 {
		return common, common
	}
	own := size - shared
	return common + randomText(rng, lang, own), common + randomText(rng, lang, own)
}

var levels = []float64{0.5, 0.7, 0.8, 0.9, 1.0}

func TestSignatureEstimate(t *testing.T) {
	for _, lang := range []string{"zh", "en", "mix"} {
		for _, j := range levels {
			t.Run(fmt.Sprintf("%s/J=%.1f", lang, j), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(uint64(j*100), 7))
				const trials = 300
				var bias float64
				within := 0
				for range trials {
					a, b := pairAt(rng, lang, j)
					truth := jaccard(shingleSet(a, K), shingleSet(b, K))
					if math.Abs(truth-j) > 0.03 {
						t.Fatalf("generated pair at %.3f, want %.2f", truth, j)
					}
					sa, _, _ := sign(a)
					sb, _, _ := sign(b)
					err := sa.Similarity(&sb) - truth
					bias += err
					if math.Abs(err) <= 3*math.Sqrt(truth*(1-truth)/NumHashes)+1e-9 {
						within++
					}
				}
				if bias /= trials; math.Abs(bias) > 0.01 {
					t.Errorf("J=%.1f: mean error %.4f, want within 0.01", j, bias)
				}
				if within < trials*98/100 {
					t.Errorf("J=%.1f: %d of %d estimates within 3 sd, want 98%%", j, within, trials)
				}
			})
		}
	}
}

// TestFoundRate checks Near against the S-curve: candidates by banding,
// then confirmed at the 0.8 threshold by the full signature.
func TestFoundRate(t *testing.T) {
	tests := []struct {
		j          float64
		candidates [2]float64 // allowed range of the banding rate
		found      [2]float64 // allowed range of Near's rate at 0.8
	}{
		{0.5, [2]float64{0, 0.12}, [2]float64{0, 0}},
		{0.7, [2]float64{0.55, 0.78}, [2]float64{0, 0.05}},
		{0.8, [2]float64{0.93, 1}, [2]float64{0.35, 0.65}},
		{0.9, [2]float64{0.99, 1}, [2]float64{0.99, 1}},
		{1.0, [2]float64{1, 1}, [2]float64{1, 1}},
	}
	for _, tt := range tests {
		for _, lang := range []string{"zh", "en", "mix"} {
			t.Run(fmt.Sprintf("%s/J=%.1f", lang, tt.j), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(uint64(tt.j*100), 11))
				const trials = 500
				cand, found := 0, 0
				for range trials {
					a, b := pairAt(rng, lang, tt.j)
					sa, ea, _ := sign(a)
					sb, eb, _ := sign(b)
					if candidates(&sa, &sb) {
						cand++
					}
					res := nearDocs([]TextDoc{{Order: 1, OK: true, Sig: sa, Exact: ea}, {Order: 2, OK: true, Sig: sb, Exact: eb}}, 0.8)
					if _, ok := res.Original[2]; ok {
						found++
					}
				}
				cr, fr := float64(cand)/trials, float64(found)/trials
				t.Logf("candidates %.3f (S-curve %.3f), found %.3f", cr, sCurve(tt.j), fr)
				if cr < tt.candidates[0] || cr > tt.candidates[1] {
					t.Errorf("J=%.1f: candidate rate %.3f, want in %v (S-curve %.3f)", tt.j, cr, tt.candidates, sCurve(tt.j))
				}
				if fr < tt.found[0] || fr > tt.found[1] {
					t.Errorf("J=%.1f: found rate %.3f, want in %v", tt.j, fr, tt.found)
				}
			})
		}
	}
}

func candidates(a, b *Signature) bool {
	for band := range Bands {
		if [Rows]uint16(a[band*Rows:]) == [Rows]uint16(b[band*Rows:]) {
			return true
		}
	}
	return false
}

func sCurve(s float64) float64 {
	return 1 - math.Pow(1-math.Pow(s, Rows), Bands)
}

func TestSCurve(t *testing.T) {
	for _, s := range []float64{0.3, 0.5, 0.6, 0.7, 0.8, 0.9} {
		t.Logf("s=%.1f P(candidate)=%.4f", s, sCurve(s))
	}
	if p := sCurve(0.8); p < 0.95 {
		t.Errorf("P(candidate | 0.8) = %.4f, want ≥ 0.95", p)
	}
	if p := sCurve(0.5); p > 0.1 {
		t.Errorf("P(candidate | 0.5) = %.4f, want ≤ 0.1", p)
	}
}

// TestEditedCopyFound plants copies with one rune in a hundred changed.
func TestEditedCopyFound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	posts := loadPosts(t)
	found, total := 0, 0
	for _, p := range posts {
		for range 50 {
			sa, ea, _ := sign(p.text)
			sb, eb, _ := sign(edit(rng, p.text, 100))
			res := nearDocs([]TextDoc{{Order: 1, OK: true, Sig: sa, Exact: ea}, {Order: 2, OK: true, Sig: sb, Exact: eb}}, 0.8)
			if m, ok := res.Original[2]; ok && m.Other == 1 {
				found++
			}
			total++
		}
	}
	if rate := float64(found) / float64(total); rate < 0.99 {
		t.Errorf("found %d of %d lightly edited copies (%.3f), want ≥ 0.99", found, total, rate)
	}
}

func chinesePost(size int) string {
	var b strings.Builder
	rng := rand.New(rand.NewPCG(5, 6))
	for b.Len() < size-3 {
		b.WriteRune(0x4e00 + rune(rng.IntN(0x5000)))
	}
	return b.String()
}

// TestSignerReuse: a Signer that signed one text signs the next as a new
// one would, rune by rune or whole (the rolling shingle hash once kept the
// previous text's last runes).
func TestSignerReuse(t *testing.T) {
	texts := []string{"这次参加质押收益不错", "abc", "界面也很清楚新手十分钟就能上手", "x", "区块链的发展让人兴奋"}
	var reused Signer
	for _, s := range texts {
		var fresh Signer
		wantSig, wantExact, wantOK := fresh.Sign(s)
		reused.Start()
		for _, r := range s {
			reused.Add(r)
		}
		sig, exact, ok := reused.Finish()
		if sig != wantSig || exact != wantExact || ok != wantOK {
			t.Errorf("%q: reused Signer differs from a new one", s)
		}
		if sig, exact, ok := reused.Sign(s); sig != wantSig || exact != wantExact || ok != wantOK {
			t.Errorf("%q: reused Sign differs from a new one", s)
		}
	}
}

// AddRunes must leave the signer exactly as Add rune by rune does, however
// the text is cut into calls.
func TestAddRunesAgreesWithAdd(t *testing.T) {
	texts := map[string]string{
		"empty":    "",
		"short":    "ab",
		"exactlyK": "abcd",
		"chinese":  "我更关心的是池上线后的流动性大家怎么看",
		"mixed":    "Staked4854ESinLaunchpool本周年化大概287比预期高一点😀x",
	}
	for name, text := range texts {
		rs := []rune(text)
		for cut := 0; cut <= len(rs); cut++ {
			t.Run(fmt.Sprintf("%s/%d", name, cut), func(t *testing.T) {
				var one, batch Signer
				one.Start()
				for _, r := range rs {
					one.Add(r)
				}
				batch.Start()
				batch.AddRunes(rs[:cut])
				batch.AddRunes(rs[cut:])
				batch.AddRunes(nil)
				if one.n != batch.n || one.ring != batch.ring || one.roll != batch.roll || !slices.Equal(one.xs, batch.xs) {
					t.Fatalf("state differs: n %d/%d ring %v/%v", one.n, batch.n, one.ring, batch.ring)
				}
				s1, e1, ok1 := one.Finish()
				s2, e2, ok2 := batch.Finish()
				if s1 != s2 || e1 != e2 || ok1 != ok2 {
					t.Fatalf("Finish differs")
				}
			})
		}
	}
}

// TestDensifyProbes: an empty bin takes the value of the first non-empty
// bin its probe sequence reaches, whether the probe is one firstProbes
// keeps or one hashed past them, then of the next bins in turn; texts of
// a few shingles leave most bins empty and probe far.
func TestDensifyProbes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for runes := K; runes < K+60; runes++ {
		rs := make([]rune, runes)
		for i := range rs {
			rs[i] = 0x4e00 + rune(rng.IntN(0x5000))
		}
		var s Signer
		s.Start()
		s.AddRunes(rs)
		mins := s.mins
		sig, _, _ := s.Finish()
		for i, v := range mins {
			for probe := uint64(1); v == math.MaxUint32 && probe <= 4*NumHashes; probe++ {
				v = mins[mix64(uint64(i)<<32|probe)>>32*NumHashes>>32]
			}
			for j := i; v == math.MaxUint32; j = (j + 1) % NumHashes {
				v = mins[j]
			}
			if sig[i] != uint16(v>>16) {
				t.Fatalf("%d runes: bin %d is %d, want %d", runes, i, sig[i], v>>16)
			}
		}
	}
}

// TestDensifyFilledCounts: whatever number of bins a text fills, Finish
// fills the empty ones as the probe sequence says, on either side of
// fewFilled, where it changes how it finds each bin's first filled probe.
func TestDensifyFilledCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for filled := 1; filled <= NumHashes; filled++ {
		for round := range 20 {
			var s Signer
			s.Start()
			s.xs = append(s.xs, 1) // Finish signs a text with a shingle
			for _, b := range rng.Perm(NumHashes)[:filled] {
				s.mins[b] = rng.Uint32N(math.MaxUint32)
			}
			sig, _, _ := s.Finish()
			if want := densifiedSlowly(s.mins); sig != want {
				t.Fatalf("%d filled bins, round %d: Finish = %v, want %v", filled, round, sig, want)
			}
		}
	}
}

// densifiedSlowly is the signature of mins, each empty bin probed one
// bin at a time as the package doc describes.
func densifiedSlowly(mins [NumHashes]uint32) (sig Signature) {
	for i, v := range mins {
		for probe := uint64(1); v == math.MaxUint32 && probe <= 4*NumHashes; probe++ {
			v = mins[mix64(uint64(i)<<32|probe)>>32*NumHashes>>32]
		}
		for j := i; v == math.MaxUint32; j = (j + 1) % NumHashes {
			v = mins[j]
		}
		sig[i] = uint16(v >> 16)
	}
	return sig
}
