package check

import (
	"fmt"
	"strings"

	"github.com/promo-cli/promo/pkg/text"
)

// tagCheck reports missing-tag: every all_of tag must appear, and one of
// any_of when it is set. Tags are compiled once with the rule's folds.
type tagCheck struct {
	allOf []*text.TagRule
	anyOf []*text.TagRule
	// missing holds per all_of tag the message of a post without it,
	// made once rather than for every such post.
	missing []string
}

func newTagCheck(allOf, anyOf []string, fold text.Fold) (*tagCheck, error) {
	c := &tagCheck{}
	var err error
	if c.allOf, err = compileTags(allOf, fold); err != nil {
		return nil, err
	}
	if c.anyOf, err = compileTags(anyOf, fold); err != nil {
		return nil, err
	}
	for _, r := range c.allOf {
		c.missing = append(c.missing, "missing "+r.Text())
	}
	return c, nil
}

func compileTags(tags []string, fold text.Fold) ([]*text.TagRule, error) {
	out := make([]*text.TagRule, 0, len(tags))
	for _, t := range tags {
		r, err := text.CompileTag(t, fold)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (c *tagCheck) Run(s *Subject, out []Reason) []Reason {
	for i, r := range c.allOf {
		if r.Match(s.Prepared) {
			if s.Verbose {
				out = passIf(s, out, MissingTag, "has "+r.Text(), r.Text(), r.Text())
			}
			continue
		}
		out = append(out, missingTag(s, r, c.missing[i]))
	}
	if len(c.anyOf) == 0 {
		return out
	}
	for _, r := range c.anyOf {
		if r.Match(s.Prepared) {
			if !s.Verbose {
				return out
			}
			return passIf(s, out, MissingTag, "has "+r.Text()+", one of the tags asked for", r.Text(), "one of "+strings.Join(tagTexts(c.anyOf), ", "))
		}
	}
	return append(out, Reason{
		Code:    MissingTag,
		Message: "none of the tags " + strings.Join(tagTexts(c.anyOf), ", "),
		Limit:   "one of " + strings.Join(tagTexts(c.anyOf), ", "),
	})
}

// missingTag is the reason of a post without r, whose message is msg
// unless the subject is being explained.
func missingTag(s *Subject, r *text.TagRule, msg string) Reason {
	reason := Reason{Code: MissingTag, Message: msg, Limit: r.Text()}
	if s.Verbose {
		if miss, ok := r.Closest(s.Post.Content); ok {
			reason.Measured = miss.Found
			reason.Message = fmt.Sprintf("missing %s: %s (line %d)", r.Text(), miss.Reason, miss.Line)
		}
	}
	return reason
}

func tagTexts(rs []*text.TagRule) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Text()
	}
	return out
}

// passIf records a passed check when the subject is being explained,
// with the limit it was held to, as a failure would show it.
func passIf(s *Subject, out []Reason, code Code, msg, measured, limit string) []Reason {
	if !s.Verbose {
		return out
	}
	return append(out, Reason{Code: code, Message: msg, Measured: measured, Limit: limit, Pass: true})
}
