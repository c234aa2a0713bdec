package integrity

import (
	"flag"
	"math/rand/v2"
	"testing"
)

var bigNear = flag.Bool("integrity.big", false, "also benchmark Near and Reused on 1,000,000 docs")

func BenchmarkSign(b *testing.B) {
	text := chinesePost(1024)
	var s Signer
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Sign(text)
	}
}

// BenchmarkSignRunes is the validate path: the scanner hands a post's
// wording to AddRunes in one call, then Finish makes the signature.
func BenchmarkSignRunes(b *testing.B) {
	text := chinesePost(1024)
	rs := []rune(text)
	var s Signer
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Start()
		s.AddRunes(rs)
		s.Finish()
	}
}

func BenchmarkNear(b *testing.B) {
	sizes := []int{100_000}
	if *bigNear {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(sizeName(n), func(b *testing.B) {
			docs, from := plantedDocs(n, 0.01, 1)
			var res NearResult
			b.ReportAllocs()
			for b.Loop() {
				res = nearDocs(docs, 0.8)
			}
			recall, precision := score(res, n, from)
			b.ReportMetric(recall, "recall")
			b.ReportMetric(precision, "precision")
		})
	}
}

func BenchmarkReused(b *testing.B) {
	sizes := []int{100_000}
	if *bigNear {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(sizeName(n), func(b *testing.B) {
			docs := randomImages(rand.New(rand.NewPCG(1, 1)), n)
			b.ReportAllocs()
			for b.Loop() {
				Reused(docs, six)
			}
		})
	}
}

func sizeName(n int) string {
	if n >= 1_000_000 {
		return "1M"
	}
	return "100k"
}

// BenchmarkContainment is the brief check of a post that shares nothing
// with the brief, most posts of a campaign: one look per shingle at the
// brief's filter.
func BenchmarkContainment(b *testing.B) {
	brief := NewBrief(Clean(loadBrief(b)))
	var s Signer
	s.Sign(chinesePost(1024))
	b.ReportAllocs()
	for b.Loop() {
		s.Containment(brief)
	}
}

// BenchmarkSignBrief is the validate path with a brief: a post's wording
// signed and compared with the brief, for a post that shares nothing
// with it.
func BenchmarkSignBrief(b *testing.B) {
	brief := NewBrief(Clean(loadBrief(b)))
	text := chinesePost(1024)
	rs := []rune(text)
	var s Signer
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Start()
		s.AddRunes(rs)
		s.Finish()
		s.Containment(brief)
	}
}

// BenchmarkSignShort is a short post's signature: a few shingles leave
// most bins empty, each filled at Finish from the bins its probes reach.
func BenchmarkSignShort(b *testing.B) {
	rs := []rune("这次参加质押收益不错，大家冲")
	var s Signer
	b.ReportAllocs()
	for b.Loop() {
		s.Start()
		s.AddRunes(rs)
		s.Finish()
	}
}
