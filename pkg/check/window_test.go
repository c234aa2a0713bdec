package check_test

import (
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
)

func TestWindow(t *testing.T) {
	const window = "window: {start: \"2025-07-15 10:00\", end: \"2025-07-22 23:59:59\", timezone: Asia/Shanghai}\n"
	const limit = "2025-07-15 10:00:00 +08:00 to 2025-07-22 23:59:59 +08:00"
	shanghai := time.FixedZone("CST", 8*3600)
	at := func(d, h, m, s int) time.Time { return time.Date(2025, 7, d, h, m, s, 0, shanghai) }
	tests := []struct {
		name    string
		rules   string
		when    time.Time
		hasTime bool
		want    []check.Reason
	}{
		{name: "inside", rules: window, when: at(16, 12, 30, 0), hasTime: true},
		{name: "at the start", rules: window, when: at(15, 10, 0, 0), hasTime: true},
		{name: "at the end", rules: window, when: at(22, 23, 59, 59), hasTime: true},
		{name: "a second early", rules: window, when: at(15, 9, 59, 59), hasTime: true,
			want: []check.Reason{{Code: check.OutsideWindow, Measured: "2025-07-15 09:59:59 +08:00", Limit: limit,
				Message: "posted 2025-07-15 09:59:59 +08:00, before the campaign started 2025-07-15 10:00:00 +08:00"}}},
		// An end written to the second includes that whole second.
		{name: "within the last second", rules: window, when: at(22, 23, 59, 59).Add(999 * time.Millisecond), hasTime: true},
		{name: "in the start's second", rules: window, when: at(15, 10, 0, 0).Add(time.Millisecond), hasTime: true},
		{name: "a millisecond early", rules: window, when: at(15, 10, 0, 0).Add(-time.Millisecond), hasTime: true,
			want: []check.Reason{{Code: check.OutsideWindow, Measured: "2025-07-15 09:59:59 +08:00", Limit: limit,
				Message: "posted 2025-07-15 09:59:59 +08:00, before the campaign started 2025-07-15 10:00:00 +08:00"}}},
		{name: "open start, within the end date's last instant", rules: "window: {end: \"2025-07-22\", timezone: \"+08:00\"}\n", when: at(23, 0, 0, 0).Add(-time.Nanosecond), hasTime: true},
		{name: "end with fractions kept as written", rules: "window: {end: \"2025-07-22T23:59:59.5+08:00\"}\n", when: at(22, 23, 59, 59).Add(600 * time.Millisecond), hasTime: true,
			want: []check.Reason{{Code: check.OutsideWindow, Measured: "2025-07-22 15:59:59 +00:00", Limit: "until 2025-07-22 15:59:59 +00:00",
				Message: "posted 2025-07-22 15:59:59 +00:00, after the campaign ended 2025-07-22 15:59:59 +00:00"}}},
		{name: "a second late", rules: window, when: at(23, 0, 0, 0), hasTime: true,
			want: []check.Reason{{Code: check.OutsideWindow, Measured: "2025-07-23 00:00:00 +08:00", Limit: limit,
				Message: "posted 2025-07-23 00:00:00 +08:00, after the campaign ended 2025-07-22 23:59:59 +08:00"}}},
		{name: "utc time shown in the window's zone", rules: window, when: time.Date(2025, 7, 15, 1, 0, 0, 0, time.UTC), hasTime: true,
			want: []check.Reason{{Code: check.OutsideWindow, Measured: "2025-07-15 09:00:00 +08:00", Limit: limit,
				Message: "posted 2025-07-15 09:00:00 +08:00, before the campaign started 2025-07-15 10:00:00 +08:00"}}},
		{name: "no timestamp", rules: window,
			want: []check.Reason{{Code: check.NoTimestamp, Limit: limit, Message: "no timestamp; the campaign runs " + limit}}},
		{name: "open start", rules: "window: {end: \"2025-07-22\", timezone: \"+08:00\"}\n", when: at(1, 0, 0, 0), hasTime: true},
		{name: "open start, late", rules: "window: {end: \"2025-07-22\", timezone: \"+08:00\"}\n", when: at(23, 0, 0, 0), hasTime: true,
			want: []check.Reason{{Code: check.OutsideWindow, Measured: "2025-07-23 00:00:00 +08:00", Limit: "until 2025-07-22 23:59:59 +08:00",
				Message: "posted 2025-07-23 00:00:00 +08:00, after the campaign ended 2025-07-22 23:59:59 +08:00"}}},
		{name: "open end, no timestamp", rules: "window: {start: \"2025-07-15\", timezone: \"+08:00\"}\n",
			want: []check.Reason{{Code: check.NoTimestamp, Limit: "from 2025-07-15 00:00:00 +08:00",
				Message: "no timestamp; the campaign runs from 2025-07-15 00:00:00 +08:00"}}},
		{name: "no window, no timestamp needed", rules: "name: x\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := inspect(t, tt.rules, &export.Post{ID: "p", CreatedAt: tt.when, HasTime: tt.hasTime})
			assertReasons(t, e.Reasons, tt.want)
		})
	}
}
