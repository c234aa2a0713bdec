package commands

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/text"
)

// The output formats of -o.
const (
	formatTable    = "table"
	formatJSON     = "json"
	formatCSV      = "csv"
	formatMarkdown = "markdown"
)

// checkFormatFrom refuses an -o value the command does not write. src is
// where the value came from (see settings.source): a PROMO_OUTPUT or a
// config file's output says so, not only what the command wants.
func checkFormatFrom(src, format string, allowed ...string) error {
	if slices.Contains(allowed, format) {
		return nil
	}
	if src == "" || strings.HasPrefix(src, "-") {
		return usageHint(fmt.Errorf("unknown output format %q (want %s)", format, words.JoinOr(allowed)), formatHint(format, allowed))
	}
	hint := "pass -o " + allowed[0] + " to this command, or change the setting"
	if strings.HasPrefix(src, "PROMO_") {
		hint = "pass -o " + allowed[0] + " to this command, or unset " + src
	}
	return usageHint(fmt.Errorf("%s: output format %q is not one this command writes (want %s)", src, format, words.JoinOr(allowed)), hint)
}

// formatHint suggests the format meant by a common other name for it.
func formatHint(format string, allowed []string) string {
	alias := map[string]string{"md": formatMarkdown, "tsv": formatTable, "txt": formatTable, "text": formatTable,
		"jsonl": formatJSON, "ndjson": formatJSON, "yaml": formatJSON, "yml": formatJSON}
	if want, ok := alias[format]; ok && slices.Contains(allowed, want) {
		if format == "tsv" {
			return "use -o table: piped or written with --out, the table is tab-separated"
		}
		return fmt.Sprintf("did you mean -o %s?", want)
	}
	if near := text.Suggest(format, allowed, 1); len(near) > 0 {
		return fmt.Sprintf("did you mean -o %s?", near[0])
	}
	return ""
}

// layout is how tables go to stdout: padded (and coloured, unless turned
// off) for a terminal and fitted to its width; TSV for a pipe or an --out
// file.
func layout(ios *IOStreams, out string, noColor bool) report.Layout {
	return report.LayoutFor(ios.OutTTY && (out == "" || out == "-"), ios.Color && !noColor).Fit(ios.Width)
}

// writeOutput streams the rendering to stdout or to the --out file (see
// writeFile). On a terminal, every format but the table (which escapes its
// cells and adds its own colours) goes through an escaping writer, so a
// post's text cannot drive the terminal from -o csv or -o json. Writing
// stops when ctx is cancelled.
func writeOutput(ctx context.Context, ios *IOStreams, outPath, format string, render func(w io.Writer) error) error {
	if outPath != "" && outPath != "-" {
		return writeFile(ctx, outPath, render)
	}
	var out io.Writer = ios.Out
	var tw *terminalWriter
	if ios.OutTTY && format != formatTable {
		tw = &terminalWriter{w: ios.Out}
		out = tw
	}
	bw := bufio.NewWriter(ctxWriter{ctx, out})
	err := render(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && tw != nil {
		err = tw.Flush()
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil && !errors.Is(err, context.Canceled) && isIOError(err) {
		return ioErrorf("cannot write standard output: %w", plainError(err))
	}
	return err
}

// ctxWriter stops a long rendering once the run is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// terminalWriter escapes control and invisible characters on their way to
// a terminal, keeping line breaks and tabs. A UTF-8 sequence split between
// two writes is held until the rest arrives.
type terminalWriter struct {
	w       io.Writer
	pending []byte
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	buf := append(t.pending, p...)
	end := len(buf)
	// hold back an incomplete last sequence (at most 3 bytes)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-3; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				end = i
			}
			break
		}
	}
	t.pending = append([]byte(nil), buf[end:]...)
	if _, err := io.WriteString(t.w, escapeLines(string(buf[:end]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is held back; at the end it can only be a broken
// sequence, shown escaped.
func (t *terminalWriter) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	s := escapeLines(string(t.pending))
	t.pending = nil
	_, err := io.WriteString(t.w, s)
	return err
}

// escapeLines escapes s for a terminal but keeps its line breaks and tabs,
// which are the layout of CSV, JSON and Markdown.
func escapeLines(s string) string {
	var b []byte
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\t' {
			b = append(b, report.EscapeControl(s[start:i])...)
			b = append(b, s[i])
			start = i + 1
		}
	}
	b = append(b, report.EscapeControl(s[start:])...)
	return string(b)
}

// checkOutPath refuses an --out that cannot be written before any work is
// done, naming the folder to create rather than a temporary file.
func checkOutPath(path string) error { return checkWritable("--out", path) }

// checkWritable is checkOutPath for any flag that names a file to write.
func checkWritable(flag, path string) error {
	if path == "" || path == "-" || isSpecial(path) {
		return nil
	}
	target, err := resolveLinks(path)
	if err != nil {
		return usageErrorf("%s %s: %w", flag, path, plainError(err))
	}
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return usageHint(fmt.Errorf("%s %s: is a folder", flag, path), "name a file inside it")
	}
	dir := filepath.Dir(target)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageHint(fmt.Errorf("%s %s: folder %s does not exist", flag, path, dir), "create the folder first (mkdir -p "+dir+"), or name a file in an existing one")
	case err != nil:
		return usageErrorf("%s %s: %w", flag, path, plainError(err))
	case !st.IsDir():
		return usageErrorf("%s %s: %s is not a folder", flag, path, dir)
	}
	return nil
}

// resolveLinks follows path through any symbolic links to the file they
// name, which may not exist yet: --out writes the link's target and keeps
// the link.
func resolveLinks(path string) (string, error) {
	for range 40 {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// plainError drops the path from a file system error, which for --out is
// the temporary file the user never named.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// writeFile writes an output file. A regular file (or a new one) is
// written to a temporary file in the same folder that is renamed over the
// target only once complete, so a failed or interrupted run never leaves a
// half-written payout file and a large report is never held in memory
// whole; the file keeps its permissions. A symbolic link's target is
// written and the link kept. A device or FIFO is written in place, never
// replaced by a file.
func writeFile(ctx context.Context, path string, render func(w io.Writer) error) error {
	// the system follows the links itself, /proc/self/fd/1 included
	if isSpecial(path) {
		return writeInPlace(ctx, path, render)
	}
	target, err := resolveLinks(path)
	if err != nil {
		return ioErrorf("cannot write %s: %w", path, plainError(err))
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		mode = st.Mode().Perm()
	}
	if err := writeAtomic(ctx, target, mode, render); err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return ioErrorf("cannot write %s: %w", path, plainError(err))
	}
	return nil
}

func writeAtomic(ctx context.Context, target string, mode fs.FileMode, render func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	tempFiles.add(name)
	defer tempFiles.remove(name) // a no-op once renamed
	bw := bufio.NewWriter(ctxWriter{ctx, &writeAhead{f: tmp}})
	err = render(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, mode)
	}
	if err == nil {
		err = ctx.Err() // the last moment a cancel can still keep the old file
	}
	if err == nil {
		err = os.Rename(name, target)
	}
	return err
}

// writeAhead writes a file and has the system start writing it to disk
// every writeAheadBytes, while the rest is still being made: the Sync
// before the rename then waits for the last few megabytes only, where it
// waited for the whole of a large report (a quarter of a second for a
// report of a million entries) with nothing else left to do.
type writeAhead struct {
	f        *os.File
	off      int64 // bytes written
	synced   int64 // bytes whose writing to disk was started
	writeout func(f *os.File, off, n int64)
}

const writeAheadBytes = 8 << 20

func (w *writeAhead) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.off += int64(n)
	if w.off-w.synced >= writeAheadBytes {
		start := w.writeout
		if start == nil {
			start = startWriteback
		}
		start(w.f, w.synced, w.off-w.synced)
		w.synced = w.off
	}
	return n, err
}

// isSpecial reports whether path (through its links) is an existing
// device, FIFO or socket: something to write to, not a file to replace.
func isSpecial(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.Mode().IsRegular() && !st.IsDir()
}

// writeInPlace writes a device or FIFO: opening a FIFO waits for a reader,
// so the open runs apart and a cancel stops the wait.
func writeInPlace(ctx context.Context, path string, render func(w io.Writer) error) error {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		ch <- opened{f, err}
	}()
	var o opened
	select {
	case <-ctx.Done():
		return ctx.Err()
	case o = <-ch:
	}
	if o.err != nil {
		return ioErrorf("cannot write %s: %w", path, plainError(o.err))
	}
	f := o.f
	defer f.Close()
	// a write blocked on a full FIFO returns once the deadline passes
	stop := context.AfterFunc(ctx, func() { _ = f.SetWriteDeadline(time.Now()) })
	defer stop()
	bw := bufio.NewWriter(ctxWriter{ctx, f})
	err := render(bw)
	if err == nil {
		err = bw.Flush()
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return ioErrorf("cannot write %s: %w", path, plainError(err))
	}
	return nil
}

// tempFiles are the temporary files being written, removed on a second
// Ctrl-C, which exits without unwinding.
var tempFiles = &tempSet{names: map[string]bool{}}

type tempSet struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *tempSet) add(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.names[name] = true
}

func (t *tempSet) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
	os.Remove(name)
}

func removeTempFiles() {
	tempFiles.mu.Lock()
	defer tempFiles.mu.Unlock()
	for name := range tempFiles.names {
		os.Remove(name)
	}
}
