package export

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/promo-cli/promo/pkg/internal/words"
	"go.yaml.in/yaml/v3"
)

// readText reads a .txt or .md file as one post: optional YAML front matter between
// "---" lines gives the fields, the body is the content.
func readText(r io.Reader, b *builder, emit func(Post) error) error {
	max := b.opt.maxRecord()
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return err
	}
	if len(data) > max {
		// Count the rest without keeping it: the file is one record.
		rest, err := io.Copy(io.Discard, r)
		if err != nil {
			return err
		}
		p := b.unreadable(1, tooLong(len(data)+int(rest), max))
		p.ID, p.NoID = b.name, false // a text file's id is its name
		return emit(p)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if n := strings.Count(text, "\ufeff"); n > 0 {
		text = strings.ReplaceAll(text, "\ufeff", "")
		b.opt.note(fmt.Sprintf("%s: removed %d byte-order %s inside the file", b.file, n, words.Plural(n, "mark", "marks")))
	}
	front, body, err := splitFrontMatter(text)
	var rec record
	var probs []string
	if err != nil {
		probs = append(probs, err.Error())
	} else if err := b.frontMatter(front, &rec); err != nil {
		probs = append(probs, err.Error())
	}
	body = strings.TrimSpace(body)
	if body != "" || !rec.set[fContent] {
		rec.put(slot{fContent, -1, ""}, "", val{kind: kText, str: body})
	}
	if !rec.set[fID] {
		rec.put(slot{fID, -1, ""}, "", val{kind: kText, str: b.name})
	}
	p := b.post(&rec, 1)
	if p.Unreadable != "" {
		probs = append(probs, p.Unreadable)
	}
	p.Unreadable = strings.Join(probs, "; ")
	return emit(p)
}

// splitFrontMatter cuts "---\n...\n---\n" off the top of a text; a text without it is all body.
func splitFrontMatter(text string) (front, body string, err error) {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		return "", text, nil
	}
	for off := 0; off < len(rest); {
		line, _, more := strings.Cut(rest[off:], "\n")
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			end := off + len(line)
			if more {
				end++
			}
			return rest[:off], rest[end:], nil
		}
		off += len(line) + 1
	}
	return "", text, fmt.Errorf("the front matter opened by --- on line 1 is never closed; add a line holding only --- after the fields")
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// frontMatter puts the fields of the front matter into rec.
func (b *builder) frontMatter(front string, rec *record) error {
	if strings.TrimSpace(front) == "" {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(front), &doc); err != nil {
		// The YAML starts on line 2 of the file.
		msg := yamlLine.ReplaceAllStringFunc(err.Error(), func(m string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
			return "line " + strconv.Itoa(n+1)
		})
		return fmt.Errorf("front matter is not valid YAML (%s); fix it or remove it", strings.TrimPrefix(msg, "yaml: "))
	}
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fmt.Errorf("front matter must be \"key: value\" lines, like \"id: 42\"")
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := m.Content[i].Value
		s, ok := b.fields.lookup(key)
		b.seen.see(key, s, ok)
		if ok {
			rec.put(s, strings.ToLower(key), yamlVal(m.Content[i+1], 0))
		}
	}
	return nil
}

// yamlVal keeps scalars as written ("007" stays "007") and does not follow aliases
// into collections, so a small file cannot expand into a huge value.
func yamlVal(n *yaml.Node, depth int) val {
	if n.Kind == yaml.AliasNode && n.Alias != nil && n.Alias.Kind == yaml.ScalarNode {
		n = n.Alias
	}
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return val{}
	case n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float"):
		return val{kind: kNumber, str: n.Value}
	case n.Kind == yaml.ScalarNode:
		return val{kind: kText, str: n.Value}
	case n.Kind == yaml.SequenceNode && depth < maxNest:
		v := val{kind: kList}
		for _, c := range n.Content {
			v.list = append(v.list, yamlVal(c, depth+1))
		}
		return v
	case n.Kind == yaml.MappingNode && depth < maxNest:
		v := val{kind: kObject, obj: map[string]val{}}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v.obj[strings.ToLower(n.Content[i].Value)] = yamlVal(n.Content[i+1], depth+1)
		}
		return v
	}
	return val{}
}
