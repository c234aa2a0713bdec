package check

import (
	"fmt"
	"strconv"
)

// briefCheck reports copies-brief: the share of the entry's wording found
// in the announcement reaches the threshold. Containment, not similarity,
// so pasting half the brief into a short post is caught, while quoting the
// tag or one sentence in a post of one's own is not.
type briefCheck struct {
	threshold float64
}

func (c *briefCheck) Run(s *Subject, out []Reason) []Reason {
	// The containment was measured with the entry's signature; Inspect puts
	// it on the subject before the checks run.
	got := s.brief
	failed := got >= c.threshold && got > 0
	if !failed && !s.Verbose {
		return out // (the message is built only when it is shown)
	}
	msg := fmt.Sprintf("%.0f%% of the wording is in the brief, the limit is %.0f%%", got*100, c.threshold*100)
	if failed {
		return append(out, Reason{Code: CopiesBrief, Measured: ratio(got), Limit: ratio(c.threshold), Message: msg})
	}
	return passIf(s, out, CopiesBrief, msg, ratio(got), ratio(c.threshold))
}

func ratio(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
