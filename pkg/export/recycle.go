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
// valid only until its hold is released, and so is the post's Images
// slice itself, carved from a recycled chunk too: whatever outlives the
// hold must be a copy (Post.Own). Ids, authors and wallets are never in a
// recycled chunk.
type Recycler struct {
	mu    sync.Mutex
	free  []*chunk // body chunks free for reuse
	lists []*chunk // image list chunks free for reuse
	parts map[int]*builder
}

// NewRecycler returns a recycler for the readers of one file.
func NewRecycler() *Recycler { return &Recycler{parts: map[int]*builder{}} }

// maxFree bounds the chunks kept for reuse: a few batches in flight per
// worker need far fewer.
const maxFree = 512

// chunk is a body chunk, or a chunk of image lists, and the holds on it:
// one for each run of posts (Hold) that may use it, and one for the posts
// read since the last Take.
type chunk struct {
	buf  []byte
	imgs []Image
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
	if c.refs.Add(-1) != 0 {
		return
	}
	if c.imgs != nil {
		c.from.putList(c)
	} else {
		c.from.put(c)
	}
}

// attach makes the body slab and the image lists of part's builder draw
// their chunks from r.
func (r *Recycler) attach(part int, b *builder) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b.body.from = r
	b.imgs.from = r
	r.parts[part] = b
}

// Take returns the hold on the chunks the posts of part emitted since the
// last Take were carved from. It is called where those posts are emitted
// (in emit, or after the read returned).
func (r *Recycler) Take(part int) *Hold {
	r.mu.Lock()
	b := r.parts[part]
	r.mu.Unlock()
	if b == nil {
		return nil
	}
	return &Hold{chunks: append(b.body.take(), b.imgs.take()...)}
}

// Finish drops the claims of the readers on the chunks they were using;
// call it after the last Take of every part.
func (r *Recycler) Finish() {
	r.mu.Lock()
	var claims []*chunk
	for _, b := range r.parts {
		claims = append(claims, b.body.drop()...)
		claims = append(claims, b.imgs.drop()...)
		b.body.buf, b.imgs.buf = nil, nil
	}
	r.mu.Unlock()
	for _, c := range claims { // put takes the lock
		c.release()
	}
}

// get returns an empty chunk of size bytes, a used one when there is one.
func (r *Recycler) get(size int) *chunk {
	if c := r.pop(&r.free, func(c *chunk) bool { return cap(c.buf) == size }); c != nil {
		c.buf = c.buf[:0]
		return c
	}
	return &chunk{from: r, buf: make([]byte, 0, size)}
}

// getList returns an empty chunk of listChunk images, a used one when
// there is one.
func (r *Recycler) getList() *chunk {
	if c := r.pop(&r.lists, func(*chunk) bool { return true }); c != nil {
		c.imgs = c.imgs[:0]
		return c
	}
	return &chunk{from: r, imgs: make([]Image, 0, listChunk)}
}

// pop takes the last chunk of list when fits says it will do, else
// returns nil.
func (r *Recycler) pop(list *[]*chunk, fits func(*chunk) bool) *chunk {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := len(*list)
	if n == 0 || !fits((*list)[n-1]) {
		return nil
	}
	c := (*list)[n-1]
	*list = (*list)[:n-1]
	return c
}

// keep adds c to list, unless the list holds maxFree chunks already.
func (r *Recycler) keep(list *[]*chunk, c *chunk) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(*list) < maxFree {
		*list = append(*list, c)
	}
}

// putList keeps a chunk of image lists for reuse. It is cleared, so that it
// keeps no text alive, or poisoned.
func (r *Recycler) putList(c *chunk) {
	imgs := c.imgs[:cap(c.imgs)]
	if poisonRecycled.Load() {
		for i := range imgs {
			imgs[i] = Image{Ref: "~", Path: "~", Problem: "~"}
		}
	} else {
		clear(imgs)
	}
	r.keep(&r.lists, c)
}

func (r *Recycler) put(c *chunk) {
	if poisonRecycled.Load() {
		poison(c.buf[:cap(c.buf)])
	}
	r.keep(&r.free, c)
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
