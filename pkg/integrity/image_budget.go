package integrity

import (
	"context"
	"sync"
)

// SharedDecodeBytes is the default memory that all the images decoded at
// once may need together: whatever the number of workers, decoding stays
// within it (plus one image's read buffer per worker waiting).
const SharedDecodeBytes = 512 << 20

// Budget is a weighted semaphore over bytes: a decode takes its estimated
// cost before it allocates and gives it back when done. Waiters are served
// in arrival order, so a large image is not starved by small ones. The
// nil *Budget does not limit.
type Budget struct {
	mu      sync.Mutex
	free    int64
	size    int64
	waiters []*waiter
}

type waiter struct {
	n     int64
	ready chan struct{}
}

// NewBudget returns a budget of n bytes.
func NewBudget(n int64) *Budget { return &Budget{free: n, size: n} }

// acquire waits for n bytes, or until ctx is cancelled. A request larger
// than the whole budget waits for all of it.
func (b *Budget) acquire(ctx context.Context, n int64) error {
	if b == nil {
		return ctx.Err()
	}
	n = min(n, b.size)
	b.mu.Lock()
	if len(b.waiters) == 0 && b.free >= n {
		b.free -= n
		b.mu.Unlock()
		return nil
	}
	w := &waiter{n: n, ready: make(chan struct{})}
	b.waiters = append(b.waiters, w)
	b.mu.Unlock()
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		b.mu.Lock()
		defer b.mu.Unlock()
		select {
		case <-w.ready: // granted meanwhile: hand it back
			b.free += n
			b.wake()
		default:
			b.remove(w)
			b.wake() // the head may have changed
		}
		return ctx.Err()
	}
}

func (b *Budget) release(n int64) {
	if b == nil {
		return
	}
	n = min(n, b.size)
	b.mu.Lock()
	b.free += n
	b.wake()
	b.mu.Unlock()
}

// wake grants waiting requests in order while they fit.
func (b *Budget) wake() {
	for len(b.waiters) > 0 && b.waiters[0].n <= b.free {
		w := b.waiters[0]
		b.free -= w.n
		b.waiters = b.waiters[1:]
		close(w.ready)
	}
}

func (b *Budget) remove(w *waiter) {
	for i, x := range b.waiters {
		if x == w {
			b.waiters = append(b.waiters[:i], b.waiters[i+1:]...)
			return
		}
	}
}
