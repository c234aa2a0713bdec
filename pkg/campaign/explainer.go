package campaign

import (
	"context"
	"slices"

	"github.com/promo-cli/promo/pkg/export"
)

// Explainer explains entry after entry. The figures every explanation
// compares against (the field's highest engagement, each entry's place)
// are worked out once, so explaining every entry of a large campaign
// costs one pass, not one pass per entry.
type Explainer struct {
	res     *Result
	st      *Standings
	top     float64
	placing map[int]int // entry index → index into st.Placings
}

// NewExplainer prepares explanations against the standings st (nil when
// the entries are not ranked).
func (res *Result) NewExplainer(st *Standings) *Explainer {
	x := &Explainer{res: res, st: st, top: res.topEngagement(), placing: map[int]int{}}
	if st != nil {
		for k := range st.Placings {
			x.placing[st.Placings[k].Entry] = k
		}
	}
	return x
}

// Explain describes entry i as Result.Explain does.
func (x *Explainer) Explain(i int, post *export.Post) *Explanation {
	var p *Placing
	if k, ok := x.placing[i]; ok {
		p = &x.st.Placings[k]
	}
	return x.res.explain(i, post, x.st, x.top, p)
}

// KeptPost is the post kept for entry i (Options.Keep): the one read at
// the entry's source, else at the source of a copy merged into it; nil
// when none was kept.
func (res *Result) KeptPost(i int) *export.Post {
	e := &res.Entries[i]
	for k := range res.Kept {
		if res.Kept[k].File == e.File && res.Kept[k].Line == e.Line && res.Kept[k].Col == int(e.Col) {
			return &res.Kept[k]
		}
	}
	for k := range res.Kept {
		if slices.Contains(res.AlsoIn(i), res.Kept[k].Source()) {
			return &res.Kept[k]
		}
	}
	return nil
}

// Posts reads the exports a second time and calls fn with each readable
// post and the index of its entry, in entry order. The pipeline keeps no
// text; a report that shows every post reads them again rather than
// holding every text through the run. opt must be the options of the run.
func (res *Result) Posts(ctx context.Context, opt Options, fn func(i int, p *export.Post) error) error {
	at := make(map[string]int, len(res.Entries))
	for i := range res.Entries {
		if src := res.Entries[i].Source(); at[src] == 0 {
			at[src] = i + 1 // 0 is "none"
		}
	}
	eo := exportOptions(res.Rules, opt)
	for _, f := range res.Files {
		name := displayPath(f)
		var failed error // fn's own error; a file that stops early is already an entry
		export.Read(ctx, f, eo, func(p export.Post) error {
			nameRecord(&p, name)
			i := at[p.Source()] - 1
			if i < 0 || p.Unreadable != "" || res.Entries[i].ID != p.ID {
				return nil
			}
			failed = fn(i, &p)
			return failed
		})
		if failed != nil {
			return failed
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// nameRecord names the post as readFile does: the file by the name the
// operator gave it, and a record without an id by where it is.
func nameRecord(p *export.Post, name string) {
	p.File = name
	if p.NoID {
		p.ID = p.Source()
	}
}
