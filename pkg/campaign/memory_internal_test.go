package campaign

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestHoldHeap: the run is held within its memory until restore, never
// below what is live, and an operator's limit is left as it is.
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
