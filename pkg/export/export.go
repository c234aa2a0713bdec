// Package export reads exported social-media posts.
//
// Walk turns the paths an operator gives into a sorted list of export files, and Read
// streams one Post per record of a file, whatever its format (JSON Lines, JSON, CSV/TSV,
// text or Markdown with YAML front matter) and encoding (UTF-8, UTF-16 with a BOM, GBK,
// GB18030, Big5).
//
// Nothing is lost on the way: a record that cannot be read is still emitted, with
// Unreadable saying what was wrong and how to fix it, so every record in the export ends
// up as exactly one entry.
package export

import (
	"context"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/promo-cli/promo/pkg/input"
)

// Format is an export file's format, chosen by its extension.
type Format string

// The formats Read understands.
const (
	JSONL Format = "jsonl"
	JSON  Format = "json"
	CSV   Format = "csv"
	TSV   Format = "tsv"
	Text  Format = "text"
)

var formatByExt = map[string]Format{
	".jsonl": JSONL, ".ndjson": JSONL, ".json": JSON,
	".csv": CSV, ".tsv": TSV, ".txt": Text, ".md": Text,
}

// FormatOf returns the format of a file name by its extension, case-insensitively.
func FormatOf(name string) (Format, bool) {
	f, ok := formatByExt[strings.ToLower(filepath.Ext(name))]
	return f, ok
}

// File is one export file found by Walk.
type File struct {
	Path   string // as found
	Root   string // the argument it was found under: a folder, or the file's own folder
	Rel    string // slash path relative to Root, for display and digests
	Format Format
}

// Image is one image reference of a post.
type Image struct {
	Ref     string // as written
	URL     bool
	Path    string // resolved absolute local path; "" for URLs
	Problem string // why the reference cannot be used, e.g. "outside the export folder"; "" when fine
}

// Post is one record of an export. Its Author, Content, Wallet, the Ref of
// each image, and its ID unless NoID is set, are valid UTF-8 without NUL:
// the reader replaces what is not with U+FFFD, so a consumer need not check
// again. The strings of many posts may share memory (see slab).
type Post struct {
	ID, Author, Content string
	Images              []Image
	CreatedAt           time.Time
	HasTime             bool
	Likes, Comments     int64
	Reposts, Views      int64
	Wallet              string // payout address as written, trimmed; "" when none
	File                string // File.Rel of the export file
	Line                int    // 1-based line where the record starts (front matter: 1)
	// Col is the 1-based column, in characters, where the record starts when
	// another record started on its line before it (a minified JSON export);
	// else 0, and Line alone places it.
	Col        int
	Unreadable string // non-empty: what was wrong and how to fix it
	// NoID is set when the record holds no id; ID is then Source(), and a
	// caller that shows files by another name renames it. An id that
	// merely looks like a place ("posts.jsonl:3") is still an id.
	NoID bool
}

// Own makes the post's text and image references copies of their own, so
// that the post may be kept after the hold on its chunks (Recycler) is
// released.
func (p *Post) Own() {
	p.Content = strings.Clone(p.Content)
	p.Unreadable = strings.Clone(p.Unreadable)
	if len(p.Images) > 0 {
		p.Images = slices.Clone(p.Images)
		for i := range p.Images {
			im := &p.Images[i]
			im.Ref, im.Path = strings.Clone(im.Ref), strings.Clone(im.Path)
		}
	}
}

// Source returns where the post was found, as "rel/path.jsonl:12", or
// "rel/path.json:1:57" for a post that is not the first on its line.
func (p Post) Source() string {
	s := p.File + ":" + strconv.Itoa(p.Line)
	if p.Col > 0 {
		s += ":" + strconv.Itoa(p.Col)
	}
	return s
}

// Options say how to read an export.
type Options struct {
	Encoding string            // "", "utf-8", "utf-16", "gbk", "gb18030", "big5"; a BOM always wins
	Location *time.Location    // for timestamps without a zone; nil means UTC
	Fields   map[string]string // canonical field name → column or key in the export (replaces its aliases)
	Files    []FileOptions     // settings for some files only; the first whose glob matches applies
	// DateOrder is how dates written with the year last ("9/3/2025") are read: "dmy",
	// "mdy", or "" (only when the numbers allow one order, or both give the same date).
	DateOrder string
	// MaxRecord is the size in bytes above which a record is unreadable, read in bounded
	// memory; 0 means DefaultMaxRecord.
	MaxRecord int
	// Note, when set, is called with what the operator should know about a file that was
	// read all the same, such as byte-order marks removed inside it.
	Note func(string)
	// Recycle, when set, recycles the chunks the texts and image lists of
	// posts are carved from (see Recycler).
	Recycle *Recycler
	// Digest, when set, is given the SHA-256 of the file's bytes by
	// ReadReport and ReadParts (see Digest).
	Digest *Digest
}

func (o Options) maxRecord() int {
	if o.MaxRecord <= 0 {
		return DefaultMaxRecord
	}
	return min(o.MaxRecord, MaxRecordLimit)
}

func (o Options) note(msg string) {
	if o.Note != nil && msg != "" {
		o.Note(msg)
	}
}

// FileOptions are settings for the files a glob matches.
type FileOptions struct {
	Glob     string            // matched against File.Rel, or its base name
	Encoding string            // replaces Options.Encoding for these files; "" keeps it
	Fields   map[string]string // replaces Options.Fields for these files; empty keeps it
}

// forFile returns the options that apply to f, and the glob that chose them ("" for none).
func (opt Options) forFile(f File) (Options, string) {
	for _, fo := range opt.Files {
		if !globMatch(fo.Glob, f.Rel) {
			continue
		}
		if fo.Encoding != "" {
			opt.Encoding = fo.Encoding
		}
		if len(fo.Fields) > 0 {
			opt.Fields = fo.Fields
		}
		return opt, fo.Glob
	}
	return opt, ""
}

// globMatch matches a slash path, or its base name for a glob without a slash.
func globMatch(glob, rel string) bool {
	if ok, _ := path.Match(glob, rel); ok {
		return true
	}
	ok, _ := path.Match(glob, path.Base(rel))
	return ok && !strings.Contains(glob, "/")
}

// Read streams the posts of one file to emit, in file order. It returns an error only when
// the file cannot be opened or decoded at all, or when emit or ctx fails; a bad record
// becomes a Post with Unreadable set and reading goes on.
func Read(ctx context.Context, f File, opt Options, emit func(Post) error) error {
	_, err := ReadReport(ctx, f, opt, emit)
	return err
}

// Report says how one file was read: its encoding and how it was chosen, and the
// columns or keys found with the field each filled.
type Report struct {
	File     string     // File.Rel
	Encoding input.Info // Encoding.Warning is for the operator ("not UTF-8; read as GBK (detected)")
	Columns  []Column   // in order of first appearance; at most maxColumns
	Glob     string     // the Options.Files glob whose settings applied; "" for none
}

// ReadReport is Read that also reports how the file was read.
func ReadReport(ctx context.Context, f File, opt Options, emit func(Post) error) (Report, error) {
	f = complete(f)
	rep := Report{File: f.Rel}
	opt, rep.Glob = opt.forFile(f)
	if err := CheckEncoding(opt.Encoding); err != nil {
		return rep, err
	}
	// input.Open refuses a named pipe, device or socket named as an export
	// before it is opened, so that it cannot make the run wait.
	fh, err := input.Open(f.Path)
	if err != nil {
		return rep, fmt.Errorf("cannot open export %s: %w", f.Path, err)
	}
	defer fh.Close()
	in, hashed := hashWhole(ctx, fh, opt.Digest)
	r, err := readReport(ctx, in, f, opt, emit)
	hashed()
	r.Glob = rep.Glob
	return r, err
}

// readFrom reads an opened export; f must be complete.
func readFrom(ctx context.Context, in io.Reader, f File, opt Options, emit func(Post) error) error {
	_, err := readReport(ctx, in, f, opt, emit)
	return err
}

func readReport(ctx context.Context, in io.Reader, f File, opt Options, emit func(Post) error) (Report, error) {
	rep := Report{File: f.Rel}
	r, info, err := decodeText(in, opt.Encoding)
	if err != nil {
		return rep, fmt.Errorf("cannot read export %s: %w", f.Path, err)
	}
	rep.Encoding = info
	b := newBuilder(f, opt)
	if opt.Recycle != nil {
		opt.Recycle.attach(0, b)
	}
	switch f.Format {
	case JSONL:
		err = readJSONL(ctx, r, b, emit)
	case JSON:
		err = readJSON(ctx, sanitize(r), b, emit)
	case CSV:
		err = readCSV(ctx, sanitize(r), b, ',', emit)
	case TSV:
		err = readCSV(ctx, sanitize(r), b, '\t', emit)
	case Text:
		err = readText(sanitize(r), b, emit)
	default:
		return rep, fmt.Errorf("export %s has unknown format %q; use one of jsonl, json, csv, tsv, text", f.Path, f.Format)
	}
	rep.Columns = b.seen.list()
	return rep, err
}

// complete fills what a hand-made File leaves out.
func complete(f File) File {
	if f.Root == "" {
		f.Root = filepath.Dir(f.Path)
	}
	if f.Rel == "" {
		rel, err := filepath.Rel(f.Root, f.Path)
		if err != nil {
			rel = filepath.Base(f.Path)
		}
		f.Rel = filepath.ToSlash(rel)
	}
	if f.Format == "" {
		f.Format, _ = FormatOf(f.Path)
	}
	return f
}
