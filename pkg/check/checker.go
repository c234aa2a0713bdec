package check

import (
	"context"
	"fmt"

	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/input"
	"github.com/promo-cli/promo/pkg/integrity"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/text"
	"github.com/promo-cli/promo/pkg/wallet"
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
	// phrases finds the banned words (group 0) and every topic's keywords
	// (groups 1…) in one pass over the folded post.
	phrases *text.PhraseIndex
}

type topicSet struct {
	name    string
	phrases *text.PhraseSet // for explain's list of the keywords found
}

// Workspace holds the buffers one worker reuses from post to post.
type Workspace struct {
	scanner text.Scanner
	signer  integrity.Signer
	subject Subject
	hits    text.PhraseHits
	ctx     context.Context // set by SetContext; cancels image decoding

	// The signatures of the post last inspected (see Signatures).
	text      integrity.TextDoc
	imageSigs []integrity.ImageSig
}

// Signatures returns what the cross-entry checks compare of the post last
// inspected with ws: its text signature, and the signatures of its verified
// local images (nil when none; a new slice each time). They are not part of
// the Entry so that the caller can keep them in arrays of their own, apart
// from the entries, and drop them once those checks have run.
func (ws *Workspace) Signatures() (integrity.TextDoc, []integrity.ImageSig) {
	return ws.text, ws.imageSigs
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
	groups := [][]string{r.Content.Banned}
	for _, t := range r.Scoring.Topics {
		c.topics = append(c.topics, topicSet{name: t.Name, phrases: text.CompilePhrases(t.Keywords, fold)})
		groups = append(groups, t.Keywords)
	}
	c.phrases = text.CompilePhraseIndex(groups, fold)
	if len(r.Content.Banned) > 0 {
		c.checks = append(c.checks, &bannedCheck{phrases: c.phrases})
	}
	if r.PaysWallets() {
		c.checks = append(c.checks, &walletCheck{chain: wallet.Chain(r.Rewards.Chain)})
	}
	if err := c.loadBrief(r.Content.BriefPath, r.MaxInput, r.Content.BriefThreshold); err != nil {
		return nil, err
	}
	return c, nil
}

// loadBrief reads the brief as every text input is read (pkg/input): a
// UTF-16 or GBK brief is decoded, not compared as raw bytes.
func (c *Checker) loadBrief(path string, max int64, threshold float64) error {
	if path == "" {
		return nil
	}
	t, err := input.ReadFile(path, input.Options{MaxSize: max})
	if err != nil {
		return fmt.Errorf("reading the brief: %w", err)
	}
	var ws Workspace
	c.scan(&ws, t.Text)
	c.brief = ws.signer.Brief()
	c.checks = append(c.checks, &briefCheck{threshold: threshold})
	return nil
}

// Inspect checks one post and returns its entry. With verbose, passed
// checks are recorded too (for explain).
func (c *Checker) Inspect(p *export.Post, ws *Workspace, verbose bool) Entry {
	e := Entry{ID: p.ID, Author: p.Author, File: p.File, Line: p.Line, Col: int32(p.Col), CreatedAt: p.CreatedAt, HasTime: p.HasTime, Wallet: p.Wallet}
	ws.text, ws.imageSigs = integrity.TextDoc{}, nil
	if p.Unreadable != "" {
		e.Reasons = []Reason{{Code: Unreadable, Message: p.Unreadable}}
		return e
	}
	s := &ws.subject
	prepared, counts := c.scan(ws, p.Content)
	// The media check's list of images is the workspace's from one post
	// to the next: a new one for every post was, at three images a post,
	// 128 bytes of fresh memory each.
	images := s.images[:0]
	clear(s.images)
	*s = Subject{Post: p, Prepared: prepared, Length: counts.Of(c.unit), Verbose: verbose, phrases: &ws.hits, ctx: ws.ctx, images: images}
	e.Measure = c.measure(s, ws)
	s.brief = e.Measure.Brief
	var reasons []Reason
	for _, ch := range c.checks {
		reasons = ch.Run(s, reasons)
	}
	ws.imageSigs = imageSigs(s.images)
	e.Reasons = reasons
	return e
}

func (c *Checker) measure(s *Subject, ws *Workspace) Measure {
	p := s.Post
	m := Measure{Length: s.Length, Images: len(p.Images), Likes: p.Likes, Comments: p.Comments, Reposts: p.Reposts, Views: p.Views}
	for g := range c.topics {
		if c.phrases.Any(s.phrases, 1+g) {
			m.Topics++
		}
	}
	ws.text.Sig, ws.text.Exact, ws.text.OK = ws.signer.Finish()
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

// scan reads a post once (text.Scanner): prepared for tag matching under
// the rule's folds, its length in every unit with the rule's exclusions,
// its banned words and topic keywords into ws.hits, and its wording hashed
// into ws.signer. The wording leaves out tags, URLs and mentions (a shared
// tag must not make posts similar), spaces and punctuation, and is always
// folded the same way, whatever the rule's tag folds: a post's similarity
// to another must not change with match.fold_case.
func (c *Checker) scan(ws *Workspace, content string) (*text.Prepared, text.Counts) {
	ws.signer.Start()
	return ws.scanner.Scan(content, c.fold, c.ex, c.phrases, &ws.hits, &ws.signer)
}
