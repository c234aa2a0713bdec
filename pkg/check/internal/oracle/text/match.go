package text

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	etext "github.com/promo-cli/promo/pkg/text"
)

// Prepared is a post made ready, once, for matching under one Fold: its
// tags in both syntaxes (topics read as Weibo, hashtags read as Twitter,
// cashtags), each folded once, and its whole folded text for phrases.
type Prepared struct {
	fold   Fold
	text   string // Normalize(s)
	folded string // fold.Apply(text)
	tags   []preparedTag
}

type preparedTag struct {
	tag    Tag
	folded string // the folded body, sigils left out
}

// Prepare reads s's tags and folds them and s with f.
func Prepare(s string, f Fold) *Prepared {
	p := &Prepared{fold: f, text: Normalize(s)}
	p.folded = f.Apply(p.text)
	for _, tg := range readBoth(p.text) {
		p.tags = append(p.tags, preparedTag{tag: tg, folded: foldBody(tagBody(tg.Text, tg.Kind), f)})
	}
	return p
}

// Tags returns the post's tags in both readings, in order of position.
func (p *Prepared) Tags() []Tag {
	out := make([]Tag, len(p.tags))
	for i, pt := range p.tags {
		out[i] = pt.tag
	}
	return out
}

// Text returns the normalized text the post's offsets refer to.
func (p *Prepared) Text() string { return p.text }

// Folded returns the post's text folded as its tags are.
func (p *Prepared) Folded() string { return p.folded }

// readBoth returns the topics of t read as Weibo, the hashtags of t read as
// Twitter and the cashtags of either reading, ordered by position.
func readBoth(t string) []Tag {
	var sc scanner
	weibo := tagsOf(t, sc.specials(t, SyntaxWeibo, true), nil)
	twitter := tagsOf(t, sc.specials(t, SyntaxTwitter, true), nil)
	out := make([]Tag, 0, len(weibo)+len(twitter))
	seen := map[int]bool{}
	for _, tg := range weibo {
		if tg.Kind == Topic || tg.Kind == Cashtag {
			out = append(out, tg)
			if tg.Kind == Cashtag {
				seen[tg.Start] = true
			}
		}
	}
	for _, tg := range twitter {
		if tg.Kind == Hashtag || tg.Kind == Cashtag && !seen[tg.Start] {
			out = append(out, tg)
		}
	}
	sortTags(out)
	return out
}

func sortTags(ts []Tag) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && (ts[j].Start < ts[j-1].Start || ts[j].Start == ts[j-1].Start && ts[j].Kind < ts[j-1].Kind); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// foldBody folds a tag's body; with the space fold, white space at its
// ends goes too ("#话题 #" reads as "#话题#").
func foldBody(body string, f Fold) string {
	b := f.Apply(body)
	if f.Space {
		b = strings.TrimSpace(b)
	}
	return b
}

// TagRule is a required tag from a rule file, compiled once.
type TagRule struct {
	text   string
	kind   TagKind
	fold   Fold
	folded string
}

// CompileTag compiles a rule's tag, written with its sigils: "#话题#" or
// "#Gate Alpha 第三届积分狂欢节 & ES Launchpool#" (a topic), "#ES" (a
// hashtag), "$ES" (a cashtag). It fails when rule is not exactly one tag.
func CompileTag(rule string, f Fold) (*TagRule, error) {
	text := strings.TrimSpace(Normalize(rule))
	kind, err := parseTagRule(text)
	if err != nil {
		return nil, err
	}
	r := &TagRule{text: text, kind: kind, fold: f, folded: foldBody(tagBody(text, kind), f)}
	if r.folded == "" {
		return nil, fmt.Errorf("tag %q is empty once folded: write visible words between its sigils", text)
	}
	return r, nil
}

// parseTagRule says which kind of tag text is, or why it is not one tag.
func parseTagRule(text string) (TagKind, error) {
	if text == "" {
		return 0, errors.New(`empty tag: write one with its sigils, e.g. "#话题#", "#ES" or "$ES"`)
	}
	whole := func(syn Syntax) (TagKind, bool) {
		var sc scanner
		tags := tagsOf(text, sc.specials(text, syn, true), nil)
		if len(tags) == 1 && tags[0].Start == 0 && tags[0].End == len(text) {
			return tags[0].Kind, true
		}
		return 0, false
	}
	switch sigil, n := sigilAt(text, 0); sigil {
	case '#':
		if k, ok := whole(SyntaxWeibo); ok && k == Topic {
			return Topic, nil
		}
		if k, ok := whole(SyntaxTwitter); ok && k == Hashtag {
			return Hashtag, nil
		}
		return 0, hashRuleError(text, n)
	case '$':
		if k, ok := whole(SyntaxTwitter); ok && k == Cashtag {
			return Cashtag, nil
		}
		return 0, fmt.Errorf(`%q is not a cashtag: write $ and 1–6 letters, optionally "." or "_" and 1–2 more, e.g. "$ES"`, text)
	case '@':
		return 0, fmt.Errorf("%q is a mention, not a tag: write a tag such as %q or %q", text, "#"+text[n:]+"#", "#"+text[n:])
	}
	return 0, fmt.Errorf("tag %q has no sigil: write %q for a topic, %q for a hashtag or %q for a cashtag", text, "#"+text+"#", "#"+text, "$"+text)
}

// hashRuleError explains why text, which starts with '#', is neither one
// topic nor one hashtag.
func hashRuleError(text string, n int) error {
	hashes := 0
	for i := 0; i < len(text); {
		if ok, m := isHashSigil(text, i); ok {
			hashes++
			i += m
			continue
		}
		i++
	}
	last := lastRune(text)
	closed := hashes >= 2 && (last == '#' || last == '＃')
	switch {
	case strings.ContainsAny(text, "\n\r\u2028\u2029"):
		return fmt.Errorf("tag %q spans lines: write it on one line", text)
	case closed && hashes == 2:
		return fmt.Errorf("tag %q is empty: write the topic's words between its # signs", text)
	case hashes > 2 || hashes == 2 && !closed:
		return fmt.Errorf("%q holds more than one tag: list each tag as its own entry", text)
	case strings.IndexFunc(text[n:], etext.IsSpace) >= 0:
		return fmt.Errorf("tag %q has spaces but no closing #: write %q for a topic", text, text+"#")
	}
	return fmt.Errorf("%q is not a hashtag: write # then letters, digits or _, e.g. \"#ES\", or %q for a topic", text, text+"#")
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// Text returns the rule's tag as written (trimmed, in NFC).
func (r *TagRule) Text() string { return r.text }

// Closest explains a miss with the engine's near-miss finder: not logic
// the scanner replaced.
func (r *TagRule) Closest(content string) (etext.NearMiss, bool) {
	er, err := etext.CompileTag(r.text, etext.Fold(r.fold))
	if err != nil {
		return etext.NearMiss{}, false
	}
	return er.Closest(content)
}

// Kind returns the rule's kind of tag.
func (r *TagRule) Kind() TagKind { return r.kind }

// Match reports whether the post holds the tag: a whole tag of the same
// kind whose folded text equals the rule's. "#ESLaunchpool" never satisfies
// "#ES", and a topic never satisfies a hashtag rule.
func (r *TagRule) Match(p *Prepared) bool {
	for _, pt := range p.tags {
		if pt.tag.Kind != r.kind {
			continue
		}
		folded := pt.folded
		if p.fold != r.fold {
			folded = foldBody(tagBody(pt.tag.Text, pt.tag.Kind), r.fold)
		}
		if folded == r.folded {
			return true
		}
	}
	return false
}

// FindTags returns the tags of s read in the given syntax, in order.
func FindTags(s string, syn Syntax) []Tag {
	var sc scanner
	t := Normalize(s)
	return tagsOf(t, sc.specials(t, syn, true), nil)
}

// tagsOf returns the tags among the spans of t, with the line each starts
// on.
func tagsOf(t string, spans []Span, dst []Tag) []Tag {
	for _, sp := range spans {
		if sp.Kind != SpanTag {
			continue
		}
		text := t[sp.Start:sp.End]
		kind := Hashtag
		if c, _ := sigilAt(text, 0); c == '$' {
			kind = Cashtag
		} else if r := lastRune(text); r == '#' || r == '＃' {
			kind = Topic
		}
		line := 1 + strings.Count(t[:sp.Start], "\n")
		dst = append(dst, Tag{Kind: kind, Text: text, Start: sp.Start, End: sp.End, Line: line})
	}
	return dst
}

// tagBody returns a tag's text without its sigils.
func tagBody(text string, kind TagKind) string {
	_, n := sigilAt(text, 0)
	body := text[n:]
	if kind == Topic {
		body = body[:len(body)-len(string(lastRune(body)))]
	}
	return body
}
