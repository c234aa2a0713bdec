package announce

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

const (
	monthRe    = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`
	timeLayout = "2006-01-02 15:04:05"
)

// The date forms, read from a folded, lower-cased line with zones blanked.
var (
	isoDate = regexp.MustCompile(`(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})`)
	cnDate  = regexp.MustCompile(`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|号|號)?`)
	enMD    = regexp.MustCompile(`\b` + monthRe + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,?\s*(\d{4})\b)?`)
	enDM    = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRe + `\b\.?(?:\s*,?\s*(\d{4})\b)?`)
	shortMD = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})\b`)
	clockRe = regexp.MustCompile(`^\s*(?:,|at|@)?\s*(上午|下午|晚上|早上|中午)?\s*(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s*[点點时時](?:\s*(\d{1,2})\s*分)?)?(?:\s*((?:am|pm)\b|a\.m\.|p\.m\.))?`)
	sepRe   = regexp.MustCompile(`^\s*(?:-|–|—|~|〜|至|到|(?:to|until|till|through|thru|and)\b)\s*`)
	dayOnly = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s*(?:日|号|號)?(?:\s*,?\s*(\d{4})\b)?`)
	yearRe  = regexp.MustCompile(`\b(20\d\d)\b`)
)

// Short dates like "7.15" are read only on lines that speak of dates,
// so "1.5 ETH" stays an amount.
var dateWords = []string{"时间", "時間", "日期", "期间", "期間", "活动期", "活動期", "period", "date", "time", "from"}

var (
	startWords = []string{"开始", "開始", "起始", "start", "begin", "opens"}
	endWords   = []string{"结束", "結束", "截止", "end", "deadline", "close"}
)

var monthNum = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// point is one date, maybe with a time, found in a line.
type point struct {
	year, month, day  int // year 0: not written
	hour, min, sec    int
	clock, secWritten bool
	start, end        int // byte span in the line
}

// zoned is a line's time zone and the line, lower-cased, without it.
type zoned struct {
	zone, rest string
}

func inferWindow(lines []line, inf *Inferred) {
	year := firstYear(lines)
	zs := make([]zoned, len(lines))
	for i, l := range lines {
		zone, rest := takeZone(l.fold)
		zs[i] = zoned{zone, strings.ToLower(rest)}
	}
	for i, l := range lines {
		p, q, ok := findRange(zs[i].rest)
		if !ok {
			continue
		}
		if start, end, ok := resolve(p, q, year); ok {
			inf.setWindow(start, end, l, l)
			inf.setZone(zs[i].zone, []int{i}, zs, lines)
			return
		}
	}
	inferSplitWindow(lines, zs, year, inf)
}

// inferSplitWindow reads a start and an end written on lines of their own:
// "开始时间:…" then "结束时间:…".
func inferSplitWindow(lines []line, zs []zoned, year int, inf *Inferred) {
	from, to := -1, -1
	var p, q point
	for i, l := range lines {
		isStart, isEnd := containsAny(l.low, startWords), containsAny(l.low, endWords)
		if isStart == isEnd || isEnd && from < 0 || to >= 0 || isStart && from >= 0 {
			continue
		}
		pts := datePoints(zs[i].rest)
		switch {
		case len(pts) != 1:
		case isStart:
			from, p = i, pts[0]
		default:
			to, q = i, pts[0]
		}
	}
	if from < 0 || to < 0 {
		return
	}
	if start, end, ok := resolve(p, q, year); ok {
		inf.setWindow(start, end, lines[from], lines[to])
		inf.setZone("", []int{from, to}, zs, lines)
	}
}

func (inf *Inferred) setWindow(start, end string, from, to line) {
	inf.WindowStart, inf.WindowEnd = start, end
	inf.note("window.start", from)
	inf.note("window.end", to)
}

// setZone takes the zone named on the window's lines, else the first zone
// named anywhere in the text.
func (inf *Inferred) setZone(zone string, near []int, zs []zoned, lines []line) {
	if zone != "" {
		inf.Timezone = zone
		inf.note("window.timezone", lines[near[0]])
		return
	}
	for _, i := range near {
		if zs[i].zone != "" {
			inf.Timezone = zs[i].zone
			inf.note("window.timezone", lines[i])
			return
		}
	}
	for i, z := range zs {
		if z.zone != "" {
			inf.Timezone = z.zone
			inf.note("window.timezone", lines[i])
			return
		}
	}
}

func firstYear(lines []line) int {
	for _, l := range lines {
		if m := yearRe.FindStringSubmatch(l.fold); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y
		}
	}
	return 0
}

// findRange finds the first "date SEP date" in a line; the second date may
// be a bare time ("10:00 - 18:00") or a bare day ("July 15 – 22, 2025").
func findRange(s string) (point, point, bool) {
	pts := datePoints(s)
	for i, p := range pts {
		m := sepRe.FindStringIndex(s[p.end:])
		if m == nil {
			continue
		}
		after := p.end + m[1]
		if i+1 < len(pts) && pts[i+1].start == after {
			return p, pts[i+1], true
		}
		if q, ok := continuation(s[after:], p); ok {
			return p, q, true
		}
	}
	return point{}, point{}, false
}

func continuation(rest string, p point) (point, bool) {
	q := point{year: p.year, month: p.month, day: p.day}
	if m := findClock(rest); m != nil {
		return q, readClock(rest, m, &q)
	}
	m := dayOnly.FindStringSubmatchIndex(rest)
	if m == nil || startsWithAny(rest[m[1]:], "0123456789:./月") {
		return q, false
	}
	q.day = atoi(rest[m[2]:m[3]])
	if m[4] >= 0 {
		q.year = atoi(rest[m[4]:m[5]])
	} else if p.year != 0 {
		q.year = p.year
	}
	q.end = m[1]
	if c := clockRe.FindStringSubmatchIndex(rest[m[1]:]); c != nil {
		readClock(rest[m[1]:], c, &q)
	}
	return q, true
}

func startsWithAny(s, chars string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && strings.ContainsRune(chars, r)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// datePoints lists the dates in a line, in order, each with the time of day
// written right after it. Where two forms overlap, the earlier one wins.
func datePoints(s string) []point {
	var found []point
	for _, m := range isoDate.FindAllStringSubmatchIndex(s, -1) {
		found = append(found, numericPoint(s, m, 2, 4, 6))
	}
	for _, m := range cnDate.FindAllStringSubmatchIndex(s, -1) {
		found = append(found, numericPoint(s, m, 2, 4, 6))
	}
	for _, m := range enMD.FindAllStringSubmatchIndex(s, -1) {
		found = append(found, namedPoint(s, m, 2, 4, 6))
	}
	for _, m := range enDM.FindAllStringSubmatchIndex(s, -1) {
		found = append(found, namedPoint(s, m, 4, 2, 6))
	}
	if len(found) == 0 && containsAny(s, dateWords) {
		for _, m := range shortMD.FindAllStringSubmatchIndex(s, -1) {
			found = append(found, numericPoint(s, m, -1, 2, 4))
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].start < found[j].start })
	var pts []point
	for _, p := range found {
		if len(pts) > 0 && p.start < pts[len(pts)-1].end {
			continue
		}
		if m := findClock(s[p.end:]); m != nil {
			readClock(s[p.end:], m, &p)
			p.end += m[1]
		}
		pts = append(pts, p)
	}
	return pts
}

// group returns submatch k of m in s, or "" when it did not take part.
func group(s string, m []int, k int) string {
	if k < 0 || m[k] < 0 {
		return ""
	}
	return s[m[k]:m[k+1]]
}

func numericPoint(s string, m []int, y, mo, d int) point {
	return point{
		year: atoi(group(s, m, y)), month: atoi(group(s, m, mo)), day: atoi(group(s, m, d)),
		start: m[0], end: m[1],
	}
}

func namedPoint(s string, m []int, mo, d, y int) point {
	name := group(s, m, mo)
	return point{
		year: atoi(group(s, m, y)), month: monthNum[name[:3]], day: atoi(group(s, m, d)),
		start: m[0], end: m[1],
	}
}

// findClock matches a time of day at the start of s: a bare number is not
// one, "10:00", "10点" and "6 pm" are.
func findClock(s string) []int {
	m := clockRe.FindStringSubmatchIndex(s)
	if m == nil || !strings.ContainsAny(s[m[4]:m[1]], ":点點时時") && m[12] < 0 {
		return nil
	}
	return m
}

// readClock fills p's time of day from a clockRe match.
func readClock(s string, m []int, p *point) bool {
	p.clock = true
	p.hour = atoi(group(s, m, 4))
	p.min = atoi(group(s, m, 6)) + atoi(group(s, m, 10))
	p.sec = atoi(group(s, m, 8))
	p.secWritten = m[8] >= 0
	half := group(s, m, 2) + group(s, m, 12)
	switch {
	case strings.HasPrefix(half, "p") || half == "下午" || half == "晚上":
		if p.hour < 12 {
			p.hour += 12
		}
	case strings.HasPrefix(half, "a") && p.hour == 12:
		p.hour = 0
	}
	return true
}

// resolve fills in missing years and default times, and checks the dates.
func resolve(p, q point, textYear int) (start, end string, ok bool) {
	switch {
	case p.year == 0 && q.year == 0:
		p.year, q.year = textYear, textYear
	case p.year == 0:
		p.year = q.year
		if p.month > q.month {
			p.year-- // "Dec 28 – Jan 5, 2026"
		}
	case q.year == 0:
		q.year = p.year
		if q.month < p.month {
			q.year++
		}
	}
	if !q.clock {
		q.hour, q.min, q.sec = 23, 59, 59
	} else if q.hour == 23 && q.min == 59 && !q.secWritten {
		q.sec = 59 // "23:59" means to the end of that minute
	}
	from, ok1 := p.time()
	to, ok2 := q.time()
	if !ok1 || !ok2 || !from.Before(to) {
		return "", "", false
	}
	return from.Format(timeLayout), to.Format(timeLayout), true
}

func (p point) time() (time.Time, bool) {
	if p.year < 1970 || p.year > 9999 || p.hour > 23 || p.min > 59 || p.sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(p.year, time.Month(p.month), p.day, p.hour, p.min, p.sec, 0, time.UTC)
	if t.Month() != time.Month(p.month) || t.Day() != p.day {
		return time.Time{}, false
	}
	return t, true
}
