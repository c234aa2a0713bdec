package rules

import (
	"reflect"
	"strings"
	"sync"
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
