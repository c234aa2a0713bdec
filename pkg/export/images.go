package export

import (
	"os"
	"path/filepath"
	"strings"
)

// Image problems.
const (
	ProblemOutside = "outside the export folder"
	ProblemEmpty   = "empty"
	ProblemScheme  = "not a local path or an http(s) URL"
)

func (b *builder) images(v val, probs *[]string) []Image {
	switch v.kind {
	case kNull:
		return nil
	case kText, kNumber:
		return b.refs(v.text())
	case kObject:
		return b.refs(cleanString(objectRef(v)))
	}
	var out []Image
	if len(v.list) > 0 {
		out = b.imageList(len(v.list))
	}
	for _, item := range v.list {
		switch item.kind {
		case kText, kNumber:
			out = append(out, b.image(item.text()))
		case kObject:
			out = append(out, b.image(cleanString(objectRef(item))))
		default:
			*probs = append(*probs, "images must be a list of paths or URLs; found a "+shape(item)+" or null inside it")
		}
	}
	return out
}

// objectRef reads {"url": ...} and its kin, as some platforms export images.
func objectRef(v val) string {
	for _, k := range []string{"url", "path", "src", "file", "href"} {
		if s, ok := v.obj[k]; ok && (s.kind == kText || s.kind == kNumber) {
			return s.str
		}
	}
	return ""
}

// refs reads a cell: in CSV and TSV one cell lists several references.
func (b *builder) refs(s string) []Image {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if !b.split {
		return []Image{b.image(s)}
	}
	var out []Image
	for _, ref := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		if strings.TrimSpace(ref) != "" {
			out = append(out, b.image(ref))
		}
	}
	return out
}

// image resolves one reference. A missing local file is left to the image check, which
// reports it as missing; here only the folder boundary is enforced, after symlinks.
// ref is clean (valid UTF-8 without NUL).
func (b *builder) image(ref string) Image {
	ref = strings.TrimSpace(ref)
	switch {
	case ref == "":
		return Image{Problem: ProblemEmpty}
	case hasPrefixFold(ref, "http://"), hasPrefixFold(ref, "https://"):
		return Image{Ref: ref, URL: true}
	case strings.Contains(ref, "://"), hasPrefixFold(ref, "data:"):
		// A reason about the image keeps Ref for the whole run: a copy of
		// its own pins no texts. (A URL's is kept only by explain.)
		return Image{Ref: strings.Clone(ref), Problem: ProblemScheme}
	}
	// Exports made on Windows write folders with backslashes.
	p := filepath.FromSlash(strings.ReplaceAll(ref, `\`, "/"))
	if filepath.IsAbs(p) {
		p = strings.Clone(p) // Clean may hand it back as it is
	} else {
		p = filepath.Join(b.dir, p)
	}
	img := Image{Path: filepath.Clean(p)}
	img.Ref = ownRef(ref, img.Path)
	if !within(b.rootAbs, img.Path) {
		img.Problem = ProblemOutside
		return img
	}
	real, ok := b.realPath(img.Path)
	if !ok {
		return img
	}
	img.Path = real
	if !within(b.rootReal, real) {
		img.Problem = ProblemOutside
	}
	return img
}

// ownRef returns ref in memory of its own, for a reason may keep it: the
// end of the path it resolves to when that spells it, as it mostly does.
func ownRef(ref, path string) string {
	if strings.HasSuffix(path, ref) {
		return path[len(path)-len(ref):]
	}
	return strings.Clone(ref)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(os.PathSeparator))
}

// realPath resolves symlinks in p. Posts of one file mostly share an image folder, so the
// folder is resolved once and only the file itself is looked at each time.
func (b *builder) realPath(p string) (string, bool) {
	dir, name := filepath.Split(p)
	realDir, ok := b.realDirs[dir]
	if !ok {
		realDir, _ = filepath.EvalSymlinks(dir) // "" when the folder is missing
		if len(b.realDirs) < maxRealDirs {
			b.realDirs[dir] = realDir
		}
	}
	if realDir == "" {
		return "", false
	}
	full := p // the folder holds no symlink: no new path to make
	if realDir != strings.TrimSuffix(dir, string(filepath.Separator)) {
		full = filepath.Join(realDir, name)
	}
	link, exists := isSymlink(full)
	if !exists {
		return "", false
	}
	if !link {
		return full, true
	}
	real, err := filepath.EvalSymlinks(full)
	return real, err == nil
}

// maxRealDirs bounds the folder cache of one file.
const maxRealDirs = 1024
