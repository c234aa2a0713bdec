package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/promo-cli/promo/pkg/text"
)

// Encodings lists the values export.encoding accepts.
var Encodings = []string{"auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "gbk", "gb18030", "big5"}

func checkEncoding(v *validator) {
	e := &v.r.Export
	e.Encoding = strings.ToLower(strings.TrimSpace(e.Encoding))
	if e.Encoding == "" {
		e.Encoding = "auto"
	}
	v.oneOf("export.encoding", "encoding", e.Encoding, Encodings...)
	e.DateOrder = strings.ToLower(strings.TrimSpace(e.DateOrder))
	if e.DateOrder != "" {
		v.oneOf("export.date_order", "date order", e.DateOrder, DateOrders...)
	}
	checkExportFiles(v)
}

// checkExportFiles checks each export.files entry: a glob that can match,
// a known encoding, a field map without two fields on one column.
func checkExportFiles(v *validator) {
	for i := range v.r.Export.Files {
		f := &v.r.Export.Files[i]
		at := fmt.Sprintf("export.files[%d]", i)
		f.Glob = strings.TrimSpace(f.Glob)
		if f.Glob == "" {
			v.errorf(at+".glob", "give the files it applies to, e.g. glob: \"*.csv\"", "`%s` has no glob", at)
		} else if _, err := path.Match(f.Glob, ""); err != nil {
			v.errorf(at+".glob", "use * ? and [...] as in *.csv or excel/*.csv", "`%s.glob` %q is not a valid pattern", at, f.Glob)
		}
		f.Encoding = strings.ToLower(strings.TrimSpace(f.Encoding))
		if f.Encoding != "" {
			v.oneOf(at+".encoding", "encoding", f.Encoding, Encodings...)
		}
		checkFieldMap(v, at+".fields", f.Fields)
	}
}

// DateOrders lists the values export.date_order accepts.
var DateOrders = []string{"ymd", "dmy", "mdy"}

// checkFields rejects two fields read from the same column.
func checkFields(v *validator) {
	checkFieldMap(v, "fields", v.r.Fields)
}

func checkFieldMap(v *validator, at string, f Fields) {
	owner := map[string]string{}
	for _, c := range f.columns() {
		if c.column == "" {
			continue
		}
		if prev, dup := owner[c.column]; dup {
			v.errorf(at+"."+c.field, "map each field to its own column",
				"`%s.%s` and `%s.%s` both name the column `%s`", at, prev, at, c.field, c.column)
			continue
		}
		owner[c.column] = c.field
	}
}

// checkTags wants every tag written with its sigil, the way posts carry it;
// a bare word usually means YAML swallowed an unquoted `#` as a comment.
func checkTags(v *validator) {
	t := &v.r.Tags
	for _, list := range []struct {
		path string
		tags []string
	}{{"tags.all_of", t.AllOf}, {"tags.any_of", t.AnyOf}} {
		for i, tag := range list.tags {
			path := fmt.Sprintf("%s[%d]", list.path, i)
			s := strings.TrimSpace(tag)
			switch {
			case s == "":
				v.errorf(path, "an unquoted `#` starts a YAML comment: write the tag in quotes, e.g. - \"#ES\", or remove the empty item",
					"`%s` has an empty tag", list.path)
			case !hasSigil(s):
				v.errorf(path, fmt.Sprintf(`write it as posts carry it, in quotes: "#%s#", "#%s" or "$%s"`, s, s, s),
					"tag `%s` in `%s` has no `#` or `$`", s, list.path)
			}
		}
	}
	m := t.Match
	t.Fold = text.Fold{Width: m.FoldWidth, Case: m.FoldCase, Space: m.FoldSpace, Script: m.FoldScript}
}

func checkLength(v *validator) {
	l := &v.r.Length
	if _, err := text.ParseUnit(string(l.Unit)); err != nil {
		names := make([]string, len(text.Units))
		for i, u := range text.Units {
			names[i] = string(u)
		}
		v.oneOf("length.unit", "unit", string(l.Unit), names...)
	}
	l.Exclude = 0
	for i, name := range l.ExcludeList {
		bit, err := text.ParseExclude([]string{name})
		if err != nil {
			names := make([]string, len(text.ExcludeNames))
			for j, e := range text.ExcludeNames {
				names[j] = e.Name
			}
			v.oneOf(fmt.Sprintf("length.exclude[%d]", i), "exclusion", name, names...)
		}
		l.Exclude |= bit
	}
	v.nonNegative("length.min", l.Min)
	v.nonNegative("length.max", l.Max)
	if l.Max > 0 && l.Min > l.Max {
		v.errorf("length.min", "lower `length.min`, raise `length.max`, or set `length.max: 0` for no maximum",
			"`length.min` (%d) is greater than `length.max` (%d)", l.Min, l.Max)
	}
}

func checkMedia(v *validator) {
	m := v.r.Media
	v.nonNegative("media.min_images", m.MinImages)
	v.nonNegative("media.min_width", m.MinWidth)
	v.nonNegative("media.min_height", m.MinHeight)
	if m.ReuseDistance < 0 || m.ReuseDistance > 64 {
		v.errorf("media.reuse_distance", "0 means identical hashes only; the default is 6",
			"`media.reuse_distance` must be between 0 and 64, got %d", m.ReuseDistance)
	}
	if m.ReuseTiles < 0 || m.ReuseTiles > 1 {
		v.errorf("media.reuse_tiles", "1 means every tile; the default is 1",
			"`media.reuse_tiles` must be between 0 and 1, got %g", m.ReuseTiles)
	}
}

func checkAuthors(v *validator) {
	a := v.r.Authors
	if a.MaxEntries < 0 {
		v.errorf("authors.max_entries", "use 0 for unlimited", "`authors.max_entries` must be 0 or more, got %d", a.MaxEntries)
	}
	v.oneOf("authors.keep", "keep", a.Keep, KeepFirst, KeepBest)
	v.nonEmptyItems("authors.blocklist", a.Blocklist)
}

func checkContent(v *validator) {
	c := v.r.Content
	v.unit("content.brief_threshold", c.BriefThreshold)
	v.unit("content.duplicate_threshold", c.DuplicateThreshold)
	v.nonEmptyItems("content.banned", c.Banned)
}

// unit checks a threshold lies in [0,1].
func (v *validator) unit(path string, x float64) {
	if x < 0 || x > 1 {
		v.errorf(path, "thresholds are similarities between 0 and 1, e.g. 0.8", "`%s` must be between 0 and 1, got %g", path, x)
	}
}

func hasSigil(tag string) bool {
	for _, sigil := range []string{"#", "$", "＃", "＄"} {
		if strings.HasPrefix(tag, sigil) {
			return true
		}
	}
	return false
}
