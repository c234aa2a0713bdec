// Package review reads the manual decisions an operator records after the
// checks: overrides.csv, one row per entry with id,decision,reason,by,
// where decision is accept or reject. Who decided and why are required,
// since an override that nobody can account for is the one an appeal
// thread asks about.
package review

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/promo-cli/promo/pkg/input"
)

// The decisions.
const (
	Accept = "accept"
	Reject = "reject"
)

// Override is one manual decision about an entry.
type Override struct {
	ID       string
	Decision string // Accept or Reject
	Reason   string
	By       string
	File     string // the file's name as given, for messages
	Line     int
}

// Accepted reports whether the decision makes the entry valid.
func (o Override) Accepted() bool { return o.Decision == Accept }

// Source is where the override was read: "overrides.csv:3".
func (o Override) Source() string { return fmt.Sprintf("%s:%d", o.File, o.Line) }

var columns = []string{"id", "decision", "reason", "by"}

// Read reads an overrides file through the one opener of every text
// input: a regular file, at most max bytes (0: the default), in any
// encoding a spreadsheet saves. Every problem is reported at once, each
// with its file:line and how to fix it.
func Read(path string, max int64) ([]Override, error) {
	t, err := input.ReadFile(path, input.Options{MaxSize: max})
	if err != nil {
		return nil, fmt.Errorf("overrides %s: %w", path, plain(err))
	}
	return Parse(path, []byte(t.Text))
}

// plain drops the path from a file system error: the message names it.
func plain(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads the overrides in data; name is the file, for messages.
func Parse(name string, data []byte) ([]Override, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: no header row; write the first line as id,decision,reason,by", name)
	}
	col, err := headerColumns(name, header)
	if err != nil {
		return nil, err
	}
	var out []Override
	var probs []string
	first := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			probs = append(probs, csvProblem(name, err))
			break
		}
		line, _ := r.FieldPos(0)
		o, prob := row(name, line, rec, col)
		switch {
		case prob != "":
			probs = append(probs, prob)
		case o.ID == "":
			continue // an empty row left by a spreadsheet
		case first[o.ID] > 0:
			probs = append(probs, fmt.Sprintf("%s:%d: id %s already has an override on line %d; keep one decision per entry", name, line, o.ID, first[o.ID]))
		default:
			first[o.ID] = line
			out = append(out, o)
		}
	}
	if len(probs) > 0 {
		return nil, errors.New(strings.Join(probs, "\n"))
	}
	return out, nil
}

func headerColumns(name string, header []string) (map[string]int, error) {
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	var missing []string
	for _, c := range columns {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s:1: the header lacks %s; the columns are id,decision,reason,by", name, strings.Join(missing, ", "))
	}
	return col, nil
}

// row reads one record; a problem is returned as a message.
func row(name string, line int, rec []string, col map[string]int) (Override, string) {
	cell := func(c string) string {
		if i := col[c]; i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	o := Override{ID: cell("id"), Decision: strings.ToLower(cell("decision")), Reason: cell("reason"), By: cell("by"),
		File: filepath.ToSlash(name), Line: line}
	if o.ID == "" {
		if o.Decision+o.Reason+o.By != "" {
			return o, fmt.Sprintf("%s:%d: the id is empty; name the entry the decision is about", name, line)
		}
		return o, ""
	}
	switch {
	case o.Decision != Accept && o.Decision != Reject:
		return o, fmt.Sprintf("%s:%d: decision %q for %s must be accept or reject", name, line, cell("decision"), o.ID)
	case o.Reason == "" || o.By == "":
		return o, fmt.Sprintf("%s:%d: the override of %s needs who decided (by) and why (reason)", name, line, o.ID)
	}
	return o, ""
}

// csvProblem places a CSV syntax error on its line; the reader cannot go
// on past it.
func csvProblem(name string, err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s:%d: %v; a cell holding a comma, quote or line break goes in double quotes, with quotes inside doubled", name, pe.Line, pe.Err)
	}
	return fmt.Sprintf("%s: %v", name, err)
}
