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
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
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

// Post is one record of an export.
type Post struct {
	ID, Author, Content string
	Images              []Image
	CreatedAt           time.Time
	HasTime             bool
	Likes, Comments     int64
	Reposts, Views      int64
	File                string // File.Rel of the export file
	Line                int    // 1-based line where the record starts (front matter: 1)
	Unreadable          string // non-empty: what was wrong and how to fix it
}

// Source returns where the post was found, as "rel/path.jsonl:12".
func (p Post) Source() string {
	return p.File + ":" + strconv.Itoa(p.Line)
}

// Options say how to read an export.
type Options struct {
	Encoding string            // "", "utf-8", "utf-16", "gbk", "gb18030", "big5"; a BOM always wins
	Location *time.Location    // for timestamps without a zone; nil means UTC
	Fields   map[string]string // canonical field name → column or key in the export (replaces its aliases)
	// DateOrder is how dates written with the year last ("9/3/2025") are read: "dmy",
	// "mdy", or "" (only when the numbers allow one order, or both give the same date).
	DateOrder string
	// MaxRecord is the size in bytes above which a record is unreadable, read in bounded
	// memory; 0 means DefaultMaxRecord.
	MaxRecord int
	// Note, when set, is called with what the operator should know about a file that was
	// read all the same, such as byte-order marks removed inside it.
	Note func(string)
}

func (o Options) maxRecord() int {
	if o.MaxRecord <= 0 {
		return DefaultMaxRecord
	}
	return o.MaxRecord
}

func (o Options) note(msg string) {
	if o.Note != nil && msg != "" {
		o.Note(msg)
	}
}

// Read streams the posts of one file to emit, in file order. It returns an error only when
// the file cannot be opened or decoded at all, or when emit or ctx fails; a bad record
// becomes a Post with Unreadable set and reading goes on.
func Read(ctx context.Context, f File, opt Options, emit func(Post) error) error {
	f = complete(f)
	if err := CheckEncoding(opt.Encoding); err != nil {
		return err
	}
	fh, err := os.Open(f.Path)
	if err != nil {
		return fmt.Errorf("cannot open export %s: %w", f.Path, err)
	}
	defer fh.Close()
	return readFrom(ctx, fh, f, opt, emit)
}

// readFrom reads an opened export; f must be complete.
func readFrom(ctx context.Context, in io.Reader, f File, opt Options, emit func(Post) error) error {
	r, err := decodeText(in, opt.Encoding)
	if err != nil {
		return fmt.Errorf("cannot read export %s: %w", f.Path, err)
	}
	b := newBuilder(f, opt)
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
		return fmt.Errorf("export %s has unknown format %q; use one of jsonl, json, csv, tsv, text", f.Path, f.Format)
	}
	return err
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
