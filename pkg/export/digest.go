package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"math"
	"os"
	"sync"
)

// Digest, set in Options, receives the SHA-256 of an export's bytes from
// ReadReport or ReadParts, hashed from the bytes the readers read rather
// than by reading the file once more: on a large export that second read
// cost a tenth of the digest's CPU, in copies from the page cache.
//
// The sum is that of the whole file from its first byte to its end as the
// hashing finds it, the same as reading the file to its end: the bytes a
// reader did not get to (after a record it stopped at, or added to the
// file after it was split) are read for the sum alone.
type Digest struct {
	// Sum is the hex SHA-256 of the file's bytes, "unreadable" when they
	// could not all be read, or "" when the file was not opened (the
	// caller says why) or the read was cancelled.
	Sum string
}

// hashBuf is the size of the reads made for the sum alone: 32 KB reads
// cost a tenth of the hashing's CPU in system calls.
const hashBuf = 256 << 10

// fileHash hashes a file's bytes in order: those before the stretch a
// teeReader reads by reading them itself, those the tee reads from the
// tee's reads once it has caught up with it, and those after by reading
// them itself again.
type fileHash struct {
	ctx context.Context // once it is done, nothing more is read
	fh  *os.File
	h   hash.Hash
	at  int64 // the bytes hashed so far, from the file's start
	err error
	buf []byte
}

func newFileHash(ctx context.Context, fh *os.File) *fileHash {
	return &fileHash{ctx: ctx, fh: fh, h: sha256.New()}
}

// upTo hashes the file's bytes up to end, and says whether there were
// that many: false at the file's end, a read error (err) or once the run
// is cancelled (err too).
func (s *fileHash) upTo(end int64) bool {
	if s.buf == nil {
		s.buf = make([]byte, hashBuf)
	}
	for s.at < end {
		if err := s.ctx.Err(); err != nil {
			s.err = err
			return false
		}
		n := min(int64(len(s.buf)), end-s.at)
		k, err := s.fh.ReadAt(s.buf[:n], s.at)
		s.h.Write(s.buf[:k])
		s.at += int64(k)
		if err == io.EOF {
			return false
		}
		if err != nil {
			s.err = err
			return false
		}
	}
	return true
}

// catchUp hashes the bytes before the tee's reader and hands the hash to
// the tee once it has caught up with the reader; it gives up at the file's
// end (it shrank) or a read error, which sum then meets again.
func (s *fileHash) catchUp(t *teeReader) bool {
	for {
		at, joined := t.join(s.h, s.at)
		if joined {
			return true
		}
		if !s.upTo(at) {
			return false
		}
	}
}

// sum hashes what is left of the file after the bytes hashed so far, up
// to its end, and returns the digest's word for it; "" once the run is
// cancelled: a file that grows without end cannot keep it waiting.
func (s *fileHash) sum() string {
	s.upTo(math.MaxInt64)
	if s.ctx.Err() != nil {
		return ""
	}
	if s.err != nil {
		return "unreadable"
	}
	return hex.EncodeToString(s.h.Sum(nil))
}

// teeReader reads a file's bytes from an offset on, and hashes them once
// it is given the hash of every byte before them (join).
type teeReader struct {
	r  io.Reader
	mu sync.Mutex
	at int64     // the file offset of the next byte r returns
	h  hash.Hash // when set, holds every byte before at
}

func (t *teeReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.mu.Lock()
	if t.h != nil {
		t.h.Write(p[:n])
	}
	t.at += int64(n)
	t.mu.Unlock()
	return n, err
}

// join hands h, holding the file's first at bytes, to the tee when its
// reader is there, and says so; else it returns where the reader is.
func (t *teeReader) join(h hash.Hash, at int64) (int64, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.at == at {
		t.h = h
		return at, true
	}
	return t.at, false
}

// leave takes the hash back once the reader is done, and returns how many
// of the file's bytes it holds.
func (t *teeReader) leave() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.h = nil
	return t.at
}

// hashWhole makes the reader of a whole file read hashed: the returned
// reader hashes every byte read, and done, called once reading is over,
// sets d.Sum. With no digest wanted it returns fh as it is.
func hashWhole(ctx context.Context, fh *os.File, d *Digest) (io.Reader, func()) {
	if d == nil {
		return fh, func() {}
	}
	s := newFileHash(ctx, fh)
	t := &teeReader{r: fh, h: s.h}
	return t, func() {
		s.at = t.leave()
		d.Sum = s.sum()
	}
}

// hashLast makes the reader of the last part of a file read in parts
// hashed, from off on: the bytes before it are hashed on a goroutine of
// their own meanwhile, which then catches up with the reader. done, called
// once every part is read, sets d.Sum. With no digest wanted it returns r
// as it is.
func hashLast(ctx context.Context, fh *os.File, r io.Reader, off int64, d *Digest) (io.Reader, func()) {
	if d == nil {
		return r, func() {}
	}
	s := newFileHash(ctx, fh)
	t := &teeReader{r: r, at: off}
	joined := make(chan bool, 1)
	go func() { joined <- s.upTo(off) && s.catchUp(t) }()
	return t, func() {
		if <-joined {
			s.at = t.leave()
		}
		d.Sum = s.sum()
	}
}
