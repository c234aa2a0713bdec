//go:build unix

package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/internal/benchposts"
)

// BenchmarkReadPartsDigest reads a 32 MB export in two parts and hashes
// it, as a run on two cores does: "reread" hashes it by reading it once
// more on a goroutine of its own, as the digest used to; "reads" from what
// the readers read (Options.Digest). cpu-ns/op is the CPU time of the
// whole process, every thread.
func BenchmarkReadPartsDigest(b *testing.B) {
	path := benchposts.Export(b, 32)
	f := File{Path: path}
	parts, err := SplitLines(f, Options{}, 2)
	if err != nil || len(parts) != 2 {
		b.Fatal(len(parts), err)
	}
	emit := func(int, Post) error { return nil }
	b.Run("reread", func(b *testing.B) {
		cpu := cpuTime(b)
		for b.Loop() {
			sum := make(chan string, 1)
			go func() { sum <- rereadDigest(path) }()
			if _, err := ReadParts(context.Background(), f, Options{}, parts, emit); err != nil {
				b.Fatal(err)
			}
			<-sum
		}
		cpu()
	})
	b.Run("reads", func(b *testing.B) {
		cpu := cpuTime(b)
		for b.Loop() {
			var d Digest
			if _, err := ReadParts(context.Background(), f, Options{Digest: &d}, parts, emit); err != nil || d.Sum == "" {
				b.Fatal(err, d.Sum)
			}
		}
		cpu()
	})
}

// rereadDigest is the digest as it was made before: the file read once more.
func rereadDigest(path string) string {
	fh, err := os.Open(path)
	if err != nil {
		return "unreadable"
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{fh}, make([]byte, 256<<10)); err != nil {
		return "unreadable"
	}
	return hex.EncodeToString(h.Sum(nil))
}

// cpuTime starts counting the process's CPU time; the returned func
// reports it per op.
func cpuTime(b *testing.B) func() {
	start := rusageTime(b)
	return func() {
		b.ReportMetric(float64((rusageTime(b)-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func rusageTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
