package htmlreport

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/text"
)

// highlighter marks a post's text: the tags the rules ask for, other
// tags, the URLs and mentions the length leaves out, and where a
// required tag was nearly written.
type highlighter struct {
	tags []*text.TagRule
	fold text.Fold
}

func newHighlighter(r *rules.Rules) *highlighter {
	h := &highlighter{fold: r.Tags.Fold}
	for _, t := range slices.Concat(r.Tags.AllOf, r.Tags.AnyOf) {
		if tr, err := text.CompileTag(t, r.Tags.Fold); err == nil { // the rules were checked already
			h.tags = append(h.tags, tr)
		}
	}
	return h
}

// span is a marked byte range of the normalized text.
type span struct {
	kind       string
	start, end int
	rule       string // near: the tag the rule asks for
}

// segments splits the post's text (normalized, as the checks read it)
// into runs to show, given the entry's explanation.
func (h *highlighter) segments(content string, checks []check.Reason) []Segment {
	t := text.Normalize(content)
	var marks []span
	for _, sp := range text.Tokenize(content, text.SyntaxAuto, nil) {
		if sp.End > len(t) {
			break
		}
		switch sp.Kind {
		case text.SpanTag:
			marks = append(marks, span{kind: h.tagKind(t[sp.Start:sp.End]), start: sp.Start, end: sp.End})
		case text.SpanURL:
			marks = append(marks, span{kind: "url", start: sp.Start, end: sp.End})
		case text.SpanMention:
			marks = append(marks, span{kind: "mention", start: sp.Start, end: sp.End})
		}
	}
	for _, r := range checks {
		if r.Code != check.MissingTag || r.Pass || r.Measured == "" {
			continue
		}
		if at := strings.Index(t, r.Measured); at >= 0 {
			marks = overlay(marks, span{kind: "near", start: at, end: at + len(r.Measured), rule: r.Limit})
		}
	}
	return cut(t, marks)
}

func (h *highlighter) tagKind(tag string) string {
	p := text.Prepare(tag, h.fold)
	for _, r := range h.tags {
		if r.Match(p) {
			return "tag"
		}
	}
	return "tag-other"
}

// overlay puts m over the marks it overlaps, which it replaces.
func overlay(marks []span, m span) []span {
	out := marks[:0:0]
	for _, s := range marks {
		if s.end <= m.start || s.start >= m.end {
			out = append(out, s)
		}
	}
	out = append(out, m)
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	return out
}

// cut turns sorted, non-overlapping marks into segments covering t.
func cut(t string, marks []span) []Segment {
	var out []Segment
	at := 0
	for _, m := range marks {
		if m.start > at {
			out = append(out, Segment{Text: t[at:m.start]})
		}
		seg := Segment{Kind: m.kind, Text: t[m.start:m.end]}
		if m.kind == "near" {
			seg.Text, seg.Diff, seg.Tail = differing(seg.Text, m.rule)
		}
		out = append(out, seg)
		at = m.end
	}
	if at < len(t) {
		out = append(out, Segment{Text: t[at:]})
	}
	return out
}

// differing splits found into the prefix and suffix it shares with want
// and the runes between, which are what makes it miss.
func differing(found, want string) (head, diff, tail string) {
	p := 0
	for p < len(found) && p < len(want) {
		r1, n1 := utf8.DecodeRuneInString(found[p:])
		r2, n2 := utf8.DecodeRuneInString(want[p:])
		if r1 != r2 || n1 != n2 {
			break
		}
		p += n1
	}
	s := 0
	for s < len(found)-p && s < len(want)-p {
		r1, n1 := utf8.DecodeLastRuneInString(found[:len(found)-s])
		r2, n2 := utf8.DecodeLastRuneInString(want[:len(want)-s])
		if r1 != r2 || n1 != n2 {
			break
		}
		s += n1
	}
	return found[:p], found[p : len(found)-s], found[len(found)-s:]
}
