package commands

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestHoldHeap: the run is held within its memory until restore, never
// below what is live, and a limit set before is left as it is.
func TestHoldHeap(t *testing.T) {
	prev := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prev)

	restore := holdHeap()
	held := debug.SetMemoryLimit(-1)
	if held == math.MaxInt64 || held <= 0 {
		t.Errorf("limit %d while held, want the memory the process holds", held)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d after restore, want none", got)
	}

	debug.SetMemoryLimit(1 << 40)
	restore = holdHeap()
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("limit %d, want the operator's %d", got, int64(1<<40))
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("limit %d after restore, want the operator's %d", got, int64(1<<40))
	}
}

// TestAfterRead: only a run that owns its process (Main) holds its
// memory, and not when the operator set GOMEMLIMIT.
func TestAfterRead(t *testing.T) {
	defer func(h bool) { holdMemory = h }(holdMemory)
	tests := []struct {
		name     string
		hold     bool
		memlimit string
		want     bool
	}{
		{"tests calling Run", false, "", false},
		{"main", true, "", true},
		{"main with GOMEMLIMIT", true, "1GiB", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			holdMemory = tt.hold
			t.Setenv("GOMEMLIMIT", tt.memlimit)
			if got := afterRead() != nil; got != tt.want {
				t.Errorf("afterRead set: %v, want %v", got, tt.want)
			}
		})
	}
}

// TestHoldHeapPacing: while held, the collector runs at the limit alone,
// unless the operator set GOGC; restore brings the percentage back.
func TestHoldHeapPacing(t *testing.T) {
	prevLimit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prevLimit)
	prevGC := debug.SetGCPercent(50)
	defer debug.SetGCPercent(prevGC)
	for _, tt := range []struct {
		name, gogc string
		want       int
	}{
		{"default", "", -1},
		{"GOGC set", "50", 50},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			restore := holdHeap()
			got := debug.SetGCPercent(-1)
			debug.SetGCPercent(got)
			restore()
			if got != tt.want {
				t.Errorf("GC percent %d while held, want %d", got, tt.want)
			}
			if after := debug.SetGCPercent(50); after != 50 {
				t.Errorf("GC percent %d after restore, want 50", after)
			}
		})
	}
}

// TestHoldHeapLiftsForLiveData: live data grown past the held limit
// raises it, so that the collector does not run without end; once
// restored, no lift comes back.
func TestHoldHeapLiftsForLiveData(t *testing.T) {
	prev := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prev)
	restore := holdHeap()
	held := debug.SetMemoryLimit(-1)
	var live [][]byte
	for total := int64(0); total < held; total += 1 << 20 {
		live = append(live, make([]byte, 1<<20))
	}
	for i := 0; i < 200 && debug.SetMemoryLimit(-1) <= held; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond) // the lift runs as a finalizer
	}
	if got := debug.SetMemoryLimit(-1); got <= held {
		t.Errorf("limit %d with %d bytes more live, want it above the held %d", got, held, held)
	}
	restore()
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d after restore, want none", got)
	}
	runtime.KeepAlive(live)
}
