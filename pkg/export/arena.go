package export

import "unsafe"

// slab hands out strings carved from large chunks, so that the strings of
// many posts cost one allocation rather than one each. Bytes below a chunk's
// length are never written again, which is what makes the strings immutable.
// A string keeps its whole chunk alive: what is kept for the whole run (id,
// author, wallet) and what is dropped once a post is checked (content, image
// URLs) go to different slabs.
type slab struct {
	buf  []byte
	size int // bytes of a new chunk; a value over a quarter of it gets its own
	// from, when set, recycles the chunks.
	from *Recycler
	claims
}

// claims are what a slab drawing from a Recycler knows of its chunks: cur
// is the chunk being carved, pending the chunks the posts emitted since the
// last take may use, each with a claim on it.
type claims struct {
	cur     *chunk
	pending []*chunk
}

// start makes c the chunk being carved, claimed for the posts to come.
func (cl *claims) start(c *chunk) {
	c.refs.Store(1)
	cl.cur = c
	cl.pending = append(cl.pending, c)
}

// take hands over the claims on the chunks of the posts emitted since the
// last take, and claims the current chunk for the posts to come.
func (cl *claims) take() []*chunk {
	out := cl.pending
	cl.pending = nil
	if cl.cur != nil {
		cl.cur.refs.Add(1)
		cl.pending = []*chunk{cl.cur}
	}
	return out
}

// drop gives up the claims and forgets the chunks.
func (cl *claims) drop() []*chunk {
	out := cl.pending
	cl.pending, cl.cur = nil, nil
	return out
}

// reserve makes room for n more bytes in the current chunk and reports
// whether it did; a value too large for a chunk is not put in one.
func (s *slab) reserve(n int) bool {
	if n > s.size/4 {
		return false
	}
	if cap(s.buf)-len(s.buf) < n {
		s.next()
	}
	return true
}

// next starts a new chunk.
func (s *slab) next() {
	if s.from == nil {
		s.buf = make([]byte, 0, s.size)
		return
	}
	c := s.from.get(s.size)
	s.start(c)
	s.buf = c.buf
}

// since returns the bytes appended to the chunk from start on as a string.
func (s *slab) since(start int) string {
	if len(s.buf) == start {
		return ""
	}
	return unsafe.String(&s.buf[start], len(s.buf)-start)
}

// copy returns a copy of str in the slab.
func (s *slab) copy(str string) string {
	if str == "" {
		return ""
	}
	if !s.reserve(len(str)) {
		return string([]byte(str))
	}
	start := len(s.buf)
	s.buf = append(s.buf, str...)
	return s.since(start)
}

// keepSlab and bodySlab are the chunk sizes of the two slabs of a reader:
// a kept chunk holds the ids and authors of a few hundred posts, a body
// chunk the texts of a few dozen, about as many as a batch in flight.
const (
	keepSlab = 8 << 10
	bodySlab = 64 << 10
)

// listChunk is the size of the chunks valList and imageList carve a
// record's short lists from.
const listChunk = 256

// valList returns n zero values for a list of the record being read; they
// are needed only until the record's post is built.
func (b *builder) valList(n int) []val {
	if n > listChunk/4 {
		return make([]val, n)
	}
	if cap(b.vals)-len(b.vals) < n {
		b.vals = make([]val, 0, listChunk)
	}
	start := len(b.vals)
	b.vals = b.vals[:start+n]
	return b.vals[start : start+n : start+n]
}

// imageSlab hands out the image lists of posts, carved from chunks of
// listChunk images. With a recycler a chunk is used again once the posts
// carved from it are done with, as the body slab's are: the lists are
// dropped with their posts, and were, at three images a post, as much
// fresh memory as the read's whole rest.
type imageSlab struct {
	buf  []Image
	from *Recycler
	claims
}

// imageList returns room for n images of a post, which keeps them as long as
// it is kept, or, when the lists are recycled, until its hold is released.
func (b *builder) imageList(n int) []Image {
	if n > listChunk/4 {
		return make([]Image, 0, n)
	}
	s := &b.imgs
	if cap(s.buf)-len(s.buf) < n {
		if s.from == nil {
			s.buf = make([]Image, 0, listChunk)
		} else {
			c := s.from.getList()
			s.start(c)
			s.buf = c.imgs
		}
	}
	start := len(s.buf)
	s.buf = s.buf[:start+n]
	return s.buf[start : start : start+n]
}
