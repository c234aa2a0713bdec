package commands

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// holdMemory is set by Main, which owns the process: only then may a run
// change the runtime's memory limit, a setting of the whole process.
// Tests that call Run, several at once, leave it alone.
var holdMemory bool

// afterRead is campaign.Options.AfterRead for this process: holdHeap when
// Main runs promo and the operator set no GOMEMLIMIT, else nothing.
func afterRead() func() (done func()) {
	if !holdMemory || os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	return holdHeap
}

// holdGC is campaign.Options.HoldGC for this process: collections are
// held off while the arrays a large export is read into are made and
// faulted in, when Main runs promo; tests that call Run, several at once,
// leave the setting alone. The operator's GOGC comes back after.
func holdGC() func() (resume func()) {
	if !holdMemory {
		return nil
	}
	return func() func() {
		prev := debug.SetGCPercent(-1)
		return func() { debug.SetGCPercent(prev) }
	}
}

// holdHeap keeps the process, until the returned func is called, within
// the memory it holds once every post is read, when the entries and the
// text signatures are all there.
//
// The phases after the read make large arrays (the id index, the
// near-duplicate search, the scores), which need pages in one run and do
// not fit in the holes the read left between the entries; without a limit
// they came on top of them and made the run's peak memory. Under it, the
// runtime hands back to the system as many of the holes' pages as the new
// arrays take, and collects the signatures once they are dropped. A run
// whose later phases need more than the limit goes over it: the limit is
// soft, and the collector then works harder (the runtime caps that at
// about half the CPU) instead of the process growing at once.
//
// The limit leaves an eighth more than what is held: the arrays of the
// phases before the signatures are dropped are about that much, and
// without the room every one of them made the runtime hand pages back to
// the system as it was allocated, half a second of system calls on the
// one core those phases use at a million entries.
//
// The limit is never below 1.25 times what is live, then or later (see
// liftLimit), so the collector cannot be made to run without end; a limit
// set before is left alone.
func holdHeap() (restore func()) {
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(s)
	held := s[0].Value.Uint64() - s[1].Value.Uint64()
	limit := max(held+held/8, s[2].Value.Uint64()*5/4)
	debug.SetMemoryLimit(int64(min(limit, math.MaxInt64)))
	lift := newLiftLimit()
	// Under the limit, the collector need not also run whenever the heap
	// grows by half of what is live: once the text signatures are
	// dropped, half of what is left is far below the limit, and the
	// scores, the author groups and the report took one more collection
	// of a million entries that freed nothing the limit needed. GOGC, when
	// set, works as usual.
	if os.Getenv("GOGC") != "" {
		return func() { lift.stop(func() { debug.SetMemoryLimit(prev) }) }
	}
	prevGC := debug.SetGCPercent(-1)
	return func() {
		lift.stop(func() {
			debug.SetGCPercent(prevGC)
			debug.SetMemoryLimit(prev)
		})
	}
}

// liftLimit raises the held limit after any collection that finds live
// nearly as much as the limit. What is live can outgrow what was held
// after the read (a few thousand records sharing one id each name all the
// others, hundreds of megabytes of messages): the collector then ran
// without end, capped at half the CPU, and such a run took eight times as
// long as without the limit.
type liftLimit struct {
	mu      sync.Mutex
	stopped bool
}

func newLiftLimit() *liftLimit {
	l := &liftLimit{}
	l.arm()
	return l
}

// gcTick is garbage as soon as it is made: its finalizer runs after the
// next collection.
type gcTick struct{ l *liftLimit }

func (l *liftLimit) arm() {
	runtime.SetFinalizer(&gcTick{l}, func(t *gcTick) { t.l.check() })
}

func (l *liftLimit) check() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	live := s[0].Value.Uint64()
	if want := live + live/2; live+live/4 > uint64(debug.SetMemoryLimit(-1)) {
		debug.SetMemoryLimit(int64(min(want, math.MaxInt64)))
	}
	l.arm()
}

// stop ends the lifting and then runs restore, so that no lift comes
// after the settings are restored.
func (l *liftLimit) stop(restore func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.stopped = true
	restore()
}

// collectSignatures is campaign.Options.AfterCross for a run held by
// holdHeap: the text signatures just dropped are about half of what the
// run holds, and the heap is then at its limit, so every large array of
// the scores, the author groups and the report made the runtime hand pages
// back to the system and the allocating code do the collector's work
// until a collection came. One collection now, while nothing else runs,
// marks only the entries (a tenth of a second at a million), and the
// phases that follow allocate from what it frees.
func collectSignatures() { runtime.GC() }
