package commands

import (
	"io"
	"os"
)

// directBlock is the size and alignment of a write past the page cache:
// 4 KiB covers the logical block of nearly every disk; where it does not,
// the first write fails and the file is written the ordinary way.
const directBlock = 4096

// directStage is the bytes gathered for one write past the page cache.
const directStage = 4 << 20

// directWriter writes a new temporary file past the system's page cache
// (O_DIRECT), gathering the bytes into aligned writes of directStage.
// Written the ordinary way, a report was copied by the kernel into page
// cache pages made for it, which cost more CPU than encoding it (40 % of
// the writing of a million entries), and the Sync before the rename still
// had to write them all to disk. Any failure of a direct write sends the
// rest, and what it held, the ordinary way through f, which then reports
// the errors of its own.
type directWriter struct {
	f      *os.File // the file, opened the ordinary way
	direct *os.File // the same file opened for direct writes, nil once given up
	stage  []byte   // aligned, directStage long
	staged int
	off    int64 // bytes written through direct
	plain  io.Writer
}

// newFileWriter writes the temporary file f: past the page cache where
// the system allows it, else through writeAhead.
func newFileWriter(f *os.File) *directWriter {
	w := &directWriter{f: f, plain: &writeAhead{f: f}}
	if d, err := openDirect(f.Name()); err == nil {
		w.direct, w.stage = d, alignedBuffer(directStage, directBlock)
	}
	return w
}

func (w *directWriter) Write(p []byte) (int, error) {
	if w.direct == nil {
		return w.plain.Write(p)
	}
	n := len(p)
	for len(p) > 0 {
		k := copy(w.stage[w.staged:], p)
		w.staged += k
		p = p[k:]
		if w.staged == len(w.stage) {
			if err := w.flushStage(w.staged); err != nil {
				return n - len(p), err
			}
			if w.direct == nil { // given up: the rest the ordinary way
				k, err := w.plain.Write(p)
				return n - len(p) + k, err
			}
		}
	}
	return n, nil
}

// flushStage writes the stage, padded to size (a multiple of
// directBlock); the padding is cut off by finish.
func (w *directWriter) flushStage(size int) error {
	clear(w.stage[w.staged:size])
	if _, err := w.direct.Write(w.stage[:size]); err != nil {
		return w.giveUp()
	}
	w.off += int64(w.staged)
	w.staged = 0
	return nil
}

// giveUp writes the rest the ordinary way, from the end of what the
// direct writes wrote; a failed write may have left bytes past it.
func (w *directWriter) giveUp() error {
	w.direct.Close()
	w.direct = nil
	staged := w.stage[:w.staged]
	w.stage, w.staged = nil, 0
	if err := w.f.Truncate(w.off); err != nil {
		return err
	}
	if _, err := w.f.Seek(w.off, io.SeekStart); err != nil {
		return err
	}
	_, err := w.plain.Write(staged)
	return err
}

// finish writes what is staged, cutting the file to the bytes written.
func (w *directWriter) finish() error {
	if w.direct == nil {
		return nil
	}
	if w.staged > 0 {
		end := w.off + int64(w.staged)
		if err := w.flushStage((w.staged + directBlock - 1) / directBlock * directBlock); err != nil {
			return err
		}
		if w.direct == nil { // written the ordinary way
			return nil
		}
		if err := w.f.Truncate(end); err != nil {
			return err
		}
	}
	return w.close()
}

// close lets the direct file go; the file itself is f's to close.
func (w *directWriter) close() error {
	if w.direct == nil {
		return nil
	}
	err := w.direct.Close()
	w.direct = nil
	return err
}
