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
	zonedLayouts = []string{time.RFC3339, "2006-01-02 15:04:05Z07:00"}
	// Month, day and hour without a leading zero also read two digits, and Excel writes
	// "2025/7/6 9:05".
	localLayouts = []string{"2006-1-2 15:04:05", "2006-1-2 15:04", "2006/1/2 15:04:05", "2006-1-2T15:04:05", "2006/1/2 15:04"}
)

// noYear matches a month and day first, as Weibo shows this year's posts ("07-16 12:00").
var noYear = regexp.MustCompile(`^\d{1,2}\s*[-/.月]\s*\d{1,2}(\s*日)?(\s|$)`)

const timeForms = `RFC 3339 (2025-07-15T10:00:00+08:00), "2006-01-02 15:04:05", "2006-01-02 15:04", "2006/01/02 15:04:05" or Unix seconds or milliseconds`

// msFrom is where Unix seconds end and milliseconds begin: 1e11 s is the year 5138,
// 1e11 ms is 1973.
const msFrom = 1e11

func (b *builder) when(v val, probs *[]string) (time.Time, bool) {
	if v.kind == kList || v.kind == kObject {
		*probs = append(*probs, "created_at must be a time, not a "+shape(v)+"; use "+timeForms)
		return time.Time{}, false
	}
	s := strings.TrimSpace(v.str)
	if v.kind == kNull || s == "" {
		return time.Time{}, false
	}
	if t, ok := parseTime(s, v.kind == kNumber, b.opt.Location); ok {
		return t, true
	}
	if noYear.MatchString(s) {
		*probs = append(*probs, fmt.Sprintf("created_at %q has no year, so it cannot be placed in the campaign window; export full dates such as \"2025-07-16 12:00\"", clip(s)))
		return time.Time{}, false
	}
	*probs = append(*probs, fmt.Sprintf("created_at %q is not a time; use %s", clip(s), timeForms))
	return time.Time{}, false
}

func parseTime(s string, number bool, loc *time.Location) (time.Time, bool) {
	if t, ok := parseUnix(s, number); ok {
		return t, true
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseUnix reads digits as Unix seconds or milliseconds; a JSON number may carry a
// fraction, and so may text such as "1752724800.0", which spreadsheets and pandas write.
func parseUnix(s string, number bool) (time.Time, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
		if n >= msFrom {
			return time.UnixMilli(n).UTC(), true
		}
		return time.Unix(n, 0).UTC(), true
	}
	if !number && !decimalText.MatchString(s) {
		return time.Time{}, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f > math.MaxInt64/1e6 {
		return time.Time{}, false
	}
	if f >= msFrom {
		return time.UnixMilli(int64(f)).UTC(), true
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC(), true
}

var decimalText = regexp.MustCompile(`^[0-9]{1,19}\.[0-9]{1,9}$`)

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
