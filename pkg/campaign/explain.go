package campaign

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/score"
	"github.com/promo-cli/promo/pkg/text"
)

// Explanation is everything promo can say about one entry; pkg/report
// renders it as it is.
type Explanation struct {
	Entry      *check.Entry
	AlsoIn     []string       // sources of the same post read from other exports
	Checks     []check.Reason // passed and failed, in check order
	Counts     *text.Counts   // the post in every unit, with the rule's exclusions; nil without its text
	Unit       text.Unit      // the rule's length unit
	Score      score.Result
	Components []ComponentLine
	Placing    *Placing // nil when the entry is not ranked
	Ranked     int      // how many entries are ranked
	Reward     string   // the placing's amount as an exact decimal; "" when not paid
	Token      string   // rewards.token
}

// ComponentLine is one score component with its weight and raw inputs.
type ComponentLine struct {
	Name   string
	Value  float64
	Weight float64
	Detail string
}

// Explain describes entry i; post is its text (Options.Keep), nil when the
// entry was unreadable.
func (res *Result) Explain(i int, post *export.Post, st *Standings) *Explanation {
	return res.NewExplainer(st).Explain(i, post)
}

// explain is Explain with the field-wide figures worked out beforehand.
func (res *Result) explain(i int, post *export.Post, st *Standings, top float64, placing *Placing) *Explanation {
	e := &res.Entries[i]
	x := &Explanation{Entry: e, AlsoIn: res.AlsoIn(i), Unit: res.Rules.Length.Unit, Score: res.Scores[i], Token: res.Rules.Rewards.Token}
	switch {
	case e.Has(check.Unreadable):
		// An unreadable entry was never checked nor compared: its reason is
		// all there is to say, and a pass line would claim a check ran.
		x.Checks = e.Reasons
	case post != nil && post.Unreadable == "":
		var ws check.Workspace
		x.Checks = res.Checker.Inspect(post, &ws, true).Reasons
		counts := text.Measure(post.Content, res.Rules.Length.Exclude, text.SyntaxAuto)
		x.Counts = &counts
		x.Checks = append(x.Checks, res.crossReasons(i)...)
	default:
		// Without the text, the findings recorded on the entry stand in
		// for the per-post checks.
		x.Checks = append(postReasons(e), res.crossReasons(i)...)
	}
	x.Components = res.componentLines(i, &x.Score, post, top)
	if st != nil {
		x.Ranked = len(st.Placings)
		x.Placing = placing
		if placing != nil && placing.Paid {
			x.Reward = st.Plan.Format(placing.Amount)
		}
	}
	return x
}

var crossCodes = []check.Code{check.NearDuplicate, check.ReusedImage, check.AuthorLimit, check.DuplicateID, check.SharedWallet, check.Overridden}

// postReasons are the entry's findings of the per-post checks.
func postReasons(e *check.Entry) []check.Reason {
	var out []check.Reason
	for _, r := range e.Reasons {
		if !slices.Contains(crossCodes, r.Code) {
			out = append(out, r)
		}
	}
	return out
}

// crossReasons are the entry's findings that need the other entries, with
// a pass line for each comparison that found nothing.
// duplicate-id has no pass line: ids are unique in nearly every export,
// and the line would only repeat the entry's id.
func (res *Result) crossReasons(i int) []check.Reason {
	e := &res.Entries[i]
	var out []check.Reason
	for _, c := range crossCodes {
		if c == check.SharedWallet && !res.Rules.PaysWallets() {
			continue
		}
		found := false
		for _, r := range e.Reasons {
			if r.Code == c {
				out = append(out, r)
				found = true
			}
		}
		if !found && c != check.DuplicateID && c != check.Overridden { // no decision is no check
			out = append(out, res.pass(c, i))
		}
	}
	return out
}

func (res *Result) pass(c check.Code, i int) check.Reason {
	switch c {
	case check.NearDuplicate:
		return res.nearPass(i)
	case check.ReusedImage:
		msg := "no screenshot of another author's earlier entry"
		if near := res.imageNear[i]; near != "" {
			msg = near
		}
		return check.Reason{Code: c, Pass: true, Message: msg}
	case check.SharedWallet:
		return check.Reason{Code: c, Pass: true, Message: "no other author gives this wallet"}
	}
	return check.Reason{Code: c, Pass: true, Message: "within the author's entry limit"}
}

// nearPass says how close the entry comes to the most similar earlier
// entry, measured against all of them, so a reworded copy under the
// threshold shows its figure instead of passing silently.
func (res *Result) nearPass(i int) check.Reason {
	r := check.Reason{Code: check.NearDuplicate, Pass: true, Message: "repeats no earlier entry"}
	c, ok := res.ClosestEarlier(i)
	if !ok || c.Other < 0 || ratio(c.Similarity) == ratio(0) {
		return r
	}
	o := &res.Entries[c.Other]
	threshold := res.Rules.Content.DuplicateThreshold
	r.Measured, r.Limit, r.Other = ratio(c.Similarity), ratio(threshold), o.ID
	r.Message = fmt.Sprintf("closest earlier entry %s (%s) at %.0f%% similarity, under the %.0f%% threshold",
		o.ID, o.Source(), c.Similarity*100, threshold*100)
	return r
}

func (res *Result) componentLines(i int, s *score.Result, post *export.Post, top float64) []ComponentLine {
	e := &res.Entries[i]
	w := res.Rules.Scoring.Weights
	m := &e.Measure
	c := s.C
	return []ComponentLine{
		{"length", c.Length, w.Length, fmt.Sprintf("%d / %d %s", m.Length, res.Rules.Scoring.LengthTarget, res.Rules.Length.Unit)},
		{"topics", c.Topics, w.Topics, res.topicDetail(m, post)},
		{"engagement", c.Engagement, w.Engagement, fmt.Sprintf("log1p(%d likes + 2×%d comments + 3×%d reposts) = %.3f; the field's highest %.3f",
			m.Likes, m.Comments, m.Reposts, s.Engagement, top)},
		{"media", c.Media, w.Media, fmt.Sprintf("%d of 2 images", m.Images)},
		{"originality", c.Originality, w.Originality, res.originalityDetail(i, s, m)},
		{"judges", c.Judges, w.Judges, judgeDetail(res.judgeScores(e), res.Rules.Scoring.JudgesNorm)},
	}
}

// judgeScores is what the judges gave e, as its score counted them: an
// unreadable entry is not scored, so the sheet's row for its id shows
// nothing.
func (res *Result) judgeScores(e *check.Entry) []float64 {
	if e.Has(check.Unreadable) {
		return nil
	}
	return res.judges[e.ID]
}

func (res *Result) topicDetail(m *check.Measure, post *export.Post) string {
	if post == nil {
		return fmt.Sprintf("%d of %d topic groups", m.Topics, res.Checker.Topics())
	}
	names, hits := res.Checker.TopicHits(post.Content)
	parts := make([]string, len(names))
	for i, n := range names {
		found := "—"
		if len(hits[i]) > 0 {
			found = strings.Join(hits[i], ", ")
		}
		parts[i] = n + ": " + found
	}
	return fmt.Sprintf("%d of %d groups (%s)", m.Topics, len(names), strings.Join(parts, "; "))
}

func (res *Result) topEngagement() float64 {
	top := 0.0
	for i := range res.Entries {
		if score.Competes(&res.Entries[i]) {
			top = math.Max(top, res.Scores[i].Engagement)
		}
	}
	return top
}

// standardisedNote follows the judges' scores under
// scoring.judges_normalize: zscore, where "mean of …" alone would read as
// the judges' own scores.
const standardisedNote = "standardised: each judge's scores as z-scores (minus the judge's mean, over the judge's standard deviation), put back on the sheet's scale"

func judgeDetail(scores []float64, normalize string) string {
	if len(scores) == 0 {
		return "no judge scores"
	}
	parts := make([]string, len(scores))
	for i, v := range scores {
		parts[i] = fmt.Sprintf("%g", v)
	}
	d := "mean of " + strings.Join(parts, ", ")
	if normalize == score.NormalizeZScore {
		d += "; " + standardisedNote
	}
	return d
}

// originalityDetail gives the score's inputs and, when the closest earlier
// entry measures higher than the similarity the score used (pairs the
// near-duplicate search did not propose count as 0), that figure too.
func (res *Result) originalityDetail(i int, s *score.Result, m *check.Measure) string {
	d := fmt.Sprintf("1 − max(similarity to an earlier entry %.2f, share of the brief %.2f)", s.Similarity, m.Brief)
	if c, ok := res.ClosestEarlier(i); ok && c.Other >= 0 && ratio(c.Similarity) != ratio(s.Similarity) {
		d += fmt.Sprintf("; the closest earlier entry, %s, measures %.2f (the score counts only the pairs the near-duplicate search proposes)", res.Entries[c.Other].ID, c.Similarity)
	}
	return d
}
