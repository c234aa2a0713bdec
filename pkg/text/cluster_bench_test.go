package text

import (
	"testing"

	"github.com/rivo/uniseg"
)

// BenchmarkSegment weighs the break tables: "tables" is the counting
// pass's segmenter (a cluster of one rune decided from two table lookups,
// anything longer through uniseg), "uniseg" what it would be without the
// tables (every cluster through uniseg, then summed up rune by rune), and
// "uniseg-bounds" uniseg finding the boundaries alone, with nothing
// summed: the floor of any pass built on uniseg.
func BenchmarkSegment(b *testing.B) {
	small, large := benchPosts(b)
	tbl := props()
	for _, post := range []struct{ name, text string }{{"1KB", small}, {"100KB", large}} {
		b.Run(post.name+"/tables", func(b *testing.B) {
			benchClusters(b, post.text, func(t string, i int) int {
				end, _ := nextCluster(t, i, tbl)
				return end
			})
		})
		b.Run(post.name+"/uniseg", func(b *testing.B) {
			benchClusters(b, post.text, func(t string, i int) int {
				end, _ := slowCluster(t, i, tbl)
				return end
			})
		})
		b.Run(post.name+"/uniseg-bounds", func(b *testing.B) {
			benchClusters(b, post.text, func(t string, i int) int {
				c, _, _, _ := uniseg.FirstGraphemeClusterInString(t[i:], -1)
				return i + max(len(c), 1)
			})
		})
	}
}

func benchClusters(b *testing.B, text string, next func(string, int) int) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i := 0; i < len(text); i = next(text, i) {
			n++
		}
	}
	if n == 0 {
		b.Fatal("no clusters")
	}
}
