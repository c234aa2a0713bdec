package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/promo-cli/promo/pkg/rerun"
)

// DiffTable writes a diff as one table: a row per change, then the two
// runs' digests, so that piped TSV stays one table.
func DiffTable(w io.Writer, d *rerun.Diff, l Layout) error {
	t := Table{Header: []string{"change", "id", "author", "old", "new", "codes"}, Rows: diffRows(d)}
	t.Rows = append(t.Rows,
		[]string{"rules_digest", "", "", d.Old.Rules, d.New.Rules, ""},
		[]string{"inputs_digest", "", "", d.Old.Inputs, d.New.Inputs, ""})
	return t.Render(w, l)
}

func diffRows(d *rerun.Diff) [][]string {
	var rows [][]string
	for _, r := range d.Added {
		rows = append(rows, []string{"added", r.ID, r.Author, "", verdictWord(r.Valid), strings.Join(r.Codes, ",")})
	}
	for _, r := range d.Removed {
		rows = append(rows, []string{"removed", r.ID, r.Author, verdictWord(r.Valid), "", strings.Join(r.Codes, ",")})
	}
	for _, f := range d.Flipped {
		rows = append(rows, []string{"flipped", f.ID, f.Author, verdictWord(f.WasValid), verdictWord(f.IsValid), codeChanges(f)})
	}
	for _, f := range d.Recoded {
		rows = append(rows, []string{"reasons", f.ID, f.Author, verdictWord(f.WasValid), verdictWord(f.IsValid), codeChanges(f)})
	}
	for _, m := range d.Moved {
		rows = append(rows, []string{"rank", m.ID, "", standingText(m.OldRank, m.OldReward), standingText(m.NewRank, m.NewReward), ""})
	}
	return rows
}

func verdictWord(valid bool) string {
	if valid {
		return "valid"
	}
	return "invalid"
}

// codeChanges is "+bad-wallet -too-short": the codes that appeared and went.
func codeChanges(f rerun.Flip) string {
	var parts []string
	for _, c := range f.Appeared {
		parts = append(parts, "+"+c)
	}
	for _, c := range f.Gone {
		parts = append(parts, "-"+c)
	}
	return strings.Join(parts, " ")
}

func standingText(rank int, reward string) string {
	switch {
	case rank == 0:
		return "not ranked"
	case reward == "":
		return fmt.Sprintf("#%d", rank)
	}
	return fmt.Sprintf("#%d %s", rank, reward)
}

// DiffSummary is the one line a run of diff ends with on stderr.
func DiffSummary(w io.Writer, d *rerun.Diff) error {
	if !d.Changed() {
		_, err := fmt.Fprintln(w, "no change")
		return err
	}
	_, err := fmt.Fprintf(w, "%d added, %d removed, %d flipped, %d with other reasons, %d moved in rank or reward\n",
		len(d.Added), len(d.Removed), len(d.Flipped), len(d.Recoded), len(d.Moved))
	return err
}

type jsonRun struct {
	File         string `json:"file"`
	Campaign     string `json:"campaign"`
	RulesDigest  string `json:"rules_digest"`
	InputsDigest string `json:"inputs_digest"`
}

type jsonRef struct {
	ID     string   `json:"id"`
	Author string   `json:"author"`
	Valid  bool     `json:"valid"`
	Codes  []string `json:"codes"`
}

type jsonFlip struct {
	ID       string   `json:"id"`
	Author   string   `json:"author"`
	WasValid bool     `json:"was_valid"`
	IsValid  bool     `json:"is_valid"`
	Appeared []string `json:"appeared"`
	Gone     []string `json:"gone"`
}

type jsonMove struct {
	ID        string `json:"id"`
	OldRank   int    `json:"old_rank"`
	NewRank   int    `json:"new_rank"`
	OldReward string `json:"old_reward"`
	NewReward string `json:"new_reward"`
}

type jsonDiff struct {
	Old     jsonRun    `json:"old"`
	New     jsonRun    `json:"new"`
	Changed bool       `json:"changed"`
	Added   []jsonRef  `json:"added"`
	Removed []jsonRef  `json:"removed"`
	Flipped []jsonFlip `json:"flipped"`
	Recoded []jsonFlip `json:"reasons_changed"`
	Moved   []jsonMove `json:"moved"`
}

// DiffJSON writes the diff as a JSON document; lists are [], never null.
func DiffJSON(w io.Writer, d *rerun.Diff) error {
	out := jsonDiff{Old: runDTO(d.Old), New: runDTO(d.New), Changed: d.Changed(),
		Added: refsDTO(d.Added), Removed: refsDTO(d.Removed), Flipped: flipsDTO(d.Flipped), Recoded: flipsDTO(d.Recoded),
		Moved: []jsonMove{}}
	for _, m := range d.Moved {
		out.Moved = append(out.Moved, jsonMove(m))
	}
	return encodeJSON(w, out)
}

func runDTO(g rerun.Digests) jsonRun {
	return jsonRun{File: g.File, Campaign: g.Campaign, RulesDigest: g.Rules, InputsDigest: g.Inputs}
}

func refsDTO(rs []rerun.Ref) []jsonRef {
	out := []jsonRef{}
	for _, r := range rs {
		out = append(out, jsonRef{ID: r.ID, Author: r.Author, Valid: r.Valid, Codes: nonNil(r.Codes)})
	}
	return out
}

func flipsDTO(fs []rerun.Flip) []jsonFlip {
	out := []jsonFlip{}
	for _, f := range fs {
		out = append(out, jsonFlip{ID: f.ID, Author: f.Author, WasValid: f.WasValid, IsValid: f.IsValid,
			Appeared: nonNil(f.Appeared), Gone: nonNil(f.Gone)})
	}
	return out
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// DiffMarkdown writes the diff for an appeals thread: what changed, entry
// by entry, then the digests that identify both runs.
func DiffMarkdown(w io.Writer, d *rerun.Diff) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("## Changes since the previous run\n\n")
	if !d.Changed() {
		bw.WriteString("No entry changed.\n\n")
	} else {
		writeMarkdownTable(bw, []string{"change", "id", "author", "before", "after", "reason codes"}, diffRows(d), nil)
		bw.WriteString("\n")
	}
	writeMarkdownTable(bw, []string{"run", "file", "rules_digest", "inputs_digest"}, [][]string{
		{"before", d.Old.File, d.Old.Rules, d.Old.Inputs},
		{"after", d.New.File, d.New.Rules, d.New.Inputs},
	}, nil)
	return bw.Flush()
}
