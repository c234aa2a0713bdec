package commands

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/promo-cli/promo/pkg/internal/words"
)

// progress shows a running count of entries on a terminal's stderr, at
// most ten times a second, and clears it when done.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	delay time.Duration
	start time.Time
	last  time.Time
	n     int
}

func newProgress(w io.Writer, delay time.Duration) *progress {
	return &progress{w: w, delay: delay, start: time.Now()}
}

func (p *progress) update(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n = max(p.n, n)
	if time.Since(p.start) < p.delay || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\rreading… %d %s", p.n, words.Plural(p.n, "entry", "entries"))
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
