package rules

import (
	"reflect"
	"strings"
	"sync"

	"github.com/promo-cli/promo/pkg/export"
)

// yamlName is the key a struct field decodes from, or "" for fields that
// are not in the file.
func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" || name == "" {
		return ""
	}
	return name
}

// fieldIndex maps each key of a struct type to its field index.
func fieldIndex(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := range t.NumField() {
		if name := yamlName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	return m
}

// keysOf lists the keys of a struct type in declaration order.
func keysOf(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		if name := yamlName(t.Field(i)); name != "" {
			keys = append(keys, name)
		}
	}
	return keys
}

func keyList(t reflect.Type) string {
	return strings.Join(keysOf(t), ", ")
}

// keyPaths lists every key a rule file may hold, dotted ("length.min"),
// with "[]" marking list items ("scoring.topics[].name").
var keyPaths = sync.OnceValue(func() []string {
	var out []string
	walkKeys(reflect.TypeFor[Rules](), "", func(path string) { out = append(out, path) })
	return out
})

func walkKeys(t reflect.Type, prefix string, visit func(string)) {
	for i := range t.NumField() {
		f := t.Field(i)
		name := yamlName(f)
		if name == "" {
			continue
		}
		path := joinPath(prefix, name)
		visit(path)
		ft := f.Type
		if ft.Kind() == reflect.Slice {
			ft = ft.Elem()
			path += "[]"
		}
		if ft.Kind() == reflect.Struct {
			walkKeys(ft, path, visit)
		}
	}
}

// findKey finds a key that exists under another section, for the hint on
// a key put at the wrong level ("min" at the top is "length.min").
func findKey(name string) string {
	var found []string
	for _, p := range keyPaths() {
		last := p[strings.LastIndex(p, ".")+1:]
		if normKey(last) == normKey(name) {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		return ""
	}
	return strings.Join(found, "` or `")
}

// fieldsIndex maps each key of the rule file's fields map to its field.
var fieldsIndex = sync.OnceValue(func() map[string]int { return fieldIndex(reflect.TypeFor[Fields]()) })

// fieldColumn is a canonical field and the column the rule file names for it.
type fieldColumn struct{ field, column string }

// columns lists every field export reads, in its order, with the column f
// names for it ("" for the default name and aliases). The names come from
// export, so the rule file and the reader cannot disagree on them; a field
// export knows and Fields lacks is a test failure, not a silent default.
func (f Fields) columns() []fieldColumn {
	v := reflect.ValueOf(f)
	names := export.FieldNames()
	out := make([]fieldColumn, len(names))
	for i, name := range names {
		out[i] = fieldColumn{name, v.Field(fieldsIndex()[name]).String()}
	}
	return out
}

// Map returns the columns f names, by canonical field name, as
// export.Options.Fields takes them; fields left empty are absent.
func (f Fields) Map() map[string]string {
	m := map[string]string{}
	for _, c := range f.columns() {
		if c.column != "" {
			m[c.field] = c.column
		}
	}
	return m
}
