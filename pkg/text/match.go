package text

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
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
	return new(Preparer).Prepare(s, f)
}

// Preparer prepares posts one after another, reusing its buffers: once
// they have grown, preparing a post allocates nothing. The zero value is
// ready to use; a Preparer is not safe for concurrent use.
type Preparer struct {
	p      Prepared
	norm   normBuf
	sc     scanner
	weibo  []Tag
	both   []Tag
	arena  []byte // the folded text, then each tag's folded body
	bodies []int  // start and end of each body in arena
	memo   [4]foldedBody
	misses int
}

// foldedBody remembers the fold of a tag's body: a campaign's posts carry
// the same few tags, whose bodies need not be folded post after post.
type foldedBody struct {
	fold        Fold
	raw, folded []byte
	set         bool
}

// appendBody appends body folded with f to dst, as f.appendApply does,
// from pr.memo when the body was folded before.
func (pr *Preparer) appendBody(dst []byte, body string, f Fold) []byte {
	for k := range pr.memo {
		if m := &pr.memo[k]; m.set && m.fold == f && string(m.raw) == body {
			return append(dst, m.folded...)
		}
	}
	start := len(dst)
	dst = f.appendApply(dst, body)
	m := &pr.memo[pr.misses%len(pr.memo)]
	pr.misses++
	m.fold, m.set = f, true
	m.raw = append(m.raw[:0], body...)
	m.folded = append(m.folded[:0], dst[start:]...)
	return dst
}

// Prepare is the package-level Prepare with pr's buffers. The Prepared it
// returns, and every string it gives, are valid until pr's next Prepare.
func (pr *Preparer) Prepare(s string, f Fold) *Prepared {
	t := normalizeInto(s, &pr.norm)
	pr.arena = f.appendApply(pr.arena[:0], t)
	return pr.finish(t, f, findURLs(t, pr.sc.urls[:0]), findSigils(t, pr.sc.sigils[:0]))
}

// finish reads the tags of t, whose folded text fills pr.arena and whose
// URLs and sigils are urls and sigils, and folds their bodies after it.
func (pr *Preparer) finish(t string, f Fold, urls []Span, sigils []int32) *Prepared {
	pr.sc.urls, pr.sc.sigils = urls, sigils
	folded := len(pr.arena)
	pr.both = pr.readBoth(t, urls, sigils)
	pr.bodies = pr.bodies[:0]
	for _, tg := range pr.both {
		start := len(pr.arena)
		pr.arena = pr.appendBody(pr.arena, tagBody(tg.Text, tg.Kind), f)
		pr.bodies = append(pr.bodies, start, len(pr.arena))
	}
	// Views into arena, taken once it has stopped growing.
	p := &pr.p
	*p = Prepared{fold: f, text: t, folded: bytesString(pr.arena[:folded]), tags: p.tags[:0]}
	for i, tg := range pr.both {
		body := bytesString(pr.arena[pr.bodies[2*i]:pr.bodies[2*i+1]])
		if f.Space {
			body = strings.TrimSpace(body) // as foldBody does
		}
		p.tags = append(p.tags, preparedTag{tag: tg, folded: body})
	}
	return p
}

// readBoth is the package-level readBoth with pr's buffers and t's URLs
// and sigils.
func (pr *Preparer) readBoth(t string, urls []Span, sigils []int32) []Tag {
	pr.sc.out = specialsWith(t, urls, sigils, SyntaxWeibo, pr.sc.out[:0])
	pr.weibo = tagsOf(t, pr.sc.out, pr.weibo[:0])
	out := pr.both[:0]
	for _, tg := range pr.weibo {
		if tg.Kind == Topic || tg.Kind == Cashtag {
			out = append(out, tg)
		}
	}
	weibo := len(out)
	pr.sc.out = specialsWith(t, urls, sigils, SyntaxTwitter, pr.sc.out[:0])
	out = tagsOf(t, pr.sc.out, out)
	// Keep the Twitter reading's hashtags, and its cashtags that the Weibo
	// reading did not find at the same place.
	n := weibo
	for _, tg := range out[weibo:] {
		if tg.Kind == Hashtag || tg.Kind == Cashtag && !weiboCashtagAt(out[:weibo], tg.Start) {
			out[n] = tg
			n++
		}
	}
	out = out[:n]
	sortTags(out)
	return out
}

func weiboCashtagAt(tags []Tag, start int) bool {
	for _, tg := range tags {
		if tg.Kind == Cashtag && tg.Start == start {
			return true
		}
	}
	return false
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
	case strings.IndexFunc(text[n:], isSpaceRune) >= 0:
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
