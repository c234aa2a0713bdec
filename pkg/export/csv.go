package export

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

func readCSV(ctx context.Context, r io.Reader, b *builder, comma rune, emit func(Post) error) error {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	// TSV writers rarely quote, so a stray quote in a TSV cell is text, not an error.
	cr.LazyQuotes = comma == '\t'
	header, err := cr.Read()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return brokenHeader(err, b, emit)
	}
	cols := b.columns(header)
	for n := 1; ; n++ {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if n%ctxEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		// Spreadsheets save rows that were only cleared as ",,,"; they hold no post.
		if err == nil && blankRow(row) {
			continue
		}
		p, err := b.row(cr, row, err, cols)
		if err != nil {
			return err
		}
		if err := emit(p); err != nil {
			return err
		}
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
func brokenHeader(err error, b *builder, emit func(Post) error) error {
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

// row turns one parsed row, or its parse error, into a post.
func (b *builder) row(cr *csv.Reader, row []string, err error, cols []column) (Post, error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := fmt.Sprintf("row is not valid CSV (line %d, column %d: %v); a quote inside a quoted cell is written twice (\"\")", pe.Line, pe.Column, pe.Err)
		return b.unreadable(pe.StartLine, msg), nil
	}
	if err != nil {
		return Post{}, err
	}
	line, _ := cr.FieldPos(0)
	if b.unmapped != "" {
		return b.unreadable(line, b.unmapped), nil
	}
	if len(row) != len(cols) {
		msg := fmt.Sprintf("row has %d cells but the header has %d; quote cells that hold the delimiter or a line break", len(row), len(cols))
		return b.unreadable(line, msg), nil
	}
	var r record
	for i, c := range cols {
		if c.ok {
			r.put(c.slot, c.key, val{kind: kText, str: row[i]})
		}
	}
	return b.post(&r, line), nil
}
