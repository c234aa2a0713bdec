package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/promo-cli/promo/pkg/input"
)

// mediaExts are files that sit beside exports (screenshots, clips) and are skipped quietly.
var mediaExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".bmp": true,
	".heic": true, ".heif": true, ".avif": true, ".tif": true, ".tiff": true, ".svg": true,
	".ico": true, ".mp4": true, ".mov": true, ".webm": true,
}

// Walk expands files and folders into export files: folders recursively, symlinks
// followed without looping as long as they stay inside the argument's folder.
// Known extensions are kept; media and hidden files are skipped quietly; every other
// extension gives one line in skipped, once, and so do folders that cannot be read,
// links that leave the folder and FIFOs, devices or sockets named like exports. A
// missing path is an error naming it, and then no files are returned; WalkAll
// returns the files under the other paths as well.
//
// Each argument is a root of its own: a file found under several arguments (a a/sub)
// is read once, under the argument nearest to it (a/sub), so that image paths are
// judged against the same folder whatever the order of the arguments. Files come
// sorted by path and the notes in an order that does not depend on the arguments'.
func Walk(paths []string) (files []File, skipped []string, err error) {
	files, skipped, bad := WalkAll(paths)
	if len(bad) > 0 {
		return nil, nil, bad[0].Err
	}
	return files, skipped, nil
}

// PathError is a path given to WalkAll that could not be walked: it does
// not exist, or it or its folder cannot be read. Err names the path.
type PathError struct {
	Path string
	Err  error
}

// WalkAll is Walk that goes on past the paths it cannot walk and returns
// them in bad, in byte order, so that a run can judge the exports it found
// and name each path it could not read rather than read nothing.
func WalkAll(paths []string) (files []File, skipped []string, bad []PathError) {
	w := &walker{best: map[string]File{}, seenExt: map[string]bool{}, noted: map[string]bool{}}
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	for _, p := range sorted {
		// A path fails before any file under it is kept (a missing path,
		// or a folder that cannot be listed), so the files stay whole.
		if err := w.arg(p); err != nil {
			bad = append(bad, PathError{Path: p, Err: err})
		}
	}
	files = make([]File, 0, len(w.best))
	for _, f := range w.best {
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, w.skipped, bad
}

// note adds a line to skipped once: overlapping arguments walk a folder twice.
func (w *walker) note(msg string) {
	if !w.noted[msg] {
		w.noted[msg] = true
		w.skipped = append(w.skipped, msg)
	}
}

// readDir is os.ReadDir; tests replace it to fail where running as root cannot.
var readDir = os.ReadDir

type walker struct {
	skipped  []string
	best     map[string]File // by real path: the file as found under its nearest argument
	seenDir  map[string]bool // real paths walked under the current argument
	seenExt  map[string]bool
	noted    map[string]bool
	rootReal string // the current argument's folder, symlinks resolved
}

func (w *walker) arg(p string) error {
	info, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("export path %s does not exist; check the spelling, or pass the folder that holds the export", p)
	}
	if err != nil {
		return fmt.Errorf("cannot read export path %s: %w", p, err)
	}
	w.seenDir = map[string]bool{}
	switch {
	case info.IsDir():
		root := filepath.Clean(p)
		w.rootReal = realOr(root)
		return w.dir(root, "")
	case info.Mode().IsRegular():
		w.file(filepath.Dir(p), filepath.Base(p), p)
	default:
		w.special(p, info.Mode())
	}
	return nil
}

func realOr(p string) string {
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	return p
}

// dir walks root/rel; a folder already walked (through a link, or a loop) is not walked
// again. A subfolder that cannot be listed is noted and the rest is read.
func (w *walker) dir(root, rel string) error {
	full := filepath.Join(root, filepath.FromSlash(rel))
	if real, err := filepath.EvalSymlinks(full); err == nil {
		if w.seenDir[real] {
			return nil
		}
		w.seenDir[real] = true
	}
	entries, err := readDir(full)
	if err != nil && rel == "" {
		return fmt.Errorf("cannot list export folder %s: %w", full, err)
	}
	if err != nil {
		w.note(fmt.Sprintf("skipped folder %s: %v; the rest of the export was read", full, unwrapPath(err)))
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := w.entry(root, path.Join(rel, e.Name()), e); err != nil {
			return err
		}
	}
	return nil
}

// unwrapPath drops the path that a *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (w *walker) entry(root, rel string, e fs.DirEntry) error {
	full := filepath.Join(root, filepath.FromSlash(rel))
	typ := e.Type()
	if typ&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(full)
		var info fs.FileInfo
		if err == nil {
			info, err = os.Stat(real)
		}
		if err != nil {
			w.note(fmt.Sprintf("skipped %s: a link to nothing; remove it or fix its target", full))
			return nil
		}
		if !within(w.rootReal, real) {
			w.note(fmt.Sprintf("skipped %s: a link that leaves the export folder; links are followed only inside it, so copy what it points to into the folder", full))
			return nil
		}
		typ = info.Mode().Type()
	}
	switch {
	case typ.IsDir():
		return w.dir(root, rel)
	case typ.IsRegular():
		w.file(root, rel, full)
	default:
		w.special(full, typ)
	}
	return nil
}

// special notes a FIFO, device or socket named like an export: reading one could wait
// forever or never end.
func (w *walker) special(full string, mode fs.FileMode) {
	if _, ok := FormatOf(full); !ok {
		return
	}
	w.note(fmt.Sprintf("skipped %s: %s, not a file; exports are read from regular files only, so save the export to a file", full, input.Kind(mode)))
}

// file keeps a file found under root; found again under another argument, the one
// nearest to its root wins, then the smaller path, so the order of arguments never matters.
func (w *walker) file(root, rel, full string) {
	format, ok := FormatOf(rel)
	if !ok {
		w.unknown(full)
		return
	}
	f := File{Path: full, Root: root, Rel: filepath.ToSlash(rel), Format: format}
	key := realOr(full)
	if old, seen := w.best[key]; seen && !nearer(f, old) {
		return
	}
	w.best[key] = f
}

func nearer(a, b File) bool {
	da, db := strings.Count(a.Rel, "/"), strings.Count(b.Rel, "/")
	if da != db {
		return da < db
	}
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	return a.Root < b.Root
}

func (w *walker) unknown(full string) {
	ext := strings.ToLower(filepath.Ext(full))
	if mediaExts[ext] || w.seenExt[ext] {
		return
	}
	w.seenExt[ext] = true
	what := "unknown extension " + ext
	if ext == "" {
		what = "no file extension"
	}
	w.note(fmt.Sprintf("skipped %s: %s (further such files are skipped without notice); exports end in .jsonl .ndjson .json .csv .tsv .txt or .md", full, what))
}
