package export

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var timeUTC = time.UTC

// zoned layouts carry their own offset; local layouts are read in Options.Location.
var (
	zonedLayouts = []string{time.RFC3339, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00", "2006-01-02 15:04Z07:00"}
	// Month, day and hour without a leading zero also read two digits, and Excel writes
	// "2025/7/6 9:05". A date alone is midnight.
	localLayouts = []string{"2006-1-2 15:04:05", "2006-1-2 15:04", "2006/1/2 15:04:05", "2006-1-2T15:04:05",
		"2006/1/2 15:04", "2006-1-2T15:04", "2006-1-2", "2006/1/2"}
)

// noYear matches a month and day first, as Weibo shows this year's posts ("07-16 12:00").
var noYear = regexp.MustCompile(`^\d{1,2}\s*[-/.月]\s*\d{1,2}(\s*日)?(\s|$)`)

// yearLast is a date written day and month first, "9/3/2025 14:05", whose order only
// export.date_order can tell.
var yearLast = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$`)

// hanDate is "2025年9月3日 14:05", with or without the time and the spaces.
var hanDate = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?)?$`)

const timeForms = `RFC 3339 (2025-07-15T10:00:00+08:00), "2006-01-02 15:04:05", "2006-01-02 15:04", "2006/01/02 15:04:05", "2025年7月15日 10:00", Unix seconds or milliseconds, or an Excel serial date`

// The ranges of a bare number: below excelUpTo an Excel serial date (1900 system,
// 100000 is the year 2173), from unixFrom Unix seconds (1e9 is 2001), from msFrom Unix
// milliseconds (1e11 s is the year 5138, 1e11 ms is 1973). Between the first two a number
// is neither and the record is unreadable rather than guessed.
const (
	excelUpTo = 100000
	unixFrom  = 1e9
	msFrom    = 1e11
)

// Date orders of export.date_order.
const (
	OrderYMD = "ymd"
	OrderDMY = "dmy"
	OrderMDY = "mdy"
)

func (b *builder) when(v val, probs *[]string) (time.Time, bool) {
	if v.kind == kList || v.kind == kObject {
		*probs = append(*probs, "created_at must be a time, not a "+shape(v)+"; use "+timeForms)
		return time.Time{}, false
	}
	s := strings.TrimSpace(v.str)
	if v.kind == kNull || s == "" {
		return time.Time{}, false
	}
	t, why := parseTime(s, v.kind == kNumber, b.opt.Location, b.opt.DateOrder)
	if why == "" {
		return t, true
	}
	*probs = append(*probs, why)
	return time.Time{}, false
}

// parseTime reads one timestamp; when it cannot, it says why in a message for the operator.
func parseTime(s string, number bool, loc *time.Location, order string) (time.Time, string) {
	// RFC 3339, as most exports write their times, is neither a number nor
	// a plain date (it has a zone), so it is tried first: what comes before
	// it below fails on it anyway, on every post.
	if len(s) >= len("2006-01-02T15:04:05Z") && s[10] == 'T' {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t, ""
		}
	}
	if t, why, ok := parseNumber(s, number, loc); ok {
		return t, why
	}
	if t, ok := parsePlain(s, loc); ok {
		return t, ""
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, ""
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, ""
		}
	}
	if m := hanDate.FindStringSubmatch(s); m != nil {
		if t, ok := dateOf(m[1], m[2], m[3], m[4:], loc); ok {
			return t, ""
		}
	}
	if m := yearLast.FindStringSubmatch(s); m != nil {
		return dayMonth(s, m, loc, order)
	}
	if noYear.MatchString(s) {
		return time.Time{}, fmt.Sprintf("created_at %q has no year, so it cannot be placed in the campaign window; export full dates such as \"2025-07-16 12:00\"", clip(s))
	}
	return time.Time{}, fmt.Sprintf("created_at %q is not a time; use %s", clip(s), timeForms)
}

// parsePlain reads the common "2025-07-16 10:00:00" and its kin (slashes, a T, no
// seconds, no time, one-digit month, day or hour) by hand: each layout time.Parse tries
// and fails on the way costs allocations, on every post. Anything else (a zone, a
// fraction of a second) is left to the layouts.
func parsePlain(s string, loc *time.Location) (time.Time, bool) {
	year, i := num(s, 0, 4, 4)
	if i < 0 || i >= len(s) || (s[i] != '-' && s[i] != '/') {
		return time.Time{}, false
	}
	sep := s[i]
	month, i := num(s, i+1, 1, 2)
	if i < 0 || i >= len(s) || s[i] != sep {
		return time.Time{}, false
	}
	day, i := num(s, i+1, 1, 2)
	if i < 0 {
		return time.Time{}, false
	}
	clock := [3]string{}
	if i < len(s) {
		if s[i] != ' ' && s[i] != 'T' {
			return time.Time{}, false
		}
		var ok bool
		if clock, ok = plainClock(s[i+1:]); !ok {
			return time.Time{}, false
		}
	}
	return dateOf(year, month, day, clock[:], loc)
}

// plainClock reads "9:05" or "09:05:30".
func plainClock(s string) ([3]string, bool) {
	var c [3]string
	var i int
	if c[0], i = num(s, 0, 1, 2); i < 0 || i >= len(s) || s[i] != ':' {
		return c, false
	}
	if c[1], i = num(s, i+1, 2, 2); i < 0 {
		return c, false
	}
	if i < len(s) {
		if s[i] != ':' {
			return c, false
		}
		if c[2], i = num(s, i+1, 2, 2); i != len(s) {
			return c, false
		}
	}
	return c, true
}

// num reads from lo to hi digits at s[i:]; the index after them is -1 when there are
// too few.
func num(s string, i, lo, hi int) (string, int) {
	j := i
	for j < len(s) && j-i < hi && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j-i < lo {
		return "", -1
	}
	return s[i:j], j
}

// dayMonth reads "9/3/2025": the order comes from export.date_order, or from the
// numbers themselves when only one order makes a date (13/3/2025) or both give the same.
func dayMonth(s string, m []string, loc *time.Location, order string) (time.Time, string) {
	first, _ := strconv.Atoi(m[1])
	second, _ := strconv.Atoi(m[2])
	switch {
	case order == OrderDMY, order == "" && (first > 12 || first == second):
		m[1], m[2] = m[2], m[1]
	case order == OrderMDY, order == "" && second > 12:
	case order == OrderYMD:
		return time.Time{}, fmt.Sprintf("created_at %q puts the year last, but export.date_order is ymd; set export.date_order to dmy or mdy", clip(s))
	default:
		return time.Time{}, fmt.Sprintf("created_at %q could be day/month or month/day; set export.date_order to dmy or mdy in the rule file", clip(s))
	}
	if t, ok := dateOf(m[3], m[1], m[2], m[4:], loc); ok {
		return t, ""
	}
	return time.Time{}, fmt.Sprintf("created_at %q is not a date in the order %s; check export.date_order", clip(s), orderName(order))
}

func orderName(order string) string {
	if order == "" {
		return "day/month or month/day"
	}
	return order
}

// dateOf builds a local time from digit strings, refusing dates such as 31 February
// that time.Date would carry over into the next month.
func dateOf(year, month, day string, clock []string, loc *time.Location) (time.Time, bool) {
	var n [6]int
	for i, d := range [3]string{year, month, day} {
		n[i], _ = strconv.Atoi(d)
	}
	for i, d := range clock[:min(3, len(clock))] {
		if d != "" {
			n[3+i], _ = strconv.Atoi(d)
		}
	}
	t := time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], 0, loc)
	ok := t.Year() == n[0] && int(t.Month()) == n[1] && t.Day() == n[2] &&
		t.Hour() == n[3] && t.Minute() == n[4] && t.Second() == n[5]
	return t, ok
}

// parseNumber reads a bare number: an Excel serial date, Unix seconds or milliseconds. A
// JSON number may carry a fraction, and so may text such as "1752724800.0", which
// spreadsheets and pandas write. ok is false when s is not a number at all.
func parseNumber(s string, number bool, loc *time.Location) (t time.Time, why string, ok bool) {
	var f float64
	// ParseInt is asked only about digits: its error for any other text
	// (every timestamp written as a date) costs two allocations a post.
	if n, ok := parseInt(s); ok {
		f = float64(n)
		if n >= msFrom {
			return time.UnixMilli(n).UTC(), "", true
		}
	} else {
		if !number && !isDecimal(s) {
			return time.Time{}, "", false
		}
		var err error
		if f, err = strconv.ParseFloat(s, 64); err != nil {
			return time.Time{}, "", false
		}
	}
	switch {
	case f < 0 || f > math.MaxInt64/1e6:
		return time.Time{}, fmt.Sprintf("created_at %q is not a time; use %s", clip(s), timeForms), true
	case f >= msFrom:
		return time.UnixMilli(int64(f)).UTC(), "", true
	case f >= unixFrom:
		sec, frac := math.Modf(f)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC(), "", true
	case f >= excelUpTo:
		return time.Time{}, fmt.Sprintf("created_at %s is neither an Excel serial date (below 100000) nor Unix seconds (from 1000000000); export the time as text such as \"2025-07-16 12:00\"", clip(s)), true
	case f < 1:
		return time.Time{}, fmt.Sprintf("created_at %s is an Excel time of day without a date; format the column as a date and time", clip(s)), true
	}
	return excelSerial(f, loc), "", true
}

// excelSerial converts a serial date of Excel's 1900 system, read in loc: day 1 is
// 1900-01-01 and, as in Excel, a 29 February 1900 is counted, so from day 61 on the
// days count from 1899-12-30. The fraction is the time of day, to the nearest second.
func excelSerial(f float64, loc *time.Location) time.Time {
	days := math.Floor(f)
	secs := int(math.Round((f - days) * 86400))
	d := int(days)
	if d < 61 {
		d++
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, loc).AddDate(0, 0, d).Add(time.Duration(secs) * time.Second)
}

// parseInt is strconv.ParseInt in base 10 for a sign and digits only.
func parseInt(s string) (int64, bool) {
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || strings.Trim(digits, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// isDecimal reports whether s is 1 to 19 digits, a point and 1 to 9 digits,
// as "1752724800.0" from a spreadsheet: by hand, as it is asked of every
// timestamp written as a date.
func isDecimal(s string) bool {
	whole, frac, ok := strings.Cut(s, ".")
	return ok && allDigits(whole, 19) && allDigits(frac, 9)
}

func allDigits(s string, max int) bool {
	return s != "" && len(s) <= max && strings.Trim(s, "0123456789") == ""
}

// count reads a metric: a JSON number or a numeric string, thousands commas allowed.
func count(v val, f field, probs *[]string) int64 {
	switch v.kind {
	case kList:
		// Some platforms export the comments themselves rather than their number.
		return int64(len(v.list))
	case kObject:
		*probs = append(*probs, fieldNames[f]+" must be a number, not an object")
		return 0
	}
	if n, ok := smallCount(v.str); ok {
		return n
	}
	s := strings.TrimSpace(v.str)
	if v.kind == kNull || s == "" {
		return 0
	}
	if n, err := strconv.ParseInt(unthousand(s), 10, 64); err == nil && n >= 0 {
		return n
	}
	if fl, err := strconv.ParseFloat(s, 64); err == nil && fl >= 0 && fl < math.MaxInt64 {
		return int64(fl)
	}
	*probs = append(*probs, fmt.Sprintf("%s %q is not a count; write a whole number such as 42", fieldNames[f], clip(s)))
	return 0
}

// smallCount reads a count written as up to 18 digits and nothing else, as
// nearly every count is, which ParseInt would read the same after the
// trimming and the look for commas.
func smallCount(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + int64(c)
	}
	return n, true
}

// unthousand drops the commas of "12,345"; anything else comes back as it was.
func unthousand(s string) string {
	if !strings.Contains(s, ",") {
		return s
	}
	parts := strings.Split(s, ",")
	for i, p := range parts {
		if len(p) > 3 || len(p) == 0 || (i > 0 && len(p) != 3) || strings.Trim(p, "0123456789") != "" {
			return s
		}
	}
	return strings.Join(parts, "")
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}
