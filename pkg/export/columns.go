package export

import (
	"fmt"
	"strings"
)

// Column is a column of a CSV/TSV header, or a key of JSON records or front matter,
// with the field it fills; Field is "" for a column no field reads.
type Column struct {
	Name  string
	Field string
}

// maxColumns bounds the columns a report lists, so that records with ever new keys
// cannot grow it without end.
const maxColumns = 200

// columnLog collects the columns of a file in order of first appearance.
type columnLog struct {
	index map[string]bool // raw keys as met
	raws  []string        // the raw key of each column
	cols  []Column
}

// see notes a column as named in a header or front matter.
func (l *columnLog) see(name string, s slot, ok bool) {
	if !l.index[name] {
		l.add(name, name, s, ok)
	}
}

// seeJSON notes a JSON key given as its string literal; a key met before costs
// no allocation.
func (l *columnLog) seeJSON(rawKey []byte, s slot, ok bool) {
	if !l.index[string(rawKey)] {
		l.add(string(rawKey), jsonString(rawKey), s, ok)
	}
}

func (l *columnLog) add(raw, name string, s slot, ok bool) {
	if len(l.cols) >= maxColumns {
		return
	}
	if l.index == nil {
		l.index = map[string]bool{}
	}
	l.index[raw] = true
	c := Column{Name: name}
	if ok {
		c.Field = fieldNames[s.f]
	}
	l.raws = append(l.raws, raw)
	l.cols = append(l.cols, c)
}

// merge adds the columns of a later part of the file that l has not met.
func (l *columnLog) merge(later *columnLog) {
	for i, raw := range later.raws {
		if !l.index[raw] && len(l.cols) < maxColumns {
			if l.index == nil {
				l.index = map[string]bool{}
			}
			l.index[raw] = true
			l.raws = append(l.raws, raw)
			l.cols = append(l.cols, later.cols[i])
		}
	}
}

func (l *columnLog) list() []Column { return l.cols }

// names lists the columns met, for messages.
func (l *columnLog) names() string {
	if len(l.cols) == 0 {
		return "none"
	}
	names := make([]string, len(l.cols))
	for i, c := range l.cols {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

// expected names the columns that would give a record its id or content.
func (b *builder) expected() string {
	var out []string
	for _, f := range []field{fID, fContent} {
		keys := aliases[f]
		for cname, key := range b.opt.Fields {
			if strings.EqualFold(cname, fieldNames[f]) {
				keys = []string{key}
			}
		}
		out = append(out, fmt.Sprintf("%s (%s)", fieldNames[f], strings.Join(keys, " or ")))
	}
	return strings.Join(out, " and ")
}

// noIDOrContent is why a record in which no column gives the id or the content is
// unreadable: mostly a field map meant for another file, or a file of another kind.
func (b *builder) noIDOrContent(what string) string {
	if b.history != nil {
		b.history(&b.seen)
		b.history = nil
	}
	return fmt.Sprintf("no %s holds the id or the content: found %s; expected %s; map them in the rule file's fields: or export.files",
		what, b.seen.names(), b.expected())
}

// headerMapsIDOrContent reports whether some header column fills the id or the content.
func headerMapsIDOrContent(cols []column) bool {
	for _, c := range cols {
		if c.ok && (c.f == fID || c.f == fContent) {
			return true
		}
	}
	return false
}
