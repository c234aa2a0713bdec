package check

import (
	"context"
	"time"

	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/text"
)

// Check is one kind of per-post check. Run appends what it found to out:
// failures always, passes only when s.Verbose (for explain).
type Check interface {
	Run(s *Subject, out []Reason) []Reason
}

// Subject is one post while it is being checked, with what the checks
// share: the post prepared for tag and phrase matching, and its length.
type Subject struct {
	Post     *export.Post
	Prepared *text.Prepared
	Length   int // in the rule's unit, after the rule's exclusions
	Verbose  bool

	brief   float64          // containment in the brief, measured with the signature
	phrases *text.PhraseHits // banned words and topic keywords found
	images  []imageInfo      // filled by the media check, read for hashing
	ctx     context.Context
}

// Entry is what promo keeps of a post once it is checked: identity, the
// reasons, and the measurements scoring and the cross-entry checks need.
// It holds no post text and no signature (see Workspace.Signatures), so a
// million entries fit in memory: the fields are ordered so that no padding
// is wasted between them (TestEntrySize).
type Entry struct {
	ID, Author string
	File       string // slash path relative to the export root
	Wallet     string // payout address as written; "" when none
	CreatedAt  time.Time
	Reasons    []Reason
	Line       int
	Measure    Measure
	HasTime    bool
	// Accepted and Rejected record an operator's override, which decides
	// the verdict whatever the checks found.
	Accepted, Rejected bool
	// Col is the column of a record that is not the first to start on its
	// line (export.Post.Col), else 0; an int32 after the flags fits in
	// their padding, so it adds nothing to an entry.
	Col int32
}

// Source is where the entry was read: "posts.jsonl:12", or "posts.json:1:57"
// for a record that is not the first on its line.
func (e *Entry) Source() string { return sourceOf(e.File, e.Line, int(e.Col)) }

// Valid reports whether no reason was found against the entry. Passes,
// recorded for explain, are not findings.
func (e *Entry) Valid() bool {
	if e.Accepted || e.Rejected {
		return e.Accepted
	}
	for _, r := range e.Reasons {
		if !r.Pass {
			return false
		}
	}
	return true
}

// Has reports whether the entry was found at fault with the code c.
func (e *Entry) Has(c Code) bool {
	for _, r := range e.Reasons {
		if r.Code == c && !r.Pass {
			return true
		}
	}
	return false
}

// Measure holds the raw inputs of the score components and of the
// cross-entry checks.
type Measure struct {
	Length                          int
	Images                          int // images attached (local or URL)
	Topics                          int // topic groups with at least one keyword
	Likes, Comments, Reposts, Views int64
	Brief                           float64 // containment in the brief, 0–1
}
