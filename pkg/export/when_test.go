package export

import (
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
	want := `created_at "next tuesday" is not a time; use RFC 3339 (2025-07-15T10:00:00+08:00), "2006-01-02 15:04:05", "2006-01-02 15:04", "2006/01/02 15:04:05" or Unix seconds or milliseconds`
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
