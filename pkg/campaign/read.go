package campaign

import (
	"context"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/integrity"
	"github.com/promo-cli/promo/pkg/internal/hugepage"
)

// fileResult is what was made of one file.
type fileResult struct {
	batches []*batch // in file order; each filled by an inspect worker
	kept    []export.Post
	images  map[string]string // local images referenced: digest label → path
	digest  string
	failed  bool
	broken  *check.Entry // the file could not be read to the end
	report  export.Report
	notes   []string // what the reader noted about the file
	// arena, when set, holds the entries of every batch of a file read in
	// parts: each part has a run of it, in file order, with room for about
	// as many entries as the part has records.
	arena []check.Entry
	// keyRoom, set with arena and laid out like it, holds the record keys
	// of every batch.
	keyRoom []recordKey
	// used is where the last part's entries end in the arena; spilled is
	// set when a part had more records than room, so that its later
	// batches' entries are elsewhere.
	used    int
	spilled bool
}

// batch is a run of consecutive posts of one file and, once inspected,
// their entries in the same order.
type batch struct {
	posts   []export.Post
	entries []check.Entry
	keys    []recordKey // what each post says, to merge repeats of one post
	sigs    batchSigs
	// hold keeps the chunks the posts' texts are carved from until the
	// batch is inspected; then they are read into again.
	hold *export.Hold
	// shift is added to the line of every entry of the batch by
	// shiftLines, once every batch of the file is inspected: the part it
	// comes from was numbered from its own start (export.ReadParts).
	// noID lists the entries named by their line.
	shift int
	noID  []int32
}

const batchSize = 256

// newBatch makes room for a whole batch at once, unless the file holds one
// post (text and Markdown): the room of an inspected batch when there is
// one.
func newBatch(f export.Format, spare spareRoom) *batch {
	if f == export.Text {
		return &batch{}
	}
	select {
	case posts := <-spare:
		return &batch{posts: posts}
	default:
		return &batch{posts: make([]export.Post, 0, batchSize)}
	}
}

// spareRoom holds the post arrays of inspected batches for the batches to
// come: a run otherwise allocates a fresh one for every 256 posts, about a
// fifth as much memory as the texts.
type spareRoom chan []export.Post

// giveBack offers the room of an inspected batch, emptied, for another.
func (s spareRoom) giveBack(posts []export.Post) {
	if cap(posts) != batchSize {
		return
	}
	clear(posts[:cap(posts)]) // no post outlives its batch: see the poisoned tests
	select {
	case s <- posts[:0]:
	default:
	}
}

// read checks every post with a bounded pool of workers. Readers parse the
// files and hand out batches of posts, so one large export keeps every
// core busy; each batch's entries stay in the batch's slot, and the slots
// are joined in file order, so the result does not depend on which worker
// finished first.
func (res *Result) read(ctx context.Context, c *check.Checker, opt Options) error {
	eo := exportOptions(res.Rules, opt)
	slots := make([]fileResult, len(res.Files))
	n := workers(opt.Workers)
	jobs := make(chan *batch, 2*n)
	spare := make(spareRoom, 4*n)
	var inspectors sync.WaitGroup
	var seen atomic.Int64
	var shared sharedRoom
	for range n {
		inspectors.Add(1)
		go func() {
			defer inspectors.Done()
			ws := &check.Workspace{}
			ws.SetContext(ctx)
			w := sigWorker{shared: &shared}
			for b := range jobs {
				if b.entries == nil {
					b.entries = make([]check.Entry, len(b.posts))
				}
				if b.keys == nil {
					b.keys = make([]recordKey, len(b.posts))
				}
				w.begin(len(b.posts))
				for i := range b.posts {
					b.entries[i] = c.Inspect(&b.posts[i], ws, false)
					w.add(ws, i)
					w.share(&b.entries[i])
					b.keys[i] = keyOf(&b.posts[i])
				}
				b.sigs = w.done()
				spare.giveBack(b.posts)
				b.posts = nil // the text is not needed any more
				b.hold.Release()
				b.hold = nil
				if opt.Progress != nil {
					opt.Progress(int(seen.Add(int64(len(b.entries)))))
				}
			}
		}()
	}
	res.readFiles(ctx, slots, jobs, spare, &shared, eo, opt, min(n, len(res.Files)), n)
	close(jobs)
	inspectors.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	shiftLines(slots)
	res.join(slots)
	return nil
}

// shiftLines gives the entries of the later parts of a file read in parts
// their line numbers in the file, and those named by their place the name
// of that line.
func shiftLines(slots []fileResult) {
	for _, s := range slots {
		for _, b := range s.batches {
			if b.shift == 0 {
				continue
			}
			for i := range b.entries {
				b.entries[i].Line += b.shift
			}
			for _, i := range b.noID {
				b.entries[i].ID = b.entries[i].Source()
			}
		}
	}
}

// joinSigs gathers the batches' signatures, in entry order.
func (res *Result) joinSigs(slots []fileResult, entries int) {
	sigs := signatures{textOf: make([]int32, entries)}
	base := 0
	for _, s := range slots {
		for _, b := range s.batches {
			chunk := len(sigs.chunks)
			for k, d := range b.sigs.texts {
				sigs.textOf[base+int(d.Order)] = int32(chunk*batchSize + k + 1)
			}
			sigs.chunks = append(sigs.chunks, b.sigs.texts)
			for _, im := range b.sigs.images {
				if sigs.images == nil {
					sigs.images = map[int][]integrity.ImageSig{}
				}
				sigs.images[base+im.entry] = im.sigs
			}
			b.sigs = batchSigs{}
			base += len(b.entries)
		}
		if s.broken != nil {
			base++
		}
	}
	res.sigs = sigs
}

// readFiles parses the files with the given number of readers.
func (res *Result) readFiles(ctx context.Context, slots []fileResult, jobs chan<- *batch, spare spareRoom, shared *sharedRoom, eo export.Options, opt Options, readers, workers int) {
	// With fewer files than workers, a large file is read by several.
	split := workers / max(readers, 1)
	files := make(chan int)
	var wg sync.WaitGroup
	for range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range files {
				var room *sharedRoom
				if len(res.Files) == 1 {
					room = shared
				}
				slots[i] = readFile(ctx, res.Files[i], eo, opt, jobs, spare, split, room)
			}
		}()
	}
	for i := range res.Files {
		if ctx.Err() != nil {
			break
		}
		files <- i
	}
	close(files)
	wg.Wait()
}

func (res *Result) join(slots []fileResult) {
	n := 0
	for _, s := range slots {
		for _, b := range s.batches {
			n += len(b.entries)
		}
	}
	inPlace := len(slots) == 1 && slots[0].arena != nil && !slots[0].spilled && slots[0].broken == nil && n <= len(slots[0].arena) && len(slots[0].keyRoom) == len(slots[0].arena)
	if inPlace {
		// The entries are in place already, with gaps for blank lines:
		// close them up instead of copying every entry into a new array
		// while the old ones are still held.
		res.Entries = compact(slots[0])
		res.keys = compactKeys(slots[0])
	} else {
		res.Entries = make([]check.Entry, 0, n)
		res.keys = make([]recordKey, 0, n)
	}
	res.joinSigs(slots, n)
	digests := make([]string, 0, len(slots))
	res.images = map[string]string{}
	for i, s := range slots {
		for _, b := range s.batches {
			if !inPlace {
				res.Entries = append(res.Entries, b.entries...)
				res.keys = append(res.keys, b.keys...)
			}
			b.entries, b.keys = nil, nil // let the copy be the only one
		}
		if s.broken != nil {
			res.Entries = append(res.Entries, *s.broken)
			res.keys = append(res.keys, recordKey{})
		}
		res.Kept = append(res.Kept, s.kept...)
		res.Reports = append(res.Reports, s.report)
		if w := s.report.Encoding.Warning; w != "" {
			res.Warnings = append(res.Warnings, s.report.File+": "+w)
		}
		maps.Copy(res.images, s.images)
		res.Skipped = append(res.Skipped, s.notes...)
		if s.failed {
			res.FileErrors++
		}
		digests = append(digests, res.Files[i].Rel+"\x00"+s.digest)
	}
	res.fileDigests = digests
}

// compact closes up the gaps between the batches' entries in the arena of
// a file read in parts.
func compact(s fileResult) []check.Entry {
	n := 0
	for _, b := range s.batches {
		n += copy(s.arena[n:], b.entries) // never ahead of the batch's own place
	}
	clear(s.arena[n:max(n, s.used)]) // the room after it was never touched
	return s.arena[:n:n]
}

// compactKeys does for the record keys what compact does for the entries.
func compactKeys(s fileResult) []recordKey {
	n := 0
	for _, b := range s.batches {
		n += copy(s.keyRoom[n:], b.keys)
	}
	return s.keyRoom[:n:n]
}

// readFile parses one file and sends its posts to the inspectors in
// batches, keeping a slot for each batch in file order. A large JSON Lines
// file is cut into as many as split runs of whole lines, read at once; their
// batches are joined in file order, so the result does not depend on split.
// The only file of a run is given the inspectors' shared room (else nil),
// for its text signatures.
func readFile(ctx context.Context, f export.File, eo export.Options, opt Options, jobs chan<- *batch, spare spareRoom, split int, shared *sharedRoom) fileResult {
	var out fileResult
	name := displayPath(f)
	// The file is hashed as it is parsed, from the bytes the readers
	// read (export.Digest), rather than read once more.
	var digest export.Digest
	eo.Digest = &digest
	eo.Note = func(msg string) { out.notes = append(out.notes, msg) }
	eo.Recycle = export.NewRecycler()
	parts, _ := export.SplitLines(f, eo, split)
	if len(parts) > 1 && opt.Keep != "" && export.CountLines(f, parts) != nil {
		parts = nil // the post to keep may be named by its line: count first
	}
	given := make([]int, len(parts))
	for i, p := range parts {
		given[i] = p.Line
	}
	readers := make([]*partReader, max(len(parts), 1))
	for i := range readers {
		readers[i] = &partReader{f: f, name: name, keep: opt.Keep, jobs: jobs, spare: spare, cur: newBatch(f.Format, spare), part: i, recycle: eo.Recycle}
	}
	if len(parts) > 1 && shared != nil {
		// Each part's entries get their place in one array, so that joining
		// them copies none.
		at, faulted := out.makeRoom(parts, shared, opt.HoldGC)
		// The collections held off while the array is faulted in are
		// let go before the read returns: a hold that ended later, on
		// its own goroutine, would undo the holds of the work after it.
		defer faulted()
		for i := range parts {
			readers[i].arena = out.arena[at[i]:at[i+1]]
			readers[i].keyRoom = out.keyRoom[at[i]:at[i+1]]
		}
	}
	var rep export.Report
	var err error
	if len(parts) > 1 {
		rep, err = export.ReadParts(ctx, f, eo, parts, func(i int, p export.Post) error {
			readers[i].add(p)
			return nil
		})
	} else {
		rep, err = export.ReadReport(ctx, f, eo, func(p export.Post) error {
			readers[0].add(p)
			return nil
		})
	}
	posts := 0
	for i, r := range readers {
		r.send()
		if i < len(parts) && parts[i].Line != given[i] {
			for _, b := range r.batches {
				b.shift = parts[i].Line - given[i]
			}
		}
		if r.posts > len(r.arena) && r.arena != nil {
			out.spilled = true
		}
		if len(r.arena) > 0 {
			out.used = int(cap(out.arena) - cap(r.arena) + min(r.posts, len(r.arena)))
		}
		out.batches = append(out.batches, r.batches...)
		out.kept = append(out.kept, r.kept...)
		if out.images == nil {
			out.images = r.images
		} else {
			maps.Copy(out.images, r.images)
		}
		posts += r.posts
	}
	eo.Recycle.Finish()
	rep.File = name
	out.report = rep
	if err != nil {
		out.failed = posts == 0
		e := unreadableFile(name, err)
		out.broken = &e
	}
	out.digest = digest.Sum
	if out.digest == "" && ctx.Err() == nil { // not opened: say why
		out.digest = fileDigest(f.Path)
	}
	return out
}

// makeRoom makes the arrays of a file read in parts and returns where each
// part's run starts, and where the last ends. A part's run has room for the
// records guessed (export.Part.Room), a thirty-second and a batch more, so that
// the lengths of lines may vary along the file; only the room guessed has
// its pages faulted in, while hold, when set, holds collections off: the
// margin costs no memory unless it is used. The faulting in is left to a
// goroutine of its own, so that the readers start meanwhile: at 100,000
// entries it took a core for tens of milliseconds before any post was
// read. faulted waits for that goroutine, and with it for the end of the
// hold.
//
// The room for as many text signatures is made first, in memory left
// uncleared (the inspectors write each before it is read), so that the
// entries' array, made next, lands above it in pages never used: else it
// often started in the free pages at the top of the heap, and the runtime
// cleared all of it, faulting in each small page of it, before it could be
// backed by huge pages.
func (out *fileResult) makeRoom(parts []export.Part, shared *sharedRoom, hold func() (resume func())) (at []int, faulted func()) {
	resume := func() {}
	if hold != nil {
		resume = hold()
	}
	at = make([]int, len(parts)+1)
	for i, p := range parts {
		at[i+1] = at[i] + p.Room + p.Room/32 + batchSize
	}
	shared.set(at[len(parts)])
	out.arena = make([]check.Entry, at[len(parts)])
	out.keyRoom = make([]recordKey, at[len(parts)])
	hugepage.Advise(out.keyRoom) // 9 MB at a million entries, written once each
	faults := make([]func(), len(parts))
	for i, p := range parts {
		faults[i] = hugepage.PopulateLater(out.arena[at[i] : at[i]+p.Room : at[i]+p.Room])
	}
	done := make(chan struct{})
	arena := out.arena
	go func() {
		defer close(done)
		defer resume()
		for _, fault := range faults {
			fault()
		}
		runtime.KeepAlive(arena) // the faults hold only its addresses
	}()
	return at, func() { <-done }
}

// sharedRoom is where the inspectors take the room for the text signatures
// of a file read in parts from, a slab at a time, once the file's room is
// made (set): in one array for the whole file, backed by huge pages from
// its first signature on, where slabs of their own (integrity.NewTextDocs)
// started with a few small ones and had small pages at both ends. Then
// about one signature in thirty took a page fault of its own.
type sharedRoom struct {
	room atomic.Pointer[sigRoom]
}

type sigRoom struct {
	docs []integrity.TextDoc
	next atomic.Int64 // where the next slab starts
}

// slabDocs is how many signatures a worker takes at once. What a batch
// cannot use at the end of a slab is left unused, up to a batch's worth,
// but not untouched (its huge page is faulted in whole): with slabs of 8
// batches that was one signature in sixteen, 18 MB at a million entries.
const slabDocs = 32 * batchSize

// set makes room for the signatures of n entries.
func (s *sharedRoom) set(n int) {
	docs := hugepage.Unzeroed[integrity.TextDoc](n + hugepage.Size/int(unsafe.Sizeof(integrity.TextDoc{})) + 1)
	docs = hugepage.Aligned(docs)
	hugepage.Advise(docs)
	s.room.Store(&sigRoom{docs: docs})
}

// take returns a slab of room for at least n signatures (length 0), or nil
// when there is no room (none made, or all taken).
func (s *sharedRoom) take(n int) []integrity.TextDoc {
	if s == nil {
		return nil
	}
	r := s.room.Load()
	if r == nil {
		return nil
	}
	k := max(n, slabDocs)
	end := int(r.next.Add(int64(k)))
	start := end - k
	end = min(end, len(r.docs))
	if end-start < n {
		return nil
	}
	return r.docs[start:start:end]
}

// partReader batches the posts of one file, or of one run of its lines.
type partReader struct {
	f          export.File
	name, keep string
	jobs       chan<- *batch
	spare      spareRoom
	cur        *batch
	batches    []*batch
	images     map[string]string
	kept       []export.Post
	posts      int
	arena      []check.Entry // when set, where the part's entries go
	keyRoom    []recordKey   // and their keys
	part       int
	recycle    *export.Recycler
}

func (r *partReader) add(p export.Post) {
	nameRecord(&p, r.name)
	r.images = addImages(r.images, r.f.Rel, p.Images)
	if p.NoID {
		r.cur.noID = append(r.cur.noID, int32(len(r.cur.posts)))
	}
	if r.keep != "" && (p.ID == r.keep || p.Source() == r.keep) {
		p.Own() // kept after its batch's chunks are read into again
		r.kept = append(r.kept, p)
	}
	r.cur.posts = append(r.cur.posts, p)
	r.posts++
	if len(r.cur.posts) == batchSize {
		r.send()
	}
}

// send hands the batch to the inspectors and starts the next.
func (r *partReader) send() {
	if len(r.cur.posts) > 0 {
		if r.posts <= len(r.arena) { // else the worker makes room
			r.cur.entries = r.arena[r.posts-len(r.cur.posts) : r.posts]
			r.cur.keys = r.keyRoom[r.posts-len(r.cur.posts) : r.posts]
		}
		r.cur.hold = r.recycle.Take(r.part)
		r.batches = append(r.batches, r.cur)
		r.jobs <- r.cur
		r.cur = newBatch(r.f.Format, r.spare)
	}
}

// unreadableFile stands for a file that could not be read at all, so that
// it shows in the output instead of vanishing.
func unreadableFile(name string, err error) check.Entry {
	return check.Entry{ID: name, File: name, Reasons: []check.Reason{{Code: check.Unreadable, Message: err.Error()}}}
}

// displayPath is the file as the operator named it, with forward slashes,
// so sources read the same on every system.
func displayPath(f export.File) string { return filepath.ToSlash(f.Path) }

// sortFiles orders files by their path, so the order of the arguments
// does not change the output.
// The same file named twice is read once, under the first of the folders
// that hold it in sorted order (for `a a/sub`, under a whatever the order
// of the arguments): its root decides which images are inside the export
// folder and how the digest names it, so it must not depend on the order.
func sortFiles(files []export.File) []export.File {
	slices.SortFunc(files, func(a, b export.File) int {
		if c := strings.Compare(displayPath(a), displayPath(b)); c != 0 {
			return c
		}
		return strings.Compare(filepath.ToSlash(a.Root), filepath.ToSlash(b.Root))
	})
	return slices.CompactFunc(files, func(a, b export.File) bool { return a.Path == b.Path })
}
