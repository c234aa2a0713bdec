package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// Tag is the sample campaign's tag, carried by most generated posts.
const Tag = "#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"

const (
	tagShare    = 0.8
	targetBytes = 900 // content size; the JSON line comes to about 1 KB
	recentKept  = 8192
)

type config struct {
	N    int
	Dup  float64
	Seed uint64
}

func (c config) validate() error {
	if c.N < 0 {
		return fmt.Errorf("-n must be 0 or more, got %d", c.N)
	}
	if c.Dup < 0 || c.Dup > 0.5 || math.IsNaN(c.Dup) {
		return fmt.Errorf("%w, got %g", errDup, c.Dup)
	}
	return nil
}

// post is one exported record; the field order is the order in the output.
type post struct {
	ID        string   `json:"id"`
	Author    string   `json:"author"`
	Content   string   `json:"content"`
	Images    []string `json:"images"`
	CreatedAt string   `json:"created_at"`
	Likes     int      `json:"likes"`
	Comments  int      `json:"comments"`
	Reposts   int      `json:"reposts"`
	Views     int      `json:"views"`
}

// original is what a later copy needs from an earlier post.
type original struct {
	id      string
	author  string
	content string
	at      time.Time
	used    bool
}

type generator struct {
	cfg     config
	rnd     *rand.Rand
	authors int
	start   time.Time
	span    time.Duration
	recent  []original // a ring of recent originals, so memory stays bounded
	next    int
}

var shanghai = time.FixedZone("CST", 8*3600)

func newGenerator(cfg config) *generator {
	return &generator{
		cfg:     cfg,
		rnd:     rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15)),
		authors: max(50, cfg.N/3),
		start:   time.Date(2025, 7, 15, 10, 0, 0, 0, shanghai),
		span:    7*24*time.Hour + 13*time.Hour + 59*time.Minute,
	}
}

// generate writes cfg.N posts as JSON Lines to w and, when truth is not
// nil, a CSV of planted copy,original pairs. Copies are planted on a fixed
// schedule, so exactly floor(N*Dup) of the posts are copies.
func generate(w, truth io.Writer, cfg config) error {
	g := newGenerator(cfg)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // the tag holds "&", which exports carry as is
	if truth != nil {
		if _, err := io.WriteString(truth, "copy_id,original_id\n"); err != nil {
			return fmt.Errorf("write truth file: %w", err)
		}
	}
	for i := range cfg.N {
		p, orig := g.post(i)
		if err := enc.Encode(p); err != nil {
			return fmt.Errorf("write post %d: %w", i, err)
		}
		if orig != "" && truth != nil {
			if _, err := fmt.Fprintf(truth, "%s,%s\n", p.ID, orig); err != nil {
				return fmt.Errorf("write truth file: %w", err)
			}
		}
	}
	return nil
}

// post makes post i; when it is a planted copy, orig is the original's id.
func (g *generator) post(i int) (p post, orig string) {
	at := g.start.Add(time.Duration(float64(g.span) * float64(i) / float64(max(1, g.cfg.N))))
	p = post{ID: fmt.Sprintf("g%07d", i+1), Author: g.author()}
	if g.isCopy(i) {
		if o := g.pick(); o != nil {
			g.fillCopy(&p, o, at)
			return p, o.id
		}
	}
	p.Content = g.content()
	p.CreatedAt = at.Format(time.RFC3339)
	g.fillMeta(&p)
	g.remember(original{id: p.ID, author: p.Author, content: p.Content, at: at})
	return p, ""
}

func (g *generator) isCopy(i int) bool {
	d := g.cfg.Dup
	return math.Floor(float64(i+1)*d) > math.Floor(float64(i)*d)
}

func (g *generator) author() string {
	return fmt.Sprintf("user%06d", g.rnd.IntN(g.authors))
}

func (g *generator) fillMeta(p *post) {
	n := g.rnd.IntN(4) // some posts carry no image
	p.Images = make([]string, 0, n)
	for k := range n {
		p.Images = append(p.Images, fmt.Sprintf("https://img.example.com/%s/%d.png", p.ID, k+1))
	}
	// engagement is heavy-tailed: most posts get little, a few get a lot
	p.Views = int(math.Exp(g.rnd.Float64()*9)) + 20
	p.Likes = int(float64(p.Views) * g.rnd.Float64() * 0.08)
	p.Comments = p.Likes / (3 + g.rnd.IntN(8))
	p.Reposts = p.Likes / (5 + g.rnd.IntN(15))
}

func (g *generator) remember(o original) {
	if len(g.recent) < recentKept {
		g.recent = append(g.recent, o)
		return
	}
	g.recent[g.next] = o
	g.next = (g.next + 1) % recentKept
}

// pick chooses an earlier original that has not been copied yet, so each
// planted pair is the only copy of its original.
func (g *generator) pick() *original {
	for range 16 {
		if len(g.recent) == 0 {
			return nil
		}
		o := &g.recent[g.rnd.IntN(len(g.recent))]
		if !o.used {
			o.used = true
			return o
		}
	}
	return nil
}

func (g *generator) fillCopy(p *post, o *original, at time.Time) {
	for p.Author == o.author {
		p.Author = g.author()
	}
	if !at.After(o.at) {
		at = o.at.Add(time.Second)
	}
	p.Content = g.edit(o.content)
	p.CreatedAt = at.Format(time.RFC3339)
	g.fillMeta(p)
}

// edit changes about one character in a hundred of the body, never the
// tag, so the copy is still a campaign entry.
func (g *generator) edit(s string) string {
	head, body := "", s
	if strings.HasPrefix(s, Tag) {
		head, body = Tag, s[len(Tag):]
	}
	rs := []rune(body)
	for range max(1, len(rs)/100) {
		k := g.rnd.IntN(len(rs))
		for rs[k] == '\n' {
			k = (k + 1) % len(rs)
		}
		rs[k] = g.substitute(rs[k])
	}
	return head + string(rs)
}

func (g *generator) substitute(r rune) rune {
	if r < 0x80 {
		return rune('a' + g.rnd.IntN(26))
	}
	for {
		n := hanziRunes[g.rnd.IntN(len(hanziRunes))]
		if n != r {
			return n
		}
	}
}

func (g *generator) content() string {
	var b strings.Builder
	tagged := g.rnd.Float64() < tagShare
	if tagged {
		b.WriteString(Tag)
		b.WriteString("\n")
	}
	for b.Len() < targetBytes {
		if b.Len() > 0 && g.rnd.IntN(6) == 0 {
			b.WriteString("\n") // paragraphs, as people write them
		}
		b.WriteString(g.sentence())
	}
	return b.String()
}
