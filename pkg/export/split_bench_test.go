package export

import (
	"testing"

	"github.com/promo-cli/promo/pkg/internal/benchposts"
)

// BenchmarkSplitLines cuts a 32 MB export in two, as a run on two cores
// does before its readers start.
func BenchmarkSplitLines(b *testing.B) {
	path := benchposts.Export(b, 32)
	b.SetBytes(32 << 20)
	for b.Loop() {
		if parts, err := SplitLines(File{Path: path}, Options{}, 2); len(parts) != 2 || err != nil {
			b.Fatal(len(parts), err)
		}
	}
}
