package campaign

import (
	"testing"

	"github.com/promo-cli/promo/pkg/internal/benchposts"
)

// BenchmarkFileDigest hashes a 32 MB export, as every run does once per
// export file.
func BenchmarkFileDigest(b *testing.B) {
	path := benchposts.Export(b, 32)
	b.SetBytes(32 << 20)
	for b.Loop() {
		fileDigest(path)
	}
}
