package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The rule file's documented limits. MaxListItems bounds one list (tags,
// banned words, keywords, tiers…): every tag is matched against every
// post. MaxValues bounds the values of the whole file, and aliasBudget
// the values reached through aliases, so an alias that expands a small
// file into a huge tree ("billion laughs") stops early instead of eating
// memory. A file over a limit is refused with a message naming it.
const (
	MaxListItems = 10_000
	MaxValues    = 1_000_000
	aliasBudget  = 100_000
)

// nodeBudget is what a decoder starts with; kept for Parse.
const nodeBudget = MaxValues

var amountType = reflect.TypeFor[Amount]()

// decoder fills Rules from a YAML node tree, collecting every problem.
type decoder struct {
	file   string
	errs   ErrorList
	pos    map[string]position
	bad    map[string]bool // paths whose value failed to decode, reported once
	budget int             // values left for the whole file; below 0: stopped
	// aliased counts the values reached through an alias while inAlias > 0.
	aliased, inAlias int
}

// parseYAML reads the single document in data.
func parseYAML(file string, data []byte) (root *yaml.Node, errs ErrorList) {
	defer func() {
		// The YAML library is third-party code; a panic in it must not take
		// the run down with it.
		if p := recover(); p != nil {
			root, errs = nil, ErrorList{{File: file, Msg: fmt.Sprintf("cannot read the rule file as YAML: %v", p)}}
		}
	}()
	if utf16NoBOM(data) {
		return nil, ErrorList{{File: file, Msg: "the rule file looks like UTF-16 without a byte-order mark",
			Hint: "save it as UTF-8 (or as UTF-16 with a BOM)"}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, ErrorList{emptyError(file)}
		}
		return nil, ErrorList{syntaxError(file, data, err)}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, ErrorList{syntaxError(file, data, err)}
	default:
		return nil, ErrorList{{File: file, Line: next.Line, Col: next.Column,
			Msg:  "a rule file holds one YAML document; found a second one",
			Hint: "remove the `---` line and what follows, or move it to its own file"}}
	}
	if len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return nil, ErrorList{emptyError(file)}
	}
	return doc.Content[0], nil
}

// utf16NoBOM spots UTF-16 the YAML library cannot detect: it needs the BOM, and
// without one it reports only "control characters are not allowed".
func utf16NoBOM(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	return len(data) >= 2 && (data[0] == 0 || data[1] == 0)
}

func emptyError(file string) *Error {
	return &Error{File: file, Msg: "the rule file is empty",
		Hint: "run `promo init` to write a commented rule file to start from"}
}

var (
	yamlLine      = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
)

func syntaxError(file string, data []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	e := &Error{File: file, Line: errorLine(data, msg, line), Msg: "invalid YAML: " + msg,
		Hint: "check indentation and quoting; a `#` starts a comment unless the value is quoted"}
	if strings.Contains(msg, "cannot start any token") {
		e.Hint = "YAML indents with spaces, not tabs; quote values that begin with `@`, `` ` `` or `%`"
	}
	return e
}

// parserProblems are the YAML parser's messages (as opposed to its
// scanner's), whose line numbers count from 0.
var parserProblems = []string{
	"did not find expected key", "did not find expected ',' or", "did not find expected node content",
	"did not find expected '-' indicator", "did not find expected <", "found duplicate %",
	"found incompatible YAML document", "found undefined tag handle",
}

// errorLine corrects the YAML library's line numbers: parser errors count
// lines from 0, scanner errors from 1, and either leaves the number out
// on the first line.
func errorLine(data []byte, msg string, line int) int {
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		for i, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, "*"+m[1]) {
				return i + 1
			}
		}
		return 0
	}
	for _, p := range parserProblems {
		if strings.HasPrefix(msg, p) {
			return line + 1
		}
	}
	return max(line, 1)
}

// decode fills v from n; path is the dotted key path ("length.min").
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if !d.spend(n) {
		return
	}
	if n.Kind == yaml.AliasNode {
		d.inAlias++
		defer func() { d.inAlias-- }()
	}
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value keeps the default
	}
	d.pos[path] = position{d.file, n.Line, n.Column}
	switch {
	case v.Type() == amountType:
		d.amount(n, v, path)
	case v.Kind() == reflect.Struct:
		d.mapping(n, v, path)
	case v.Kind() == reflect.Slice:
		d.sequence(n, v, path)
	default:
		d.scalar(n, v, path)
	}
}

// spend takes one value from the budgets; false (after one error) once the
// file holds more values than MaxValues or its aliases expand to more than
// aliasBudget.
func (d *decoder) spend(n *yaml.Node) bool {
	if d.budget < 0 {
		return false
	}
	d.budget--
	if d.inAlias > 0 || n.Kind == yaml.AliasNode {
		d.aliased++
	}
	switch {
	case d.aliased > aliasBudget:
		d.fail(n, fmt.Sprintf("the rule file expands to more than %d values through aliases (aliases?)", aliasBudget),
			"write the values out instead of repeating anchors")
	case d.budget < 0:
		d.fail(n, fmt.Sprintf("the rule file holds more than %d values, the limit", MaxValues),
			"shorten its lists; see the limits in the rule-file reference")
	default:
		return true
	}
	d.budget = -1
	return false
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) {
	fields := fieldIndex(v.Type())
	if n.Kind != yaml.MappingNode {
		d.wrongType(n, path, "a mapping with the keys "+keyList(v.Type()))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name, ok := d.key(k, path, seen)
		if !ok {
			continue
		}
		idx, known := fields[name]
		if !known {
			d.unknownKey(k, name, path, v.Type())
			continue
		}
		if d.tagComment(k, val, joinPath(path, name)) {
			continue
		}
		d.decode(val, v.Field(idx), joinPath(path, name))
	}
}

// tagLists are the keys whose values are tags, which an unquoted `#` turns into a comment.
var tagLists = map[string]bool{"tags.all_of": true, "tags.any_of": true}

// tagComment reports `all_of: #Gate#`: YAML reads the tag as a comment and the list as
// empty, which would silently drop the tag requirement.
func (d *decoder) tagComment(k, val *yaml.Node, path string) bool {
	if !tagLists[path] || val.Kind != yaml.ScalarNode || val.Tag != "!!null" || val.Value != "" {
		return false
	}
	c := strings.TrimSpace(k.LineComment + val.LineComment)
	// "# none yet" is a comment; a tag has no space after its `#`, or ends with one.
	if c == "" || (strings.HasPrefix(c, "# ") && !strings.HasSuffix(c, "#")) {
		return false
	}
	d.bad[path] = true
	d.fail(k, fmt.Sprintf("`%s` is empty: YAML read `%s` as a comment", path, c),
		fmt.Sprintf("write the tag in quotes: %s: [%q]", k.Value, c))
	return true
}

// key checks a mapping key: a plain name, not a merge, not a repeat.
func (d *decoder) key(k *yaml.Node, path string, seen map[string]*yaml.Node) (string, bool) {
	if k.Kind != yaml.ScalarNode {
		d.fail(k, fmt.Sprintf("keys in `%s` must be plain names", displayPath(path)), "")
		return "", false
	}
	if k.Value == "<<" && k.Tag == "!!merge" {
		d.fail(k, "merge keys (`<<`) are not supported", "write the keys out")
		return "", false
	}
	if first, dup := seen[k.Value]; dup {
		d.fail(k, fmt.Sprintf("duplicate key `%s`", joinPath(path, k.Value)),
			fmt.Sprintf("it is already set on line %d; keep one", first.Line))
		return "", false
	}
	seen[k.Value] = k
	return k.Value, true
}

func (d *decoder) unknownKey(k *yaml.Node, name, path string, t reflect.Type) {
	msg := fmt.Sprintf("unknown key `%s`", name)
	if path != "" {
		msg += fmt.Sprintf(" in `%s`", path)
	}
	hint := ""
	if s := suggest(name, keysOf(t)); s != "" {
		hint = fmt.Sprintf("did you mean `%s`?", s)
	} else if elsewhere := findKey(name); elsewhere != "" {
		hint = fmt.Sprintf("did you mean `%s`?", elsewhere)
	} else {
		hint = "valid keys here: " + keyList(t)
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: k.Line, Col: k.Column, Msg: msg, Hint: hint})
}

func (d *decoder) sequence(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.SequenceNode {
		d.wrongType(n, path, "a list")
		return
	}
	if len(n.Content) > MaxListItems {
		d.bad[path] = true
		d.fail(n, fmt.Sprintf("`%s` lists %d values; a list in the rule file holds at most %d", path, len(n.Content), MaxListItems),
			"keep the list under the limit, e.g. only the tags posts must carry")
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
	}
	v.Set(s)
}

func (d *decoder) scalar(n *yaml.Node, v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.wrongType(n, path, "a text")
			return
		}
		v.SetString(n.Value)
	case reflect.Int:
		d.integer(n, v, path)
	case reflect.Float64:
		d.float(n, v, path)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.wrongType(n, path, "true or false")
			return
		}
		var b bool
		if err := n.Decode(&b); err != nil {
			d.wrongType(n, path, "true or false")
			return
		}
		v.SetBool(b)
	}
}

func (d *decoder) integer(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.wrongType(n, path, "a whole number")
		return
	}
	var i int64
	if err := n.Decode(&i); err != nil || i > math.MaxInt32 || i < math.MinInt32 {
		d.bad[path] = true
		what := "too large"
		if strings.HasPrefix(n.Value, "-") {
			what = "too small"
		}
		d.fail(n, fmt.Sprintf("`%s` is %s, got %s", path, what, n.Value), "")
		return
	}
	v.SetInt(i)
}

func (d *decoder) float(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.wrongType(n, path, "a number")
		return
	}
	var f float64
	if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		d.wrongType(n, path, "a finite number")
		return
	}
	v.SetFloat(f)
}

// amount keeps a string or number as text; validation parses it.
func (d *decoder) amount(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float") {
		d.wrongType(n, path, `an amount such as "1250" or "92.85"`)
		return
	}
	v.SetString(n.Value)
}

func (d *decoder) wrongType(n *yaml.Node, path, want string) {
	what := "the rule file"
	if path != "" {
		what = "`" + path + "`"
	}
	d.bad[path] = true
	d.fail(n, fmt.Sprintf("%s must be %s, got %s", what, want, describe(n)), "")
}

func (d *decoder) fail(n *yaml.Node, msg, hint string) {
	d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Col: n.Column, Msg: msg, Hint: hint})
}

// describe names what a node holds, for "got ..." in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	v := n.Value
	if len([]rune(v)) > 40 {
		v = string([]rune(v)[:40]) + "…"
	}
	if n.Tag == "!!str" {
		return strconv.Quote(v)
	}
	return v
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func displayPath(path string) string {
	if path == "" {
		return "the rule file"
	}
	return path
}
