package announce

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
	_ "time/tzdata" // the same zones the rule file loads, whatever the machine has
)

// namedZones are names people write for a zone, mapped to IANA names.
var namedZones = []struct {
	re   *regexp.Regexp
	zone string
}{
	{regexp.MustCompile(`(?i)北京时间|北京時間|中国时间|中國時間|beijing time|china standard time`), "Asia/Shanghai"},
	{regexp.MustCompile(`(?i)香港时间|香港時間|hong kong time|\bhkt\b`), "Asia/Hong_Kong"},
	{regexp.MustCompile(`(?i)台北时间|台北時間|台湾时间|台灣時間|taipei time`), "Asia/Taipei"},
	{regexp.MustCompile(`(?i)新加坡时间|新加坡時間|singapore time|\bsgt\b`), "Asia/Singapore"},
	{regexp.MustCompile(`(?i)东京时间|東京時間|日本时间|日本時間|tokyo time|\bjst\b`), "Asia/Tokyo"},
	{regexp.MustCompile(`(?i)首尔时间|首爾時間|韩国时间|韓國時間|\bkst\b`), "Asia/Seoul"},
}

var (
	ianaZone   = regexp.MustCompile(`\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_\-]+(?:/[A-Za-z_\-]+)?`)
	offsetZone = regexp.MustCompile(`(?i)\b(?:utc|gmt)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?`)
	bareUTC    = regexp.MustCompile(`(?i)\b(?:utc|gmt)\b`)
	emptyParen = regexp.MustCompile(`[(\[]\s*[)\]]`)
)

// halfHourZones are offsets with minutes and no daylight saving, which the
// whole-hour Etc zones cannot express.
var halfHourZones = map[string]string{
	"+3:30": "Asia/Tehran", "+4:30": "Asia/Kabul", "+5:30": "Asia/Kolkata",
	"+5:45": "Asia/Kathmandu", "+6:30": "Asia/Yangon", "+9:30": "Australia/Darwin",
	"-9:30": "Pacific/Marquesas",
}

// takeZone finds a time zone in a folded line and returns it with the line
// where every zone mention is blanked, so that "GMT+08:00" is not read as
// a clock time. A named zone wins over an offset: "北京时间 (UTC+8)".
func takeZone(s string) (zone, rest string) {
	zone = ""
	for _, nz := range namedZones {
		if nz.re.MatchString(s) && zone == "" {
			zone = nz.zone
		}
		s = blank(nz.re, s)
	}
	if m := ianaZone.FindString(s); m != "" && zone == "" && knownZone(m) {
		zone = m
	}
	s = blank(ianaZone, s)
	if m := offsetZone.FindStringSubmatch(s); m != nil && zone == "" {
		zone = offsetName(m[1], m[2], m[3])
	}
	s = blank(offsetZone, s)
	if bareUTC.MatchString(s) && zone == "" {
		zone = "UTC"
	}
	s = blank(bareUTC, s)
	return zone, blank(emptyParen, s)
}

// knownZone reports whether name is a zone the rule file will load: a
// word shaped like "Asia/A" is not one, and writing it would give a rule
// file that does not load.
func knownZone(name string) bool {
	_, err := time.LoadLocation(name)
	return err == nil
}

func blank(re *regexp.Regexp, s string) string {
	return re.ReplaceAllString(s, " ")
}

// offsetName maps "+8" to "Etc/GMT-8": the Etc names invert the sign.
func offsetName(sign, hours, mins string) string {
	h, _ := strconv.Atoi(hours)
	m, _ := strconv.Atoi(mins)
	if sign != "+" {
		sign = "-"
	}
	if m != 0 {
		return halfHourZones[fmt.Sprintf("%s%d:%02d", sign, h, m)]
	}
	switch {
	case h == 0:
		return "UTC"
	case sign == "+" && h <= 14:
		return fmt.Sprintf("Etc/GMT-%d", h)
	case sign == "-" && h <= 12:
		return fmt.Sprintf("Etc/GMT+%d", h)
	}
	return ""
}
