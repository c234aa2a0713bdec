package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/promo-cli/promo/pkg/draw"
	"github.com/promo-cli/promo/pkg/internal/words"
)

// DrawResult is a lucky draw as published.
type DrawResult struct {
	Seed           string
	Eligible       int
	EligibleDigest string
	Winners        []DrawPick
	Alternates     []DrawPick
	CommitOnly     bool // --commit: only the count and digest are known
	WinnersAsked   int  // winners asked for; more than len(Winners) when too few are eligible
}

// Unfilled is how many of the winners asked for could not be drawn: there
// were fewer eligible entries.
func (d *DrawResult) Unfilled() int {
	if d.CommitOnly {
		return 0
	}
	return max(0, d.WinnersAsked-len(d.Winners))
}

// DrawPick is one picked entry.
type DrawPick = draw.Chosen

// NewDraw is the model of a draw among eligible (as campaign's
// DrawEligible returns them): their count and digest, and unless
// commitOnly the winners and alternates the seed picks.
func NewDraw(eligible []draw.Candidate, seed string, winners, alternates int, commitOnly bool) *DrawResult {
	ids := draw.IDs(eligible)
	d := &DrawResult{Seed: seed, Eligible: len(ids), EligibleDigest: draw.Digest(ids), CommitOnly: commitOnly}
	if !commitOnly {
		d.WinnersAsked = winners
		d.Winners, d.Alternates = draw.Choose(eligible, seed, winners, alternates)
	}
	return d
}

// DrawText writes the draw for a person.
func DrawText(w io.Writer, d *DrawResult, l Layout) error {
	bw := bufio.NewWriter(w)
	if !d.CommitOnly {
		fmt.Fprintf(bw, "seed             %s\n", EscapeControl(d.Seed))
	}
	fmt.Fprintf(bw, "eligible         %d\n", d.Eligible)
	fmt.Fprintf(bw, "eligible_digest  %s\n", d.EligibleDigest)
	if n := d.Unfilled(); n > 0 {
		fmt.Fprintf(bw, "unfilled         %d of %d winners asked: only %d %s eligible\n", n, d.WinnersAsked, d.Eligible, words.Plural(d.Eligible, "entry is", "entries are"))
	}
	if d.CommitOnly {
		return bw.Flush()
	}
	bw.WriteString("\n")
	t := Table{Header: []string{"pick", "id", "author", "role"}, Right: []int{0}, Paint: paintRole}
	for _, p := range d.Winners {
		t.Rows = append(t.Rows, []string{itoa(p.Pick), p.ID, p.Author, "winner"})
	}
	for _, p := range d.Alternates {
		t.Rows = append(t.Rows, []string{itoa(p.Pick), p.ID, p.Author, "alternate"})
	}
	t.Render(bw, l)
	return bw.Flush()
}

type jsonDraw struct {
	Seed           string     `json:"seed,omitempty"`
	Eligible       int        `json:"eligible"`
	EligibleDigest string     `json:"eligible_digest"`
	Winners        []jsonPick `json:"winners"`
	Alternates     []jsonPick `json:"alternates"`
	Unfilled       int        `json:"unfilled,omitempty"`
}

type jsonPick struct {
	Pick   int    `json:"pick"`
	ID     string `json:"id"`
	Author string `json:"author"`
}

// DrawJSON writes the draw for a program.
func DrawJSON(w io.Writer, d *DrawResult) error {
	doc := jsonDraw{Seed: d.Seed, Eligible: d.Eligible, EligibleDigest: d.EligibleDigest, Winners: picks(d.Winners), Alternates: picks(d.Alternates), Unfilled: d.Unfilled()}
	return encodeJSON(w, doc)
}

func picks(ps []DrawPick) []jsonPick {
	out := make([]jsonPick, 0, len(ps))
	for _, p := range ps {
		out = append(out, jsonPick(p))
	}
	return out
}

func paintRole(_, col int, cell string) string {
	switch {
	case col == 3 && cell == "winner":
		return green
	case col == 3:
		return yellow
	}
	return ""
}
