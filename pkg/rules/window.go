package rules

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zones must work on machines without zoneinfo
)

const zoneHint = "use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC, or an offset such as +08:00"

// checkZones resolves window.timezone and export.timezone; each falls back
// on the other, then on UTC.
func checkZones(v *validator) {
	r := v.r
	win := v.zone("window.timezone", r.Window.Timezone)
	exp := v.zone("export.timezone", r.Export.Timezone)
	r.Window.Location = firstZone(win, exp)
	r.Export.Location = firstZone(exp, win)
}

func firstZone(a, b *time.Location) *time.Location {
	if a != nil {
		return a
	}
	if b != nil {
		return b
	}
	return time.UTC
}

func (v *validator) zone(path, name string) *time.Location {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	if loc := fixedZone(name); loc != nil {
		return loc
	}
	// "Local" would make results depend on the machine.
	if strings.EqualFold(name, "local") {
		v.errorf(path, zoneHint, "`%s` cannot be Local: results must not depend on the machine", path)
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		v.errorf(path, zoneHint, "unknown time zone `%s` in `%s`", name, path)
		return nil
	}
	return loc
}

var offsetZone = regexp.MustCompile(`^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$`)

// fixedZone reads "+08:00", "+0800", "UTC+8" and "GMT-5".
func fixedZone(name string) *time.Location {
	m := offsetZone.FindStringSubmatch(strings.ToUpper(name))
	if m == nil {
		return nil
	}
	h, _ := strconv.Atoi(m[2])
	mins, _ := strconv.Atoi(m[3])
	if h > 14 || mins > 59 {
		return nil
	}
	secs := h*3600 + mins*60
	if m[1] == "-" {
		secs = -secs
	}
	return time.FixedZone(name, secs)
}

// checkWindow reads start and end in the window's zone and checks their order.
func checkWindow(v *validator) {
	w := &v.r.Window
	w.Start, w.End = time.Time{}, time.Time{}
	w.Start = v.windowTime("window.start", w.StartText, false)
	w.End = v.windowTime("window.end", w.EndText, true)
	w.Set = strings.TrimSpace(w.StartText) != "" || strings.TrimSpace(w.EndText) != ""
	if !w.Start.IsZero() && !w.End.IsZero() && !w.Start.Before(w.End) {
		v.errorf("window.end", "swap them, or fix the dates",
			"`window.start` (%s) must be before `window.end` (%s)", w.StartText, w.EndText)
	}
}

var timeLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04"}

// windowTime parses one bound; a date alone is the start of that day, or
// its end when it closes the window.
func (v *validator) windowTime(path, s string, isEnd bool) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	loc := v.r.Window.Location
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t
		}
	}
	if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		if isEnd {
			return t.AddDate(0, 0, 1).Add(-time.Nanosecond)
		}
		return t
	}
	v.errorf(path, `write it as "2025-07-15 10:00", "2025-07-15 10:00:00", "2025-07-15" or RFC 3339`,
		"`%s` is not a time: %q", path, s)
	return time.Time{}
}
