package input

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
)

// BenchmarkDetect is the detector on 32 KiB of a GBK CSV export, the most
// it ever looks at.
func BenchmarkDetect(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	data := encode(b, GBK, csvExport(rng, sentences(b, "hans"), 400))[:detectSize]
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Detect(data)
	}
}

// BenchmarkNewReaderUTF8 is the cost of deciding on a UTF-8 export and
// streaming it: the usual case must stay near a plain copy.
func BenchmarkNewReaderUTF8(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	data := []byte(csvExport(rng, sentences(b, "hans"), 20000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, _, err := NewReader(bytes.NewReader(data), "")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, r)
	}
}
