package check

import (
	"time"
)

// windowCheck reports outside-window, and no-timestamp when a window is
// set: a post without a time cannot be shown to fall inside it.
type windowCheck struct {
	start, end time.Time // zero: open on that side
	loc        *time.Location
}

// newWindowCheck shows the bounds in the window's zone, as it shows post
// times, so a bound written in RFC 3339 with another offset reads alike.
func newWindowCheck(start, end time.Time, loc *time.Location) *windowCheck {
	c := &windowCheck{start: start, end: throughSecond(end), loc: loc}
	if !start.IsZero() {
		c.start = start.In(loc)
	}
	if !end.IsZero() {
		c.end = c.end.In(loc)
	}
	return c
}

const timeLayout = "2006-01-02 15:04:05 -07:00"

func (c *windowCheck) Run(s *Subject, out []Reason) []Reason {
	p := s.Post
	if p.HasTime && !s.Verbose && c.inside(p.CreatedAt) {
		return out // the messages are built only when shown
	}
	limit := c.describe()
	if !p.HasTime {
		return append(out, Reason{Code: NoTimestamp, Limit: limit,
			Message: "no timestamp; the campaign runs " + limit})
	}
	t := p.CreatedAt.In(c.loc)
	switch {
	case !c.start.IsZero() && t.Before(c.start):
		return append(out, Reason{Code: OutsideWindow, Measured: t.Format(timeLayout), Limit: limit,
			Message: "posted " + t.Format(timeLayout) + ", before the campaign started " + c.start.Format(timeLayout)})
	case !c.end.IsZero() && t.After(c.end):
		return append(out, Reason{Code: OutsideWindow, Measured: t.Format(timeLayout), Limit: limit,
			Message: "posted " + t.Format(timeLayout) + ", after the campaign ended " + c.end.Format(timeLayout)})
	}
	return passIf(s, out, OutsideWindow, "posted "+t.Format(timeLayout)+", inside "+limit, t.Format(timeLayout), limit)
}

// inside reports whether t falls in the window, as Run decides it.
func (c *windowCheck) inside(t time.Time) bool {
	return (c.start.IsZero() || !t.Before(c.start)) && (c.end.IsZero() || !t.After(c.end))
}

// throughSecond makes an end written to the second include that whole
// second: "23:59:59" admits a post stamped 23:59:59.400 (Unix ms), which
// would otherwise be reported as posted 23:59:59, after an end of 23:59:59.
func throughSecond(end time.Time) time.Time {
	if end.IsZero() || end.Nanosecond() != 0 {
		return end
	}
	return end.Add(time.Second - time.Nanosecond)
}

func (c *windowCheck) describe() string {
	switch {
	case c.start.IsZero():
		return "until " + c.end.Format(timeLayout)
	case c.end.IsZero():
		return "from " + c.start.Format(timeLayout)
	}
	return c.start.Format(timeLayout) + " to " + c.end.Format(timeLayout)
}
