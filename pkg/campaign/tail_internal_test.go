//go:build unix

package campaign

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
)

// BenchmarkTail times the work of Evaluate after the read, phase by phase,
// on the export named by PROMO_BENCH_POSTS (scripts/bench.sh writes one):
// the export is read once, and each round runs the phases on a copy of
// what the read left. On two cores every serial step of this tail costs
// wall time directly, so the phases are reported apart (ms/merge …).
func BenchmarkTail(b *testing.B) {
	path := os.Getenv("PROMO_BENCH_POSTS")
	if path == "" {
		b.Skip("PROMO_BENCH_POSTS names no export")
	}
	r, err := rules.Load("../../testdata/bench/rules.yaml")
	if err != nil {
		b.Fatal(err)
	}
	res := readForTail(b, r, path)
	entries, keys, sigs := res.Entries, res.keys, res.sigs
	phases := []string{"merge", "cross", "score", "author"}
	spent := make([]time.Duration, len(phases))
	cpu := make([]time.Duration, len(phases))
	allocated := make([]uint64, len(phases))
	work := make([]check.Entry, len(entries))
	// As in a command's run (see commands' holdHeap), the collector
	// does not run in these phases; it runs between rounds instead.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		copy(work, entries)
		*res = Result{Rules: r, Files: res.Files, Checker: res.Checker, workers: res.workers,
			Entries: work, keys: slices.Clone(keys), sigs: sigs}
		res.sigs.textOf = slices.Clone(sigs.textOf)
		b.StartTimer()
		at, atCPU, atBytes := time.Now(), cpuTime(), heapAllocs()
		lap := func(p int) {
			now, nowCPU, nowBytes := time.Now(), cpuTime(), heapAllocs()
			spent[p] += now.Sub(at)
			cpu[p] += nowCPU - atCPU
			allocated[p] += nowBytes - atBytes
			at, atCPU, atBytes = now, nowCPU, nowBytes
		}
		res.mergeSameIDs()
		lap(0)
		if err := res.crossCheck(context.Background()); err != nil {
			b.Fatal(err)
		}
		lap(1)
		res.Scores = score.New(r, nil).Workers(res.workers).Score(res.Entries, res.maxSim())
		lap(2)
		res.applyAuthorLimit()
		lap(3)
	}
	for p, name := range phases {
		b.ReportMetric(float64(spent[p].Microseconds())/1e3/float64(b.N), "ms/"+name)
		b.ReportMetric(float64(cpu[p].Microseconds())/1e3/float64(b.N), "cpu-ms/"+name)
		// What a phase allocates is fresh memory while the collector is
		// held off, pages to fault in: unlike the times, it does not vary
		// with the machine's load.
		b.ReportMetric(float64(allocated[p])/1e6/float64(b.N), "MB/"+name)
	}
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// heapAllocs is the bytes the process has allocated on the heap so far.
func heapAllocs() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// readForTail reads the export at path as Evaluate does, up to the end of
// the read.
func readForTail(b *testing.B, r *rules.Rules, path string) *Result {
	files, _, _ := export.WalkAll([]string{path})
	checker, err := check.New(r)
	if err != nil {
		b.Fatal(err)
	}
	res := &Result{Rules: r, Files: sortFiles(files), Checker: checker, workers: workers(0)}
	if err := res.read(context.Background(), checker, Options{}); err != nil {
		b.Fatal(err)
	}
	return res
}
