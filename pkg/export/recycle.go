package export

import (
	"sync"
	"sync/atomic"
)

// Recycler hands the body chunks of a file's readers back to them once the
// posts carved from them are done with, so that a large export is read into
// a few megabytes of memory used over and over rather than into fresh
// memory as large as its texts: fresh memory costs a page fault at first
// touch and drives collections.
//
// A caller that sets Options.Recycle takes the chunks of each run of posts
// with Take, and releases them with Hold.Release when nothing of those posts
// is used any more. A string of a post's content or image URLs is then
// valid only until its hold is released: whatever outlives it must be a
// copy (Post.Own). Ids, authors and wallets are never in a recycled chunk.
type Recycler struct {
	mu    sync.Mutex
	free  [][]byte
	parts map[int]*slab // the body slab of each part's reader
}

// NewRecycler returns a recycler for the readers of one file.
func NewRecycler() *Recycler { return &Recycler{parts: map[int]*slab{}} }

// maxFree bounds the chunks kept for reuse: a few batches in flight per
// worker need far fewer.
const maxFree = 512

// chunk is a body chunk and the holds on it: one for each run of posts
// (Hold) that may use it, and one for the posts read since the last Take.
type chunk struct {
	buf  []byte
	refs atomic.Int32
	from *Recycler
}

// Hold is a claim on the chunks a run of posts was carved from.
type Hold struct{ chunks []*chunk }

// Release gives the chunks back when no other hold needs them. The
// posts of the hold must not be used after it; Release of a nil Hold does
// nothing.
func (h *Hold) Release() {
	if h == nil {
		return
	}
	for _, c := range h.chunks {
		c.release()
	}
	h.chunks = nil
}

func (c *chunk) release() {
	if c.refs.Add(-1) == 0 {
		c.from.put(c.buf)
	}
}

// attach makes part's body slab draw its chunks from r.
func (r *Recycler) attach(part int, s *slab) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s.from = r
	r.parts[part] = s
}

// Take returns the hold on the chunks the posts of part emitted since the
// last Take were carved from. It is called where those posts are emitted
// (in emit, or after the read returned).
func (r *Recycler) Take(part int) *Hold {
	r.mu.Lock()
	s := r.parts[part]
	r.mu.Unlock()
	if s == nil {
		return nil
	}
	return s.take()
}

// Finish drops the claims of the readers on the chunks they were using;
// call it after the last Take of every part.
func (r *Recycler) Finish() {
	r.mu.Lock()
	var claims []*chunk
	for _, s := range r.parts {
		claims = append(claims, s.pending...)
		s.pending, s.cur, s.buf = nil, nil, nil
	}
	r.mu.Unlock()
	for _, c := range claims { // put takes the lock
		c.release()
	}
}

// get returns an empty chunk of size bytes, a used one when there is one.
func (r *Recycler) get(size int) *chunk {
	c := &chunk{from: r}
	r.mu.Lock()
	if n := len(r.free); n > 0 && cap(r.free[n-1]) == size {
		c.buf = r.free[n-1][:0]
		r.free = r.free[:n-1]
	}
	r.mu.Unlock()
	if c.buf == nil {
		c.buf = make([]byte, 0, size)
	}
	return c
}

func (r *Recycler) put(buf []byte) {
	if poisonRecycled.Load() {
		poison(buf[:cap(buf)])
	}
	r.mu.Lock()
	if len(r.free) < maxFree {
		r.free = append(r.free, buf)
	}
	r.mu.Unlock()
}

// poisonRecycled, when set, makes a released chunk be overwritten at once,
// so that a test sees any string that outlived its hold change.
var poisonRecycled atomic.Bool

// PoisonRecycled switches the overwriting of released chunks, for tests
// that prove nothing reads a post's text after its hold was released; it
// returns the previous setting.
func PoisonRecycled(on bool) bool { return poisonRecycled.Swap(on) }

// poison fills b with a byte that keeps it valid UTF-8 but changes any
// text read from it.
func poison(b []byte) {
	for i := range b {
		b[i] = '~'
	}
}
