package score

import (
	"cmp"
	"math"
	"runtime"
	"strings"
	"sync"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/internal/hugepage"
	"github.com/promo-cli/promo/pkg/internal/par"
	"github.com/promo-cli/promo/pkg/rules"
)

// Components are an entry's score components, each in [0,1].
type Components struct {
	Length, Topics, Engagement, Media, Originality, Judges float64
}

// Weights are the rule file's component weights.
type Weights = rules.Weights

// Result is one entry's score with its components and their raw inputs.
// A run holds one for every entry, so it holds no pointer (the collector
// need not scan a million of them) and nothing that the components do not
// already say: the judges' scores are the sheet's.
type Result struct {
	Score      float64
	C          Components
	Engagement float64 // log1p(likes + 2·comments + 3·reposts)
	Similarity float64 // highest similarity to an earlier entry
}

// Scorer scores entries under one campaign's rules.
type Scorer struct {
	w       Weights
	target  int
	topics  int
	judges  Judges
	scale   rules.Scale
	workers int
}

// New returns a scorer for the rules; judges may be nil.
func New(r *rules.Rules, judges Judges) *Scorer {
	return &Scorer{w: r.Scoring.Weights, target: r.Scoring.LengthTarget, topics: len(r.Scoring.Topics), judges: judges, scale: r.Scoring.JudgesScale}
}

// Workers sets how many goroutines Score uses at most; 0, the default,
// means GOMAXPROCS.
func (s *Scorer) Workers(n int) *Scorer {
	s.workers = n
	return s
}

// Score scores every entry. maxSim holds each entry's highest similarity
// to an earlier entry (0 when none was found). Entries that cannot compete
// still get a score, so that explain can show what they would have had;
// unreadable entries score 0. Each entry's score depends on the others'
// only through the field's highest engagement, an exact maximum, so the
// entries are scored in ranges at once.
//
// The entries are read once: every component but engagement is worked
// out with the highest engagement, and the second pass, over the results
// alone, adds engagement and weighs. A second pass over a million entries
// fetched each of them again.
func (s *Scorer) Score(entries []check.Entry, maxSim []float64) []Result {
	workers := s.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := hugepage.Make[Result](len(entries))
	read := make([]bool, len(entries))
	var mu sync.Mutex
	top := 0.0
	par.Ranges(len(entries), workers, scoreGrain, func(lo, hi int) {
		t := 0.0
		for i := lo; i < hi; i++ {
			e, r := &entries[i], &out[i]
			r.Engagement = engagement(&e.Measure)
			if competes(e) {
				t = max(t, r.Engagement)
			}
			if e.Has(check.Unreadable) {
				continue // nothing was read: no score, not even for originality
			}
			read[i] = true
			r.Similarity = maxSim[i]
			r.C = s.components(e, r)
		}
		mu.Lock()
		top = max(top, t)
		mu.Unlock()
	})
	par.Ranges(len(entries), workers, scoreGrain, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if !read[i] {
				continue
			}
			r := &out[i]
			r.C.Engagement = s.engagementPart(r, top)
			r.Score = s.weighted(r.C)
		}
	})
	return out
}

// scoreGrain is the least number of entries a goroutine scores.
const scoreGrain = 1 << 14

// components works out every component of e but engagement, which needs
// the field's highest (engagementPart).
func (s *Scorer) components(e *check.Entry, r *Result) Components {
	m := &e.Measure
	c := Components{
		Length:      ratio(float64(m.Length), float64(s.target)),
		Media:       ratio(float64(m.Images), 2),
		Originality: 1 - max(r.Similarity, m.Brief),
	}
	if s.topics > 0 {
		c.Topics = float64(m.Topics) / float64(s.topics)
	}
	c.Judges = s.judgeComponent(s.judges[e.ID])
	c.Originality = clamp01(c.Originality)
	return c
}

// engagementPart is the engagement component of r, given the field's
// highest engagement.
func (s *Scorer) engagementPart(r *Result, top float64) float64 {
	if top > 0 {
		// An entry outside the field may outdo its highest; it is shown
		// what it would have had, still within [0,1].
		return min(1, r.Engagement/top)
	}
	return 0
}

func (s *Scorer) judgeComponent(scores []float64) float64 {
	if len(scores) == 0 || s.scale.Max <= s.scale.Min {
		return 0
	}
	sum := 0.0
	for _, v := range scores {
		sum += v
	}
	mean := sum / float64(len(scores))
	return clamp01((mean - s.scale.Min) / (s.scale.Max - s.scale.Min))
}

func (s *Scorer) weighted(c Components) float64 {
	w := s.w
	total := w.Length + w.Topics + w.Engagement + w.Media + w.Originality + w.Judges
	if total == 0 {
		return 0
	}
	sum := w.Length*c.Length + w.Topics*c.Topics + w.Engagement*c.Engagement +
		w.Media*c.Media + w.Originality*c.Originality + w.Judges*c.Judges
	return 100 * sum / total
}

// engagement sums in float64: the weighted sum of counts near the int64
// limit would overflow to a negative number, and its NaN logarithm would
// zero every entry's engagement.
func engagement(m *check.Measure) float64 {
	return math.Log1p(nonNeg(m.Likes) + 2*nonNeg(m.Comments) + 3*nonNeg(m.Reposts))
}

func nonNeg(n int64) float64 { return float64(max(n, 0)) }

func ratio(a, b float64) float64 {
	if b <= 0 {
		return 0
	}
	return min(1, a/b)
}

func clamp01(f float64) float64 { return max(0, min(1, f)) }

// competes reports whether an entry passes every check but author-limit,
// which itself depends on scores.
func competes(e *check.Entry) bool {
	if e.Accepted || e.Rejected { // an operator's override decides
		return e.Accepted
	}
	for _, r := range e.Reasons {
		if !r.Pass && r.Code != check.AuthorLimit {
			return false
		}
	}
	return true
}

// Competes is competes for callers outside the package.
func Competes(e *check.Entry) bool { return competes(e) }

// Order compares two entries for ranking: higher score first, then the
// earlier post, then the smaller id (byte order), so the order is total.
func Order(a, b *check.Entry, sa, sb float64) int {
	if c := cmp.Compare(sb, sa); c != 0 {
		return c
	}
	return Earlier(a, b)
}

// Earlier orders entries by created_at, then id; an entry without a time
// comes after every entry with one, since it cannot show it came first.
func Earlier(a, b *check.Entry) int {
	if a.HasTime != b.HasTime {
		if a.HasTime {
			return -1
		}
		return 1
	}
	if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
		return c
	}
	if c := strings.Compare(a.ID, b.ID); c != 0 {
		return c
	}
	// Same id (two exports, or one export repeating it): file, then line
	// and column as numbers, so line 9 comes before line 10.
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}
