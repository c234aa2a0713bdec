package check

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/integrity"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/text"
)

// Checker runs every per-post check of one campaign. It is built once and
// is safe for concurrent use; each worker brings its own Workspace.
type Checker struct {
	checks []Check
	fold   text.Fold
	unit   text.Unit
	ex     text.Exclude
	topics []topicSet
	brief  *integrity.Brief
}

type topicSet struct {
	name    string
	phrases *text.PhraseSet
}

// Workspace holds the buffers one worker reuses from post to post.
type Workspace struct {
	measurer text.Measurer
	signer   integrity.Signer
	spans    []text.Span
	clean    strings.Builder
	ctx      context.Context // set by SetContext; cancels image decoding
}

// New compiles the checks the rules ask for.
func New(r *rules.Rules) (*Checker, error) {
	fold := r.Tags.Fold
	c := &Checker{fold: fold, unit: r.Length.Unit, ex: r.Length.Exclude}
	tags, err := newTagCheck(r.Tags.AllOf, r.Tags.AnyOf, fold)
	if err != nil {
		return nil, err
	}
	c.checks = append(c.checks, tags, &lengthCheck{
		min: r.Length.Min, max: r.Length.Max, unit: r.Length.Unit, excluded: excludedNote(r.Length.Exclude),
	})
	c.checks = append(c.checks, &mediaCheck{
		minImages: r.Media.MinImages, verify: r.Media.Verify, minWidth: r.Media.MinWidth, minHeight: r.Media.MinHeight,
		hash: r.Media.Verify, cache: newImageCache(),
	})
	if r.Window.Set {
		c.checks = append(c.checks, newWindowCheck(r.Window.Start, r.Window.End, r.Window.Location))
	}
	if len(r.Authors.Blocklist) > 0 {
		c.checks = append(c.checks, newBlockCheck(r.Authors.Blocklist, fold))
	}
	if len(r.Content.Banned) > 0 {
		c.checks = append(c.checks, &bannedCheck{phrases: text.CompilePhrases(r.Content.Banned, fold)})
	}
	for _, t := range r.Scoring.Topics {
		c.topics = append(c.topics, topicSet{name: t.Name, phrases: text.CompilePhrases(t.Keywords, fold)})
	}
	if err := c.loadBrief(r.Content.BriefPath, r.Content.BriefThreshold); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Checker) loadBrief(path string, threshold float64) error {
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading the brief: %w", err)
	}
	var ws Workspace
	c.brief = integrity.NewBrief(c.cleaned(&ws, text.Prepare(string(data), c.fold)))
	c.checks = append(c.checks, &briefCheck{threshold: threshold})
	return nil
}

// Inspect checks one post and returns its entry. With verbose, passed
// checks are recorded too (for explain).
func (c *Checker) Inspect(p *export.Post, ws *Workspace, verbose bool) Entry {
	e := Entry{ID: p.ID, Author: p.Author, File: p.File, Line: p.Line, CreatedAt: p.CreatedAt, HasTime: p.HasTime}
	if p.Unreadable != "" {
		e.Reasons = []Reason{{Code: Unreadable, Message: p.Unreadable}}
		return e
	}
	s := &Subject{Post: p, Prepared: text.Prepare(p.Content, c.fold), Verbose: verbose, ctx: ws.ctx}
	s.Length = ws.measurer.Measure(p.Content, c.ex, text.SyntaxAuto).Of(c.unit)
	e.Measure = c.measure(s, ws)
	s.brief = e.Measure.Brief
	var reasons []Reason
	for _, ch := range c.checks {
		reasons = ch.Run(s, reasons)
	}
	e.Measure.ImageSigs = imageSigs(s.images)
	e.Reasons = reasons
	return e
}

func (c *Checker) measure(s *Subject, ws *Workspace) Measure {
	p := s.Post
	m := Measure{Length: s.Length, Images: len(p.Images), Likes: p.Likes, Comments: p.Comments, Reposts: p.Reposts, Views: p.Views}
	for _, t := range c.topics {
		if len(t.phrases.Find(s.Prepared)) > 0 {
			m.Topics++
		}
	}
	m.Text = new(integrity.TextDoc)
	m.Text.Sig, m.Text.Exact, m.Text.OK = ws.signer.Sign(c.cleaned(ws, s.Prepared))
	if c.brief != nil {
		m.Brief = ws.signer.Containment(c.brief)
	}
	return m
}

// TopicHits lists, per topic group, the keywords a text mentions (for
// explain).
func (c *Checker) TopicHits(content string) (names []string, hits [][]string) {
	p := text.Prepare(content, c.fold)
	for _, t := range c.topics {
		names = append(names, t.name)
		hits = append(hits, t.phrases.Find(p))
	}
	return names, hits
}

// Topics is the number of topic groups in the rules.
func (c *Checker) Topics() int { return len(c.topics) }

func imageSigs(infos []imageInfo) []integrity.ImageSig {
	var out []integrity.ImageSig
	for _, in := range infos {
		if in.sig != nil {
			out = append(out, *in.sig)
		}
	}
	return out
}

// cleaned reduces a post to the characters that carry its wording: tags,
// URLs and mentions dropped (a shared tag must not make posts similar),
// then NFKC, case and Traditional-to-Simplified folds, and no spaces or
// punctuation. Under the default rules the post's folded text, made once
// for tag and phrase matching, already has every fold, so only the spans
// and the punctuation are taken out; normalizing a post twice was the
// largest cost of judging it.
func (c *Checker) cleaned(ws *Workspace, p *text.Prepared) string {
	src, folded := p.Text(), false
	if c.fold.Width && c.fold.Case && c.fold.Script {
		src, folded = p.Folded(), true
	}
	ws.spans = text.Tokenize(src, text.SyntaxAuto, ws.spans[:0])
	ws.clean.Reset()
	for _, sp := range ws.spans {
		if sp.End > len(src) {
			break // offsets index Normalize(src), which src already is
		}
		switch {
		case sp.Kind == text.SpanURL || sp.Kind == text.SpanTag || sp.Kind == text.SpanMention:
			if !folded {
				ws.clean.WriteByte(' ') // keeps words apart until Clean drops spaces
			}
		case folded:
			// Clean's filtering without its normalization, done while copying.
			for _, r := range src[sp.Start:sp.End] {
				if integrity.Wording(r) {
					ws.clean.WriteRune(r)
				}
			}
		default:
			ws.clean.WriteString(src[sp.Start:sp.End])
		}
	}
	if folded {
		return ws.clean.String()
	}
	return integrity.Clean(scriptFold.Apply(ws.clean.String()))
}

var scriptFold = text.Fold{Script: true}
