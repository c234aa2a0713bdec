package export

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestTimestamps(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name, json string // the created_at value as JSON
		want       time.Time
		ok         bool
	}{
		{"rfc3339", `"2025-07-15T10:00:00+08:00"`, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC), true},
		{"rfc3339 utc with fraction", `"2025-07-15T10:00:00.5Z"`, time.Date(2025, 7, 15, 10, 0, 0, 5e8, time.UTC), true},
		{"space and offset", `"2025-07-15 10:00:00+08:00"`, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC), true},
		{"seconds in location", `"2025-07-15 10:00:00"`, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC), true},
		{"minutes in location", `"2025-07-15 10:00"`, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC), true},
		{"slashes in location", `"2025/07/15 10:00:00"`, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC), true},
		{"unix seconds number", `1752544800`, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC), true},
		{"unix seconds string", `"1752544800"`, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC), true},
		{"unix milliseconds number", `1752544800123`, time.Date(2025, 7, 15, 2, 0, 0, 123e6, time.UTC), true},
		{"unix milliseconds string", `"1752544800123"`, time.Date(2025, 7, 15, 2, 0, 0, 123e6, time.UTC), true},
		{"just below the millisecond line is seconds", `99999999999`, time.Unix(99999999999, 0), true},
		{"the millisecond line", `100000000000`, time.UnixMilli(1e11), true},
		{"fractional seconds number", `1752544800.25`, time.Date(2025, 7, 15, 2, 0, 0, 25e7, time.UTC), true},
		{"excel single-digit month, day and hour", `"2025/7/6 9:05"`, time.Date(2025, 7, 6, 1, 5, 0, 0, time.UTC), true},
		{"single digits with dashes and seconds", `"2025-7-6 9:05:01"`, time.Date(2025, 7, 6, 1, 5, 1, 0, time.UTC), true},
		{"unix seconds with a fraction, as text", `"1752544800.0"`, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC), true},
		{"unix milliseconds with a fraction, as text", `"1752544800123.0"`, time.Date(2025, 7, 15, 2, 0, 0, 123e6, time.UTC), true},
		{"exponent as text is not a time", `"1.7525448e9"`, time.Time{}, false},
		{"no year", `"07-16 12:00"`, time.Time{}, false},
		{"null means no time", `null`, time.Time{}, false},
		{"empty means no time", `""`, time.Time{}, false},
		{"words", `"yesterday"`, time.Time{}, false},
		{"negative", `-5`, time.Time{}, false},
		{"bad date", `"2025-13-01 10:00:00"`, time.Time{}, false},
		{"excel serial number", `45903.5868`, time.Date(2025, 9, 3, 6, 5, 0, 0, time.UTC), true},
		{"excel serial as text", `"45903.5868"`, time.Date(2025, 9, 3, 6, 5, 0, 0, time.UTC), true},
		{"excel whole day", `45903`, time.Date(2025, 9, 2, 16, 0, 0, 0, time.UTC), true},
		{"excel day 1 is 1900-01-01", `1`, time.Date(1899, 12, 31, 16, 0, 0, 0, time.UTC), true},
		{"excel day 61 is 1900-03-01", `61`, time.Date(1900, 2, 28, 16, 0, 0, 0, time.UTC), true},
		{"just below the serial limit", `99999`, time.Date(2173, 10, 12, 16, 0, 0, 0, time.UTC), true},
		{"between serials and unix seconds", `100000`, time.Time{}, false},
		{"just below unix seconds", `999999999`, time.Time{}, false},
		{"unix seconds from 1e9", `1000000000`, time.Unix(1e9, 0), true},
		{"digits of a date are not a number", `"20250903"`, time.Time{}, false},
		{"excel time without a date", `0.5`, time.Time{}, false},
		{"iso with minutes only", `"2025-09-03T14:05"`, time.Date(2025, 9, 3, 6, 5, 0, 0, time.UTC), true},
		{"iso with minutes and zone", `"2025-09-03T14:05Z"`, time.Date(2025, 9, 3, 14, 5, 0, 0, time.UTC), true},
		{"date alone", `"2025-09-03"`, time.Date(2025, 9, 2, 16, 0, 0, 0, time.UTC), true},
		{"chinese date and time", `"2025年9月3日 14:05"`, time.Date(2025, 9, 3, 6, 5, 0, 0, time.UTC), true},
		{"chinese date without spaces", `"2025年09月03日14:05:30"`, time.Date(2025, 9, 3, 6, 5, 30, 0, time.UTC), true},
		{"chinese date alone", `"2025年9月3日"`, time.Date(2025, 9, 2, 16, 0, 0, 0, time.UTC), true},
		{"chinese 31 february", `"2025年2月31日"`, time.Time{}, false},
		{"year first with slashes", `"2025/9/3"`, time.Date(2025, 9, 2, 16, 0, 0, 0, time.UTC), true},
		{"ambiguous day and month", `"9/3/2025 14:05"`, time.Time{}, false},
		{"day over 12 is day first", `"13/3/2025 14:05"`, time.Date(2025, 3, 13, 6, 5, 0, 0, time.UTC), true},
		{"day over 12 is month first", `"3/13/2025"`, time.Date(2025, 3, 12, 16, 0, 0, 0, time.UTC), true},
		{"same day and month", `"3.3.2025"`, time.Date(2025, 3, 2, 16, 0, 0, 0, time.UTC), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, "t.jsonl", `{"id":"1","created_at":`+tt.json+"}\n", Options{Location: loc})
			p := posts[0]
			if p.HasTime != tt.ok || !p.CreatedAt.Equal(tt.want) {
				t.Errorf("got %v %v, want %v %v", p.HasTime, p.CreatedAt, tt.ok, tt.want)
			}
			bad := tt.json != "null" && tt.json != `""` && !tt.ok
			if (p.Unreadable != "") != bad {
				t.Errorf("unreadable = %q, want bad=%v", p.Unreadable, bad)
			}
		})
	}
}

func TestTimestampMessage(t *testing.T) {
	posts := readString(t, "t.jsonl", `{"created_at":"next tuesday"}`+"\n", Options{})
	want := `created_at "next tuesday" is not a time; use RFC 3339 (2025-07-15T10:00:00+08:00), "2006-01-02 15:04:05", "2006-01-02 15:04", "2006/01/02 15:04:05", "2025年7月15日 10:00", Unix seconds or milliseconds, or an Excel serial date`
	if posts[0].Unreadable != want {
		t.Errorf("got  %q\nwant %q", posts[0].Unreadable, want)
	}
}

func TestTimestampWithoutYear(t *testing.T) {
	tests := []struct{ name, value string }{
		{"weibo dashes", "07-16 12:00"},
		{"slashes, single digits", "7/6 9:05"},
		{"chinese", "7月16日 12:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, "t.jsonl", `{"created_at":"`+tt.value+`"}`+"\n", Options{})
			want := `created_at "` + tt.value + `" has no year, so it cannot be placed in the campaign window; export full dates such as "2025-07-16 12:00"`
			if posts[0].HasTime || posts[0].Unreadable != want {
				t.Errorf("got %v %q\nwant %q", posts[0].HasTime, posts[0].Unreadable, want)
			}
		})
	}
}

func TestTimestampAliases(t *testing.T) {
	for _, key := range []string{"created_at", "time", "date", "timestamp", "Created_At"} {
		t.Run(key, func(t *testing.T) {
			posts := readString(t, "t.jsonl", `{"`+key+`":1752544800}`+"\n", Options{})
			if !posts[0].HasTime || posts[0].CreatedAt.Unix() != 1752544800 {
				t.Errorf("key %s: %v %v", key, posts[0].HasTime, posts[0].CreatedAt)
			}
		})
	}
}

func TestDefaultLocationIsUTC(t *testing.T) {
	posts := readString(t, "t.jsonl", `{"time":"2025-07-15 10:00"}`+"\n", Options{})
	if want := time.Date(2025, 7, 15, 10, 0, 0, 0, time.UTC); !posts[0].CreatedAt.Equal(want) {
		t.Errorf("got %v, want %v", posts[0].CreatedAt, want)
	}
}

func TestDateOrder(t *testing.T) {
	tests := []struct {
		name, order, value string
		want               time.Time
		why                string
	}{
		{"no order, ambiguous", "", "9/3/2025 14:05", time.Time{}, `created_at "9/3/2025 14:05" could be day/month or month/day; set export.date_order to dmy or mdy in the rule file`},
		{"dmy", OrderDMY, "9/3/2025 14:05", time.Date(2025, 3, 9, 14, 5, 0, 0, time.UTC), ""},
		{"mdy", OrderMDY, "9/3/2025 14:05", time.Date(2025, 9, 3, 14, 5, 0, 0, time.UTC), ""},
		{"mdy with seconds and dashes", OrderMDY, "09-03-2025 14:05:06", time.Date(2025, 9, 3, 14, 5, 6, 0, time.UTC), ""},
		{"ymd refuses year last", OrderYMD, "9/3/2025", time.Time{}, `created_at "9/3/2025" puts the year last, but export.date_order is ymd; set export.date_order to dmy or mdy`},
		{"mdy against the numbers", OrderMDY, "13/3/2025", time.Time{}, `created_at "13/3/2025" is not a date in the order mdy; check export.date_order`},
		{"year first whatever the order", OrderDMY, "2025/9/3 14:05", time.Date(2025, 9, 3, 14, 5, 0, 0, time.UTC), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, "t.csv", "id,created_at\n1,"+tt.value+"\n", Options{DateOrder: tt.order})
			p := posts[0]
			if p.Unreadable != tt.why || !p.CreatedAt.Equal(tt.want) {
				t.Errorf("got %v %q\nwant %v %q", p.CreatedAt, p.Unreadable, tt.want, tt.why)
			}
		})
	}
}

// TestSmallCountAgreesWithCount holds the digits-only way of count to the
// general one, around its bounds and next to what it must leave alone.
func TestSmallCountAgreesWithCount(t *testing.T) {
	for _, s := range []string{"0", "7", "007", "42", "999999999999999999", "1000000000000000000", "9223372036854775807",
		"", " 5", "5 ", "+5", "-5", "1,234", "1.5", "1e3", "٣", "x"} {
		var probs []string
		want := int64(0)
		if n, err := strconv.ParseInt(unthousand(strings.TrimSpace(s)), 10, 64); err == nil && n >= 0 {
			want = n
		} else if fl, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil && fl >= 0 {
			want = int64(fl)
		}
		for _, k := range []kind{kNumber, kText} {
			if got := count(val{kind: k, str: s}, fLikes, &probs); got != want {
				t.Errorf("count(%q) = %d, want %d", s, got, want)
			}
		}
	}
}
