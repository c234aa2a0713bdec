package rerun

import (
	"slices"
	"strconv"
)

// Diff is what changed from one run to the next. Entries are matched by id.
type Diff struct {
	Old, New Digests
	Added    []Ref  // entries only the new run has
	Removed  []Ref  // entries only the old run has
	Flipped  []Flip // valid ↔ invalid
	Recoded  []Flip // still invalid, for other reasons
	Moved    []Move // rank or reward changed
}

// Digests identify a run's rules and inputs.
type Digests struct {
	File, Campaign, Rules, Inputs string
}

// Ref names an entry and its verdict.
type Ref struct {
	ID, Author string
	Valid      bool
	Codes      []string
}

// Flip is an entry whose verdict or reasons changed; Appeared and Gone are
// the reason codes the new run added and dropped.
type Flip struct {
	ID, Author        string
	WasValid, IsValid bool
	Appeared, Gone    []string
}

// Move is an entry whose rank or reward changed; rank 0 and reward "" mean
// not ranked or not paid in that run.
type Move struct {
	ID                   string
	OldRank, NewRank     int
	OldReward, NewReward string
}

// Changed reports whether any entry's standing changed. Different digests
// alone are not a change: the same results from corrected inputs are what
// a CI gate wants to let through.
func (d *Diff) Changed() bool {
	return len(d.Added)+len(d.Removed)+len(d.Flipped)+len(d.Recoded)+len(d.Moved) > 0
}

// Compare lists what changed from old to new. The lists follow the new
// run's entry order (the old run's for removed entries), so the same pair
// of files always gives the same diff.
func Compare(old, new *Run) *Diff {
	d := &Diff{Old: digestsOf(old), New: digestsOf(new)}
	oldKeys, newKeys := keys(old.Entries), keys(new.Entries)
	oldByKey := index(old.Entries, oldKeys)
	newByKey := index(new.Entries, newKeys)
	for i, e := range new.Entries {
		o, ok := oldByKey[newKeys[i]]
		if !ok {
			d.Added = append(d.Added, refOf(e))
			continue
		}
		d.compareVerdicts(o, e)
	}
	for i, e := range old.Entries {
		if _, ok := newByKey[oldKeys[i]]; !ok {
			d.Removed = append(d.Removed, refOf(e))
		}
	}
	d.Moved = moves(old, new)
	return d
}

func digestsOf(r *Run) Digests {
	return Digests{File: r.Name, Campaign: r.Campaign, Rules: r.RulesDigest, Inputs: r.InputsDigest}
}

// keys are the entries' ids, with the occurrence number after a NUL for
// an id seen again: the second "p1" of one run is matched with the second
// "p1" of the other.
func keys(es []Entry) []string {
	seen := map[string]int{}
	out := make([]string, len(es))
	for i, e := range es {
		n := seen[e.ID]
		seen[e.ID] = n + 1
		out[i] = e.ID
		if n > 0 {
			out[i] += "\x00" + strconv.Itoa(n)
		}
	}
	return out
}

func index(es []Entry, keys []string) map[string]Entry {
	m := make(map[string]Entry, len(es))
	for i, e := range es {
		m[keys[i]] = e
	}
	return m
}

func refOf(e Entry) Ref {
	return Ref{ID: e.ID, Author: e.Author, Valid: e.Valid, Codes: codes(e)}
}

func codes(e Entry) []string {
	out := []string{}
	for _, r := range e.Reasons {
		if !slices.Contains(out, r.Code) {
			out = append(out, r.Code)
		}
	}
	return out
}

func (d *Diff) compareVerdicts(o, n Entry) {
	oc, nc := codes(o), codes(n)
	f := Flip{ID: n.ID, Author: n.Author, WasValid: o.Valid, IsValid: n.Valid,
		Appeared: minus(nc, oc), Gone: minus(oc, nc)}
	switch {
	case o.Valid != n.Valid:
		d.Flipped = append(d.Flipped, f)
	case len(f.Appeared)+len(f.Gone) > 0:
		d.Recoded = append(d.Recoded, f)
	}
}

// minus is the codes of a not in b, in a's order.
func minus(a, b []string) []string {
	out := []string{}
	for _, c := range a {
		if !slices.Contains(b, c) {
			out = append(out, c)
		}
	}
	return out
}

// moves compares ranks and rewards. A validate document has no ranking;
// comparing it with a rank document compares nothing here.
func moves(old, new *Run) []Move {
	if old.Ranking == nil || new.Ranking == nil {
		return nil
	}
	type standing struct {
		rank   int
		reward string
	}
	was := map[string]standing{}
	for _, p := range old.Ranking {
		was[p.ID] = standing{p.Rank, p.Reward}
	}
	seen := map[string]bool{}
	var out []Move
	for _, p := range new.Ranking {
		seen[p.ID] = true
		if w := was[p.ID]; w.rank != p.Rank || w.reward != p.Reward {
			out = append(out, Move{ID: p.ID, OldRank: w.rank, NewRank: p.Rank, OldReward: w.reward, NewReward: p.Reward})
		}
	}
	for _, p := range old.Ranking {
		if !seen[p.ID] {
			out = append(out, Move{ID: p.ID, OldRank: p.Rank, OldReward: p.Reward})
		}
	}
	return out
}
