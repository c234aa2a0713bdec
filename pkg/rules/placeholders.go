package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// placeholderToken is the token `promo init` writes when the announcement
// names none; no real campaign pays in it.
const placeholderToken = "TOKEN"

// Placeholders lists the values `promo init` left for the operator to set:
// every key whose line still carries a "TODO" comment (the name, the
// window, the tags, the minimum length, the images, the brief, the pool,
// the token, the winners) and the placeholder token. A rule file straight
// from init is valid, so without this it would judge and pay as if it
// were finished. The problems are in file order; nil when there are none.
func (r *Rules) Placeholders() []*Error {
	root, errs := parseYAML(r.Path, r.data)
	if errs != nil || root == nil {
		return nil
	}
	var out []*Error
	walkComments(root, "", func(path string, key, value *yaml.Node) {
		note := todoNote(key.LineComment, value.LineComment)
		if note == "" || r.overridden(path) {
			return
		}
		out = append(out, &Error{File: r.Path, Line: key.Line, Col: key.Column,
			Msg:  fmt.Sprintf("`%s` is still a placeholder from promo init (%s)", path, note),
			Hint: "set the value, then delete the TODO comment"})
	})
	if r.Rewards.Token == placeholderToken && !slices.ContainsFunc(out, func(e *Error) bool { return strings.Contains(e.Msg, "`rewards.token`") }) {
		p := r.pos["rewards.token"]
		out = append(out, &Error{File: r.Path, Line: p.line, Col: p.col,
			Msg:  "`rewards.token` is still the placeholder \"TOKEN\" from promo init",
			Hint: "name the token paid, e.g. token: ES"})
	}
	slices.SortStableFunc(out, func(a, b *Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	return out
}

// walkComments calls f for each key of every mapping under n, with its
// dotted path.
func walkComments(n *yaml.Node, prefix string, f func(path string, key, value *yaml.Node)) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			path := k.Value
			if prefix != "" {
				path = prefix + "." + k.Value
			}
			f(path, k, v)
			walkComments(v, path, f)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkComments(c, prefix+"["+strconv.Itoa(i)+"]", f)
		}
	}
}

// todoNote is the text of a "# TODO: …" comment, or "".
func todoNote(comments ...string) string {
	for _, c := range comments {
		c = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c), "#"))
		if strings.HasPrefix(c, "TODO") {
			return c
		}
	}
	return ""
}

// overridden reports whether a flag set the value at path for this run.
func (r *Rules) overridden(path string) bool {
	return strings.HasPrefix(r.pos[path].file, "--")
}
