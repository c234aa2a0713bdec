package draw

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"
)

// Candidate is a valid entry that may take part in a draw.
type Candidate struct {
	ID        string
	Author    string
	CreatedAt time.Time
}

// Eligible keeps one candidate per author, the author's earliest by
// CreatedAt then ID, and returns them sorted by ID in byte order.
// Authors are compared as given: all candidates with an empty author count
// as one author, so that leaving the author out never buys extra chances.
func Eligible(valid []Candidate) []Candidate {
	first := make(map[string]Candidate, len(valid))
	for _, c := range valid {
		kept, ok := first[c.Author]
		if !ok || earlier(c, kept) {
			first[c.Author] = c
		}
	}
	out := make([]Candidate, 0, len(first))
	for _, c := range first {
		out = append(out, c)
	}
	// Author breaks ties between equal ids so the order never depends on
	// the order the entries were read in.
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Author, b.Author))
	})
	return out
}

func earlier(a, b Candidate) bool {
	if !a.CreatedAt.Equal(b.CreatedAt) {
		return a.CreatedAt.Before(b.CreatedAt)
	}
	return a.ID < b.ID
}

// IDs returns the ids of the candidates, in order.
func IDs(cs []Candidate) []string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

// Digest returns "sha256:" and the lower-case hex SHA-256 of the ids joined
// by "\n", with no trailing newline.
func Digest(ids []string) string {
	sum := sha256.Sum256([]byte(strings.Join(ids, "\n")))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Chosen is a drawn candidate as published: its place in the pick order.
type Chosen struct {
	Pick       int
	ID, Author string
}

// Choose runs the draw among eligible (as Eligible returns them) with the
// seed's stream and names the candidates picked: the winners, then the
// alternates.
func Choose(eligible []Candidate, seed string, winners, alternates int) (won, alt []Chosen) {
	for _, p := range Draw(NewStream(seed), len(eligible), winners, alternates) {
		c := Chosen{Pick: p.Pick, ID: eligible[p.Index].ID, Author: eligible[p.Index].Author}
		if p.Alternate {
			alt = append(alt, c)
		} else {
			won = append(won, c)
		}
	}
	return won, alt
}
