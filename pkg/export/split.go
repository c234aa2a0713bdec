package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/promo-cli/promo/pkg/input"
)

// minPart is the smallest part SplitLines makes: below it, starting another
// reader costs more than it saves.
var minPart int64 = 4 << 20 // a variable for tests

// Part is a run of whole lines of a JSON Lines file, read by a reader of its
// own.
type Part struct {
	Offset, Size int64 // in bytes
	// Line is the number of lines before the part, so its first line is
	// Line+1, and Lines the number it holds. SplitLines leaves both 0:
	// counting them would read the whole file once more before parsing
	// starts. ReadParts sets them from what its readers counted, and
	// CountLines before reading, for a caller that needs them sooner.
	Line, Lines int
	// Room is a guess of the records the part holds, from the lines that
	// are not blank in samples of it, and at most one in minRecordBytes: a
	// part may hold more.
	Room int
}

// SplitLines cuts a JSON Lines file into at most n parts of whole lines, of
// about the same size, for ReadParts. It returns nil when the file is to be
// read whole: another format, a file under two parts' worth (4 MiB each), or one that is not
// plain UTF-8 (a byte-order mark, or another encoding to decode).
//
// The cuts are found on a goroutine each; the parts' lines are not
// counted, only guessed (Part.Room) from samples of each part.
func SplitLines(f File, opt Options, n int) ([]Part, error) {
	f = complete(f)
	opt, _ = opt.forFile(f)
	if f.Format != JSONL || n < 2 || CheckEncoding(opt.Encoding) != nil {
		return nil, nil
	}
	fh, err := input.Open(f.Path)
	if err != nil {
		return nil, nil // ReadReport says what is wrong
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil || st.Size() < 2*minPart {
		return nil, nil
	}
	if _, info, err := input.NewReader(io.NewSectionReader(fh, 0, st.Size()), opt.Encoding); err != nil || info.Encoding != input.UTF8 || info.How == input.ByBOM {
		return nil, nil
	}
	n = int(min(int64(n), st.Size()/minPart))
	parts := make([]Part, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range parts {
		wg.Go(func() { parts[i], errs[i] = measurePart(fh, st.Size(), i, n) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	out := parts[:0]
	for _, p := range parts {
		if p.Size == 0 {
			continue // a line longer than a part: the part before holds it
		}
		out = append(out, p)
	}
	return out, nil
}

// CountLines sets the parts' Line and Lines by reading them, each on a
// goroutine of its own, for a caller that needs the line numbers of the
// later parts before ReadParts has read the earlier ones.
func CountLines(f File, parts []Part) error {
	f = complete(f)
	fh, err := input.Open(f.Path)
	if err != nil {
		return fmt.Errorf("cannot open export %s: %w", f.Path, err)
	}
	defer fh.Close()
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i := range parts {
		p := &parts[i]
		wg.Go(func() { p.Lines, errs[i] = countLines(io.NewSectionReader(fh, p.Offset, p.Size)) })
	}
	wg.Wait()
	line := 0
	for i := range parts {
		if errs[i] != nil {
			return errs[i]
		}
		parts[i].Line = line
		line += parts[i].Lines
	}
	return nil
}

// sampleSize is how much of a part SplitLines reads, in sampleWindows
// windows spread over it, to guess how many records the part holds. The
// guess follows the median window, so that a part whose first bytes are
// unlike the rest (blank lines, a run of short reposts) is not guessed
// from them.
const (
	sampleSize    = 1 << 20
	sampleWindows = 8
)

// minRecordBytes bounds the guess: a part is taken to hold at most one
// record in that many bytes. The guess is faulted in before reading, so it
// must not grow with what a few sampled lines say; a part holding more
// records than guessed is still read whole (the reader makes more room).
const minRecordBytes = 128

// measurePart finds part i of n: from just after the first "\n" at or after
// its share's start to just after the first "\n" at or after the next
// share's start (the file's start and end for the first and last), and
// guesses its records from samples of it.
func measurePart(fh *os.File, size int64, i, n int) (Part, error) {
	start, err := lineStart(fh, size, size*int64(i)/int64(n))
	if err != nil {
		return Part{}, err
	}
	end, err := lineStart(fh, size, size*int64(i+1)/int64(n))
	if err != nil {
		return Part{}, err
	}
	p := Part{Offset: start, Size: max(end-start, 0)}
	if p.Size == 0 {
		return p, nil
	}
	p.Room, err = guessRecords(fh, p.Offset, p.Size)
	return p, err
}

// guessRecords guesses the records of the size bytes at off from the
// lines that are not blank in sampleWindows windows spread over them: the
// two middle windows' count, in proportion, and at most one record in
// minRecordBytes.
func guessRecords(fh *os.File, off, size int64) (int, error) {
	if size <= sampleSize {
		return recordsIn(fh, off, make([]byte, size))
	}
	w := int64(sampleSize / sampleWindows)
	buf := make([]byte, w) // one for every window: little garbage before the entries' array is made
	var seen [sampleWindows]int
	for k := range seen {
		n, err := recordsIn(fh, off+int64(k)*(size-w)/(sampleWindows-1), buf)
		if err != nil {
			return 0, err
		}
		seen[k] = n
	}
	slices.Sort(seen[:])
	mid := int64(seen[sampleWindows/2-1] + seen[sampleWindows/2])
	guess := (mid*size + 2*w - 1) / (2 * w)
	return int(min(guess, size/minRecordBytes+1)), nil
}

// recordsIn counts the lines of the len(buf) bytes at off that hold more
// than spaces, a line cut by the window's edge counted whole.
func recordsIn(fh *os.File, off int64, buf []byte) (int, error) {
	k, err := fh.ReadAt(buf, off)
	if err != nil && err != io.EOF {
		return 0, err
	}
	records, filled := 0, false
	for _, c := range buf[:k] {
		switch c {
		case '\n', '\r':
			if filled {
				records++
			}
			filled = false
		case ' ', '\t':
		default:
			filled = true
		}
	}
	if filled {
		records++
	}
	return records, nil
}

// lineStart returns the offset just after the first "\n" at or after
// at-1, so that a share starting on a line's first byte keeps that line;
// 0 for 0 and size for a share starting in the last line.
func lineStart(fh *os.File, size, at int64) (int64, error) {
	if at <= 0 || at >= size {
		return min(max(at, 0), size), nil
	}
	buf := make([]byte, 64<<10)
	for pos := at - 1; pos < size; {
		k, err := fh.ReadAt(buf, pos)
		if i := bytes.IndexByte(buf[:k], '\n'); i >= 0 {
			return pos + int64(i) + 1, nil
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
		pos += int64(k)
	}
	return size, nil
}

// countLines counts the lines of a run of whole lines.
func countLines(r io.Reader) (int, error) {
	buf := make([]byte, 256<<10)
	lines := 0
	last := byte('\n')
	for {
		k, err := io.ReadFull(r, buf)
		if b := buf[:k]; k > 0 {
			if last == '\r' && b[0] != '\n' {
				lines++ // a lone "\r" ended the previous chunk
			}
			lines += bytes.Count(b, []byte{'\n'}) + loneCRs(b)
			last = b[k-1]
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			if last != '\n' {
				lines++ // a lone "\r" at the end, or a last line without an ending
			}
			return lines, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// loneCRs counts the "\r" of b not followed by "\n" inside b; one at the end
// of b is left to the caller, who sees what follows it.
func loneCRs(b []byte) int {
	n := 0
	for i := 0; ; i++ {
		j := bytes.IndexByte(b[i:], '\r')
		if j < 0 {
			return n
		}
		i += j
		if i+1 < len(b) && b[i+1] != '\n' {
			n++
		}
	}
}

// ReadParts reads a JSON Lines file split by SplitLines, every part at once
// on a goroutine of its own. emit gets each part's posts in file order, the
// posts of different parts concurrently. The report and the notes are
// those of reading the file whole with ReadReport; the error is the first
// part's, in file order.
//
// A post's Line, and the ID of a post without one (NoID), count from the
// Line its part had when ReadParts was called: the line numbers of reading
// the file whole when the parts were counted (CountLines), else numbers
// within the part for all but the first. ReadParts then sets every part's
// Line and Lines from what was read, and the caller adds to the posts of
// a part the difference of its Line.
func ReadParts(ctx context.Context, f File, opt Options, parts []Part, emit func(part int, p Post) error) (Report, error) {
	f = complete(f)
	rep := Report{File: f.Rel}
	opt, rep.Glob = opt.forFile(f)
	fh, err := input.Open(f.Path)
	if err != nil {
		return rep, fmt.Errorf("cannot open export %s: %w", f.Path, err)
	}
	defer fh.Close()
	rep.Encoding = input.Info{Encoding: input.UTF8, How: input.ByValid}
	if _, info, err := input.NewReader(io.NewSectionReader(fh, 0, parts[0].Size), opt.Encoding); err == nil {
		rep.Encoding = info
	}
	type result struct {
		b     *builder
		lines *lines
		err   error
	}
	results := make([]result, len(parts))
	done := make([]chan struct{}, len(parts))
	for i := range done {
		done[i] = make(chan struct{})
	}
	// The last part's reader hashes what it reads, once the bytes before
	// it are hashed; those are read once more.
	last := len(parts) - 1
	lastIn, hashed := hashLast(ctx, fh, io.NewSectionReader(fh, parts[last].Offset, parts[last].Size), parts[last].Offset, opt.Digest)
	var wg sync.WaitGroup
	for i, p := range parts {
		var in io.Reader = io.NewSectionReader(fh, p.Offset, p.Size)
		if i == last {
			in = lastIn
		}
		wg.Go(func() {
			defer close(done[i])
			r := &results[i]
			r.b = newBuilder(f, opt)
			r.b.opt.Note = nil // the notes are the whole file's, below
			if opt.Recycle != nil {
				opt.Recycle.attach(i, r.b)
			}
			// A message naming the keys met so far in the file needs those
			// of the parts before: wait for them, then go on from there.
			r.b.history = func(own *columnLog) {
				var all columnLog
				for j := range i {
					<-done[j]
					all.merge(&results[j].b.seen)
				}
				all.merge(own)
				*own = all
			}
			br := bufio.NewReaderSize(in, 128<<10)
			r.lines = newLines(br, r.b.opt.maxRecord())
			r.lines.n = p.Line
			r.err = readLines(ctx, r.lines, r.b, func(post Post) error { return emit(i, post) })
		})
	}
	wg.Wait()
	hashed()
	whole := &lines{}
	var seen columnLog
	line := 0
	for i, r := range results {
		if r.err != nil && err == nil {
			err = r.err
		}
		seen.merge(&r.b.seen)
		given := parts[i].Line
		parts[i].Line, parts[i].Lines = line, r.lines.n-given
		line += parts[i].Lines
		if r.lines.boms > 0 && whole.boms == 0 {
			whole.bomAt = r.lines.bomAt - given + parts[i].Line
		}
		whole.boms += r.lines.boms
	}
	opt.note(whole.bomNote(f.Rel))
	rep.Columns = seen.list()
	return rep, err
}
