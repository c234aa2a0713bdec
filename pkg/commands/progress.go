package commands

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress shows a running count of entries on a terminal's stderr, at
// most ten times a second, and clears it when done.
type progress struct {
	mu   sync.Mutex
	w    io.Writer
	last time.Time
	n    int
}

func newProgress(w io.Writer) *progress { return &progress{w: w} }

func (p *progress) update(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n = max(p.n, n)
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\rreading… %d entries", p.n)
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
