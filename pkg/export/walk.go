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
)

// mediaExts are files that sit beside exports (screenshots, clips) and are skipped quietly.
var mediaExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".bmp": true,
	".heic": true, ".heif": true, ".avif": true, ".tif": true, ".tiff": true, ".svg": true,
	".ico": true, ".mp4": true, ".mov": true, ".webm": true,
}

// Walk expands files and folders into export files: folders recursively, each argument's
// files sorted byte-wise by Rel, symlinks followed without looping or repeating a file.
// Known extensions are kept; media and hidden files are skipped quietly; every other
// extension gives one line in skipped, once. A missing path is an error naming it.
func Walk(paths []string) (files []File, skipped []string, err error) {
	w := &walker{files: []File{}, seenFile: map[string]bool{}, seenDir: map[string]bool{}, seenExt: map[string]bool{}}
	for _, p := range paths {
		if err := w.arg(p); err != nil {
			return nil, nil, err
		}
	}
	return w.files, w.skipped, nil
}

type walker struct {
	files    []File
	skipped  []string
	found    []File
	seenFile map[string]bool // real paths
	seenDir  map[string]bool // real paths
	seenExt  map[string]bool
}

func (w *walker) arg(p string) error {
	info, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("export path %s does not exist; check the spelling, or pass the folder that holds the export", p)
	}
	if err != nil {
		return fmt.Errorf("cannot read export path %s: %w", p, err)
	}
	w.found = w.found[:0]
	if info.IsDir() {
		err = w.dir(filepath.Clean(p), "")
	} else {
		w.file(filepath.Dir(p), filepath.Base(p), p)
	}
	if err != nil {
		return err
	}
	sort.Slice(w.found, func(i, j int) bool { return w.found[i].Rel < w.found[j].Rel })
	w.files = append(w.files, w.found...)
	return nil
}

// dir walks root/rel; a folder already walked (through a link, or a loop) is not walked again.
func (w *walker) dir(root, rel string) error {
	full := filepath.Join(root, filepath.FromSlash(rel))
	if real, err := filepath.EvalSymlinks(full); err == nil {
		if w.seenDir[real] {
			return nil
		}
		w.seenDir[real] = true
	}
	entries, err := os.ReadDir(full)
	if err != nil {
		return fmt.Errorf("cannot list export folder %s: %w", full, err)
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

func (w *walker) entry(root, rel string, e fs.DirEntry) error {
	full := filepath.Join(root, filepath.FromSlash(rel))
	typ := e.Type()
	if typ&fs.ModeSymlink != 0 {
		info, err := os.Stat(full)
		if err != nil {
			w.skipped = append(w.skipped, fmt.Sprintf("skipped %s: a link to nothing; remove it or fix its target", full))
			return nil
		}
		typ = info.Mode().Type()
	}
	switch {
	case typ.IsDir():
		return w.dir(root, rel)
	case typ.IsRegular():
		w.file(root, rel, full)
	}
	return nil
}

func (w *walker) file(root, rel, full string) {
	format, ok := FormatOf(rel)
	if !ok {
		w.unknown(full)
		return
	}
	key := full
	if real, err := filepath.EvalSymlinks(full); err == nil {
		key = real
	}
	if w.seenFile[key] {
		return
	}
	w.seenFile[key] = true
	w.found = append(w.found, File{Path: full, Root: root, Rel: filepath.ToSlash(rel), Format: format})
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
	w.skipped = append(w.skipped, fmt.Sprintf("skipped %s: %s (further such files are skipped without notice); exports end in .jsonl .ndjson .json .csv .tsv .txt or .md", full, what))
}
