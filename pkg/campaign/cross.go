package campaign

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/integrity"
	"github.com/promo-cli/promo/pkg/internal/hugepage"
	"github.com/promo-cli/promo/pkg/internal/par"
	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
)

// crossCheck runs the checks that compare entries: near-duplicate,
// reused-image and shared-wallet. Every readable entry takes part, valid or not, and the
// earlier one (by created_at, then id) is always the original.
func (res *Result) crossCheck(ctx context.Context) error {
	order := res.earliestFirst()
	res.findClosest(order)
	if err := ctx.Err(); err != nil {
		return err
	}
	res.nearDuplicates(order)
	if err := ctx.Err(); err != nil {
		return err
	}
	res.reusedImages(order)
	if res.Checker != nil {
		res.Checker.ReleaseImages()
	}
	res.sharedWallets(order)
	res.sigs = signatures{}
	return ctx.Err()
}

// earliestFirst lists the readable entries' indexes in (created_at, id)
// order; a doc's Order in package integrity is its position here.
func (res *Result) earliestFirst() []int {
	return score.Earliest(res.Entries, func(i int) bool { return !res.Entries[i].Has(check.Unreadable) }, res.workers)
}

func (res *Result) nearDuplicates(order []int) {
	// The signatures lie in read order and are visited in time order, a
	// cache miss each: they are looked up in ranges at once. An entry
	// without one leaves its place nil, which NearInOrder passes over.
	docs := hugepage.Make[*integrity.TextDoc](len(order))
	par.Ranges(len(order), res.workers, 1<<14, func(lo, hi int) {
		for pos := lo; pos < hi; pos++ {
			docs[pos] = res.sigs.text(order[pos])
		}
	})
	threshold := res.Rules.Content.DuplicateThreshold
	near := integrity.NearInOrder(docs, threshold)
	// The text signatures are the largest thing a run holds, and nothing
	// reads them after the search.
	res.sigs.chunks, res.sigs.textOf = nil, nil
	res.sims = hugepage.Make[float64](len(res.Entries))
	par.Ranges(len(order), res.workers, 1<<14, func(lo, hi int) {
		for pos := lo; pos < hi; pos++ {
			res.sims[order[pos]] = near.MaxSim(pos)
		}
	})
	for _, m := range near.Original {
		e, orig := &res.Entries[order[m.Doc]], &res.Entries[order[m.Other]]
		e.Reasons = append(e.Reasons, check.Reason{
			Code: check.NearDuplicate, Other: orig.ID,
			Measured: ratio(m.Similarity), Limit: ratio(threshold),
			Message: fmt.Sprintf("repeats %s (%s) at %.0f%% similarity", orig.ID, orig.Source(), m.Similarity*100),
		})
	}
	for _, c := range near.Clusters {
		members := make([]int, len(c))
		for k, pos := range c {
			members[k] = order[pos]
		}
		res.Clusters = append(res.Clusters, members)
	}
}

func (res *Result) reusedImages(order []int) {
	var docs []integrity.ImageDoc
	for pos, i := range order {
		e := &res.Entries[i]
		for _, sig := range res.sigs.images[i] {
			docs = append(docs, integrity.ImageDoc{Order: pos, Author: authorKey(e, i), Sig: sig})
		}
	}
	if len(docs) == 0 {
		return
	}
	m := res.Rules.Media
	found := integrity.Reused(docs, integrity.ReuseOptions{MaxDistance: m.ReuseDistance, MinTiles: m.ReuseTiles})
	for _, pos := range sortedKeys(found.Found) {
		f := found.Found[pos]
		e, orig := &res.Entries[order[pos]], &res.Entries[order[f.Other]]
		e.Reasons = append(e.Reasons, check.Reason{
			Code: check.ReusedImage, Other: orig.ID,
			Measured: strconv.Itoa(f.Distance), Limit: strconv.Itoa(m.ReuseDistance),
			Message: fmt.Sprintf("same screenshot as %s by %s (%s), %d of 64 bits apart%s", orig.ID, authorName(orig), orig.Source(), f.Distance, evidence(f)),
		})
	}
	res.imageNear = map[int]string{}
	for pos, f := range found.Closest {
		orig := &res.Entries[order[f.Other]]
		res.imageNear[order[pos]] = fmt.Sprintf("closest screenshot %s by %s (%s), %d of 64 bits apart: %s, so not the same",
			orig.ID, authorName(orig), orig.Source(), f.Distance, f.Tiles)
	}
}

// evidence is what showed an image to be a copy: the bytes, or the tiles.
func evidence(f integrity.ImageMatch) string {
	if f.Exact {
		return "; the same file"
	}
	return "; " + f.Tiles.String()
}

// authorKey is who an image belongs to for reused-image. An entry without
// an author cannot be shown to be the same person as any other, so it is
// an author of its own, as it is for author-limit; otherwise anonymous
// entries could share one screenshot freely.
func authorKey(e *check.Entry, i int) string {
	if e.Author == "" {
		return "\x00" + strconv.Itoa(i)
	}
	return e.Author
}

func authorName(e *check.Entry) string {
	if e.Author == "" {
		return "an unnamed author"
	}
	return e.Author
}

// maxSim is each entry's highest similarity to an earlier entry.
func (res *Result) maxSim() []float64 {
	if res.sims == nil {
		return make([]float64, len(res.Entries))
	}
	return res.sims
}

// applyAuthorLimit keeps at most max_entries of each author's entries
// among those that pass every other check: the earliest (keep: first) or
// the highest-scoring (keep: best). The rest get author-limit. Each group
// touches only its own entries, so the groups are settled in ranges at
// once.
func (res *Result) applyAuthorLimit() {
	limit := res.Rules.Authors.MaxEntries
	if limit <= 0 {
		return
	}
	groups := res.byAuthor(limit + 1)
	par.Ranges(len(groups), res.workers, 1<<10, func(lo, hi int) {
		res.limitGroups(groups[lo:hi], limit)
	})
}

// limitGroups gives author-limit to the entries of each author's group
// beyond the limit. A large campaign has hundreds of thousands of such
// groups, and a message, a reason and its array each were most of the
// work: the messages of a chunk of groups are written into one string and
// the reasons into one array, which the groups share.
//
// The groups come in no particular order, so each one's entries are
// reached at random, a cache miss each. A chunk of groups is sorted,
// worded and given its reasons while its entries are still in the cache:
// a pass over every group for the messages, then another for the
// reasons, fetched them all twice, and the one text of every message
// was copied over and over as it grew.
func (res *Result) limitGroups(groups [][]int, limit int) {
	reasons := make([]check.Reason, len(groups))
	limitText := strconv.Itoa(limit)
	var text []byte
	var ends [limitChunk]int
	for lo := 0; lo < len(groups); lo += limitChunk {
		chunk := groups[lo:min(lo+limitChunk, len(groups))]
		runtime.KeepAlive(res.fetchGroups(chunk))
		text = text[:0]
		for g, group := range chunk {
			res.sortForKeep(group)
			text = res.appendLimitMessage(text, group, limit)
			ends[g] = len(text)
		}
		messages := string(text)
		start := 0
		for g, group := range chunk {
			r := &reasons[lo+g]
			*r = check.Reason{
				Code: check.AuthorLimit, Other: res.Entries[group[0]].ID,
				Measured: strconv.Itoa(len(group)), Limit: limitText,
				Message: messages[start:ends[g]],
			}
			start = ends[g]
			res.limitEntries(group[limit:], reasons[lo+g:lo+g+1:lo+g+1])
		}
	}
}

// fetchGroups reads a word from every cache line of the groups' entries
// (and their scores) that sorting them reads, and returns what it read,
// of no use but to be read. The entries lie anywhere in memory; one at a
// time, the sort waited for each entry's lines after the last one's.
// Read ahead, all of them are waited for together.
func (res *Result) fetchGroups(groups [][]int) int {
	sum := 0
	scored := len(res.Scores) == len(res.Entries)
	for _, g := range groups {
		for _, i := range g {
			e := &res.Entries[i]
			sum += len(e.ID) + e.Line + int(e.Col)
			if scored {
				sum += int(res.Scores[i].Score)
			}
		}
	}
	return sum
}

// limitChunk is how many groups limitGroups settles at once: their
// entries, a few hundred kilobytes, stay in the cache from the sort to
// the reasons.
const limitChunk = 256

// limitEntries gives the left-out entries of one group its reason: those
// that had no other share alone, an array of length and room one, so
// appending to it copies.
func (res *Result) limitEntries(out []int, alone []check.Reason) {
	for _, i := range out {
		e := &res.Entries[i]
		if len(e.Reasons) == 0 {
			e.Reasons = alone
			continue
		}
		e.Reasons = append(e.Reasons, alone[0])
	}
}

// appendLimitMessage appends the message of author-limit for a group
// sorted with the kept entries first.
func (res *Result) appendLimitMessage(b []byte, group []int, limit int) []byte {
	first := &res.Entries[group[0]]
	b = append(b, "author "...)
	b = append(b, first.Author...)
	b = append(b, " has "...)
	b = strconv.AppendInt(b, int64(len(group)), 10)
	b = append(b, " valid entries, "...)
	b = strconv.AppendInt(b, int64(limit), 10)
	b = append(b, ' ')
	b = append(b, words.Plural(limit, "is", "are")...)
	b = append(b, " kept ("...)
	b = append(b, keepWord(res.Rules.Authors.Keep)...)
	b = append(b, " first: "...)
	b = append(b, first.ID...)
	return append(b, ')')
}

// byAuthor groups the competing entries by author, each group in index
// order, and returns the groups of at least least entries. Entries without
// an author cannot be counted against anyone.
func (res *Result) byAuthor(least int) [][]int {
	competes := func(i int) bool {
		e := &res.Entries[i]
		return e.Author != "" && score.Competes(e)
	}
	return sameKey(len(res.Entries), competes, func(i int) string { return res.Entries[i].Author }, least, res.workers)
}

func (res *Result) sortForKeep(group []int) {
	best := res.Rules.Authors.Keep == rules.KeepBest
	slices.SortStableFunc(group, func(a, b int) int {
		ea, eb := &res.Entries[a], &res.Entries[b]
		if best {
			return score.Order(ea, eb, res.Scores[a].Score, res.Scores[b].Score)
		}
		return score.Earlier(ea, eb)
	})
}

func keepWord(keep string) string {
	if keep == rules.KeepBest {
		return "best"
	}
	return "earliest"
}

func ratio(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
