package htmlreport

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/score"
)

// Options say what Build puts in the page.
type Options struct {
	Public  bool
	Version string
	Stamp   string
	// Run is what the campaign was evaluated with; Build reads the posts
	// again with it, for their texts and screenshots.
	Run  campaign.Options
	Draw *Draw
	// ThumbCap is the thumbnails' total size in bytes (DefaultThumbCap
	// when 0); MaxPairs the near-duplicate clusters and reused screenshots
	// shown (DefaultMaxPairs when 0).
	ThumbCap int
	MaxPairs int
}

// The defaults of Options.
const (
	DefaultThumbCap = 2 << 20
	DefaultMaxPairs = 200
	ThumbSide       = 160
)

// Build makes the page of a judged and ranked campaign.
func Build(ctx context.Context, res *campaign.Result, st *campaign.Standings, opt Options) (*Page, error) {
	r := res.Rules
	p := &Page{
		Public: opt.Public, Campaign: r.Name, Window: windowText(res), RulesDigest: r.Digest(),
		InputsDigest: res.InputsDigest, Version: opt.Version, Stamp: opt.Stamp, Unit: string(r.Length.Unit),
		Rules: rulesFacts(res), Draw: opt.Draw, Ranked: len(st.Placings),
	}
	p.Funnel, p.Reasons = funnelOf(res, st)
	p.Winners, p.Rewards = winnersOf(res, st)
	p.Lengths = lengthHistogram(res)
	p.Scores = scoreHistogram(res, st)
	p.Thumbs = ThumbBudget{Cap: cmpOr(opt.ThumbCap, DefaultThumbCap), MaxSide: ThumbSide}
	if opt.Public {
		return p, nil
	}
	if err := buildEntries(ctx, res, st, opt, p); err != nil {
		return nil, err
	}
	return p, nil
}

func cmpOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

func windowText(res *campaign.Result) string {
	w := res.Rules.Window
	if !w.Set {
		return ""
	}
	const layout = "2006-01-02 15:04:05 -07:00"
	start, end := "open", "open"
	if !w.Start.IsZero() {
		start = w.Start.In(w.Location).Format(layout)
	}
	if !w.End.IsZero() {
		end = w.End.In(w.Location).Format(layout)
	}
	return fmt.Sprintf("%s to %s (%s)", start, end, w.Location)
}

func rulesFacts(res *campaign.Result) []Fact {
	r := res.Rules
	var out []Fact
	add := func(label, value string) {
		if value != "" {
			out = append(out, Fact{label, value})
		}
	}
	add("tags, every one", strings.Join(r.Tags.AllOf, " "))
	add("tags, one of", strings.Join(r.Tags.AnyOf, " "))
	length := fmt.Sprintf("at least %d %s", r.Length.Min, r.Length.Unit)
	if r.Length.Max > 0 {
		length = fmt.Sprintf("%d to %d %s", r.Length.Min, r.Length.Max, r.Length.Unit)
	}
	if len(r.Length.ExcludeList) > 0 {
		length += ", not counting " + strings.Join(r.Length.ExcludeList, ", ")
	}
	add("length", length)
	if r.Media.MinImages > 0 {
		add("images", fmt.Sprintf("at least %d, each at least %d×%d", r.Media.MinImages, r.Media.MinWidth, r.Media.MinHeight))
	}
	if r.Authors.MaxEntries > 0 {
		add("entries per author", fmt.Sprintf("%d (keep: %s)", r.Authors.MaxEntries, r.Authors.Keep))
	}
	if len(r.Content.Banned) > 0 {
		add("banned words", fmt.Sprintf("%d", len(r.Content.Banned)))
	}
	add("near-duplicate at", fmt.Sprintf("%.0f%% similarity", r.Content.DuplicateThreshold*100))
	if rw := r.Rewards; rw.Winners > 0 {
		add("rewards", fmt.Sprintf("%s %s to %d winners, split %s", rw.Pool.String(), rw.Token, rw.Winners, rw.Split))
	}
	return out
}

// funnelOrder is the order the checks run in, so an entry's first failed
// check in it is where the funnel removes it: the per-entry checks (the
// wallet's before the brief's), then duplicate ids, the checks that compare
// entries (near-duplicate, reused-image, shared-wallet), the author limit,
// and last the manual decisions of the overrides file.
var funnelOrder = []check.Code{
	check.Unreadable, check.MissingTag, check.TooShort, check.TooLong, check.NoImage, check.ImageUnreadable,
	check.OutsideWindow, check.NoTimestamp, check.BlockedAuthor, check.BannedWord, check.NoWallet, check.BadWallet,
	check.CopiesBrief, check.DuplicateID, check.NearDuplicate, check.ReusedImage, check.SharedWallet,
	check.AuthorLimit, check.Overridden,
}

// codeOrder lists every code the funnel can show: the pipeline's order,
// then any code added since, in check.Codes order.
func codeOrder() []check.Code {
	out := slices.Clone(funnelOrder)
	for _, c := range check.Codes {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func funnelOf(res *campaign.Result, st *campaign.Standings) (Funnel, []ReasonCount) {
	removed, with := map[check.Code]int{}, map[check.Code]int{}
	f := Funnel{Read: len(res.Entries)}
	for i := range res.Entries {
		e := &res.Entries[i]
		// Valid, not the reasons, decides: an entry accepted by an
		// override keeps the checks it failed but stays in the running.
		if e.Valid() {
			f.Valid++
			continue
		}
		failed := check.Failed(e.Reasons)
		removed[firstInOrder(failed)]++
		for _, c := range distinctCodes(failed) {
			with[c]++
		}
	}
	remaining := f.Read
	var counts []ReasonCount
	for _, c := range codeOrder() {
		if with[c] == 0 {
			continue
		}
		remaining -= removed[c]
		f.Steps = append(f.Steps, Step{Code: string(c), Removed: removed[c], Remaining: remaining, With: with[c]})
		counts = append(counts, ReasonCount{Code: string(c), Count: with[c]})
	}
	for _, pl := range st.Placings {
		if pl.Paid {
			f.Paid++
		}
	}
	return f, counts
}

// firstInOrder is the failed reason whose check runs first.
func firstInOrder(failed []check.Reason) check.Code {
	order := codeOrder()
	best := failed[0].Code
	for _, r := range failed[1:] {
		if slices.Index(order, r.Code) < slices.Index(order, best) {
			best = r.Code
		}
	}
	return best
}

func distinctCodes(rs []check.Reason) []check.Code {
	var out []check.Code
	for _, r := range rs {
		if !slices.Contains(out, r.Code) {
			out = append(out, r.Code)
		}
	}
	return out
}

func winnersOf(res *campaign.Result, st *campaign.Standings) ([]Winner, *Rewards) {
	if !st.Rewards {
		return nil, nil
	}
	var ws []Winner
	for _, pl := range st.Placings {
		if !pl.Paid {
			continue
		}
		e := &res.Entries[pl.Entry]
		ws = append(ws, Winner{Rank: pl.Rank, ID: e.ID, Author: e.Author, Score: res.Scores[pl.Entry].Score, Reward: st.Plan.Format(pl.Amount)})
	}
	rw := &Rewards{
		Pool: st.Plan.Format(st.Payout.Pool), Paid: st.Plan.Format(st.Payout.Paid), Leftover: st.Plan.Format(st.Payout.Leftover),
		Token: res.Rules.Rewards.Token, Split: res.Rules.Rewards.Split,
	}
	return ws, rw
}

// rowOf is one entry's line in the table.
func rowOf(res *campaign.Result, i int, pl *campaign.Placing, st *campaign.Standings) Row {
	e := &res.Entries[i]
	row := Row{ID: e.ID, Author: e.Author, Source: e.Source(), Verdict: verdictOf(e), Length: e.Measure.Length}
	for _, c := range distinctCodes(check.Failed(e.Reasons)) {
		row.Codes = append(row.Codes, string(c))
	}
	if score.Competes(e) || e.Valid() {
		row.Score = res.Scores[i].Score
	}
	if pl != nil {
		row.Rank = pl.Rank
		if pl.Paid {
			row.Reward = st.Plan.Format(pl.Amount)
		}
	}
	return row
}

func verdictOf(e *check.Entry) string {
	switch {
	case e.Valid():
		return "valid"
	case e.Has(check.Unreadable):
		return "unreadable"
	}
	return "invalid"
}

// buildEntries fills the table, the explanations, the clusters and the
// reused screenshots: what the public page leaves out.
func buildEntries(ctx context.Context, res *campaign.Result, st *campaign.Standings, opt Options, p *Page) error {
	placing := make(map[int]*campaign.Placing, len(st.Placings))
	for k := range st.Placings {
		placing[st.Placings[k].Entry] = &st.Placings[k]
	}
	p.Entries = make([]Row, len(res.Entries))
	for i := range res.Entries {
		p.Entries[i] = rowOf(res, i, placing[i], st)
	}
	max := cmpOr(opt.MaxPairs, DefaultMaxPairs)
	want := newWanted(res, max)
	hl := newHighlighter(res.Rules)
	x := res.NewExplainer(st)
	pk := newPacker(len(res.Entries))
	done := make([]bool, len(res.Entries))
	err := explainAll(ctx, res, opt.Run, func(i int, post *export.Post) {
		ex := x.Explain(i, post)
		pk.put(i, detailOf(ex, hl.segments(post.Content, ex.Checks)))
	}, func(i int, post *export.Post) {
		done[i] = true
		want.keep(i, post)
	})
	if err != nil {
		return err
	}
	for i := range done {
		if !done[i] {
			pk.put(i, detailOf(x.Explain(i, nil), nil))
		}
	}
	if p.packed, err = pk.result(); err != nil {
		return err
	}
	p.Clusters, p.ClustersTotal = clustersOf(res, want, max)
	p.Reused, p.ReusedTotal = reusedOf(res, want, max, &p.Thumbs)
	return nil
}

// detailOf is an entry's explanation for the page.
func detailOf(x *campaign.Explanation, text []Segment) Detail {
	d := Detail{Text: text, Score: x.Score.Score, Ranked: x.Placing != nil}
	for _, r := range x.Checks {
		d.Checks = append(d.Checks, CheckLine{Code: string(r.Code), Pass: r.Pass, Measured: r.Measured, Limit: r.Limit, Message: r.Message})
	}
	for _, c := range x.Components {
		d.Components = append(d.Components, Component{Name: c.Name, Value: c.Value, Weight: c.Weight, Detail: c.Detail})
	}
	return d
}

// explainAll reads the posts again and explains them with a pool of
// workers: explaining re-runs every check, as long as judging took.
// detail runs on the workers, each entry's once; keep runs in entry order
// on the reading goroutine.
func explainAll(ctx context.Context, res *campaign.Result, run campaign.Options, detail, keep func(int, *export.Post)) error {
	n := run.Workers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	type job struct {
		i    int
		post *export.Post
	}
	jobs := make(chan job, 4*n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				detail(j.i, j.post)
			}
		}()
	}
	err := res.Posts(ctx, run, func(i int, post *export.Post) error {
		keep(i, post)
		jobs <- job{i, post}
		return nil
	})
	close(jobs)
	wg.Wait()
	return err
}

// packer gathers the details and packs each chunk as soon as its last
// entry is explained, so the explanations of a large campaign are never
// all in memory: packed, they take an eighth of the room.
type packer struct {
	details []Detail
	left    []atomic.Int32 // entries of each chunk not yet explained
	packed  [][]byte
	mu      sync.Mutex
	err     error
}

func newPacker(n int) *packer {
	chunks := (n + chunkSize - 1) / chunkSize
	pk := &packer{details: make([]Detail, n), left: make([]atomic.Int32, chunks), packed: make([][]byte, chunks)}
	for c := range pk.left {
		pk.left[c].Store(int32(min(chunkSize, n-c*chunkSize)))
	}
	return pk
}

// put stores entry i's detail; it is called once for each entry, from any
// goroutine.
func (pk *packer) put(i int, d Detail) {
	pk.details[i] = d
	c := i / chunkSize
	if pk.left[c].Add(-1) != 0 {
		return
	}
	part := pk.details[c*chunkSize : min((c+1)*chunkSize, len(pk.details))]
	b, err := packChunk(part)
	clear(part)
	pk.mu.Lock()
	defer pk.mu.Unlock()
	pk.packed[c] = b
	if err != nil && pk.err == nil {
		pk.err = err
	}
}

func (pk *packer) result() ([][]byte, error) {
	pk.mu.Lock()
	defer pk.mu.Unlock()
	return pk.packed, pk.err
}
