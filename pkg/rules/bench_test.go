package rules

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkParseFull(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join("testdata", "full.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(path, data); err != nil {
			b.Fatal(err)
		}
	}
}
