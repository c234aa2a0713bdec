package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readCSV reads CSV, or TSV when comma is a tab. Records are cut out of the text here,
// at any line ending and at most max bytes each, and only then parsed one at a time, so
// that a lone CR ends a row and no record can take more memory than the limit.
func readCSV(ctx context.Context, r *bufio.Reader, b *builder, comma rune, emit func(Post) error) error {
	ls := newLines(r, b.opt.maxRecord())
	defer func() { b.opt.note(ls.bomNote(b.file)) }()
	rs := &csvRecords{lines: ls, max: b.opt.maxRecord(), tsv: comma == '\t'}
	var cols []column
	for n := 0; ; {
		rec, err := rs.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if rec.text == "" && rec.size <= rs.max {
			// An empty line holds no row; nor does one that held only
			// byte-order marks, removed as the line was read.
			continue
		}
		if n++; n%ctxEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if cols == nil {
			header, err := rec.cells(comma)
			if err != nil || rec.size > rs.max {
				return brokenHeader(rec, err, rs.max, b, emit)
			}
			cols = b.columns(header)
			continue
		}
		if p, ok := b.row(rec, comma, cols, rs.max); ok {
			if err := emit(p); err != nil {
				return err
			}
		}
	}
}

// csvRecord is one record's text, as cut out of the file.
type csvRecord struct {
	text string
	line int // where it starts
	size int // its full size in bytes; text is empty when that is over the limit
	tsv  bool
}

// cells splits a record: a TSV line at its tabs, quotes being plain characters; a CSV
// record by encoding/csv.
func (rec csvRecord) cells(comma rune) ([]string, error) {
	if rec.tsv {
		return strings.Split(rec.text, "\t"), nil
	}
	cr := csv.NewReader(strings.NewReader(rec.text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	row, err := cr.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pe.StartLine += rec.line - 1
		pe.Line += rec.line - 1
	}
	return row, err
}

// csvRecords cuts records out of lines: a TSV record is one line, a CSV record goes on
// while a quoted cell is open.
type csvRecords struct {
	lines  *lines
	max    int
	tsv    bool
	buf    []byte
	quotes quotes
}

func (rs *csvRecords) next() (csvRecord, error) {
	rs.quotes = quotes{start: true}
	if !rs.tsv {
		rs.lines.watch = rs.quotes.feed
	}
	line, size, err := rs.lines.next()
	if err != nil {
		return csvRecord{}, err
	}
	rs.quotes.endLine()
	rec := csvRecord{line: rs.lines.n, size: size, tsv: rs.tsv}
	if !rs.quotes.in {
		if size <= rs.max {
			rec.text = string(line)
		}
		return rec, nil
	}
	rs.buf = append(rs.buf[:0], line...)
	for rs.quotes.in {
		rs.quotes.start = false
		line, n, err := rs.lines.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return csvRecord{}, err
		}
		rs.quotes.endLine()
		rec.size += 1 + n
		if rec.size <= rs.max {
			rs.buf = append(append(rs.buf, '\n'), line...)
		}
	}
	if rec.size <= rs.max {
		rec.text = string(rs.buf)
	}
	return rec, nil
}

// quotes follows whether a quoted cell is open, as encoding/csv reads one: a quote
// opens a cell only at its start; a quote elsewhere is left for the parser to call an
// error. A doubled quote inside a cell may be split across two chunks.
type quotes struct {
	in     bool // inside a quoted cell
	start  bool // at the start of a cell
	closed bool // inside a quoted cell, a quote was just seen: it closes the cell or doubles
}

func (q *quotes) feed(b []byte) {
	for _, c := range b {
		switch {
		case q.closed && c == '"':
			q.closed = false // a doubled quote: still inside
			continue
		case q.closed:
			q.closed, q.in = false, false
		case q.in && c == '"':
			q.closed = true
			continue
		case !q.in && q.start && c == '"':
			q.in, q.start = true, false
			continue
		}
		if !q.in {
			q.start = c == ','
		}
	}
}

// endLine ends a line: a quote just before the line break closed its cell.
func (q *quotes) endLine() {
	if q.closed {
		q.closed, q.in = false, false
	}
}

func blankRow(row []string) bool {
	for _, cell := range row {
		if strings.TrimSpace(cell) != "" {
			return false
		}
	}
	return true
}

// brokenHeader reports a header that cannot be parsed: without it no row can be mapped,
// so the whole file is one unreadable entry.
func brokenHeader(rec csvRecord, err error, max int, b *builder, emit func(Post) error) error {
	if rec.size > max {
		return emit(b.unreadable(rec.line, "the header row: "+tooLong(rec.size, max)+"; no row of this file could be read"))
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	msg := fmt.Sprintf("the header row is not valid CSV (line %d, column %d: %v); no row of this file could be read; fix the header", pe.Line, pe.Column, pe.Err)
	return emit(b.unreadable(pe.StartLine, msg))
}

// column is a header cell mapped to a field; ok is false for columns no field uses.
type column struct {
	slot
	key string
	ok  bool
}

func (b *builder) columns(header []string) []column {
	cols := make([]column, len(header))
	for i, h := range header {
		s, ok := b.fields.lookup(h)
		cols[i] = column{slot: s, key: normKey(h), ok: ok}
		b.seen.see(h, s, ok)
	}
	if !headerMapsIDOrContent(cols) {
		b.unmapped = b.noIDOrContent("column")
	}
	return cols
}

// row turns one record into a post; ok is false for a row that holds no post.
func (b *builder) row(rec csvRecord, comma rune, cols []column, max int) (p Post, ok bool) {
	if rec.size > max {
		return b.unreadable(rec.line, tooLong(rec.size, max)), true
	}
	row, err := rec.cells(comma)
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := fmt.Sprintf("row is not valid CSV (line %d, column %d: %v); a quote inside a quoted cell is written twice (\"\")", pe.Line, pe.Column, pe.Err)
		return b.unreadable(pe.StartLine, msg), true
	}
	if err != nil {
		return b.unreadable(rec.line, "row is not valid CSV: "+err.Error()), true
	}
	if blankRow(row) {
		// Spreadsheets save rows that were only cleared as ",,,"; they hold no post.
		return Post{}, false
	}
	if b.unmapped != "" {
		return b.unreadable(rec.line, b.unmapped), true
	}
	if len(row) != len(cols) {
		msg := fmt.Sprintf("row has %d cells but the header has %d; quote cells that hold the delimiter or a line break", len(row), len(cols))
		if rec.tsv {
			msg = fmt.Sprintf("row has %d cells but the header has %d; in a .tsv file only tabs separate cells and a cell cannot hold a tab or a line break", len(row), len(cols))
		}
		return b.unreadable(rec.line, msg), true
	}
	var r record
	for i, c := range cols {
		if c.ok {
			r.put(c.slot, c.key, val{kind: kText, str: row[i]})
		}
	}
	return b.post(&r, rec.line), true
}
