package check

import (
	"fmt"
	"strconv"

	"github.com/promo-cli/promo/pkg/text"
)

// lengthCheck reports too-short and too-long. The length itself is
// measured once per post by the Checker, since scoring needs it too.
type lengthCheck struct {
	min, max int
	unit     text.Unit
	excluded string // "tags, urls not counted", for messages
}

func (c *lengthCheck) Run(s *Subject, out []Reason) []Reason {
	n := s.Length
	if (c.min <= 0 || n >= c.min) && (c.max <= 0 || n <= c.max) && !s.Verbose {
		return out // passed; the messages are built only when shown
	}
	measured := strconv.Itoa(n)
	switch {
	case c.min > 0 && n < c.min:
		return append(out, Reason{Code: TooShort, Measured: measured, Limit: strconv.Itoa(c.min),
			Message: fmt.Sprintf("%d %s, at least %d needed%s", n, c.unit, c.min, c.excluded)})
	case c.max > 0 && n > c.max:
		return append(out, Reason{Code: TooLong, Measured: measured, Limit: strconv.Itoa(c.max),
			Message: fmt.Sprintf("%d %s, at most %d allowed%s", n, c.unit, c.max, c.excluded)})
	}
	if c.min > 0 {
		out = passIf(s, out, TooShort, fmt.Sprintf("%d %s, at least %d needed%s", n, c.unit, c.min, c.excluded), measured, strconv.Itoa(c.min))
	}
	if c.max > 0 {
		out = passIf(s, out, TooLong, fmt.Sprintf("%d %s, at most %d allowed%s", n, c.unit, c.max, c.excluded), measured, strconv.Itoa(c.max))
	}
	return out
}

// excludedNote says what the count leaves out, so that an operator who
// counts by hand knows why the figure differs from theirs.
func excludedNote(ex text.Exclude) string {
	var names []string
	for _, e := range text.ExcludeNames {
		if ex&e.Bit != 0 {
			names = append(names, e.Name)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return " (" + names[0] + " not counted)"
	}
	last := len(names) - 1
	s := " ("
	for i, n := range names[:last] {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s + " and " + names[last] + " not counted)"
}
