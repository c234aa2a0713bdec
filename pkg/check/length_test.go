package check_test

import (
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
)

func TestLength(t *testing.T) {
	tests := []struct {
		name    string
		length  string // the rule file's length section
		content string
		want    []check.Reason
	}{
		{name: "runes too short", length: "{min: 5, unit: runes, exclude: []}", content: "你好世界",
			want: []check.Reason{{Code: check.TooShort, Measured: "4", Limit: "5", Message: "4 runes, at least 5 needed"}}},
		{name: "runes at the minimum", length: "{min: 4, unit: runes, exclude: []}", content: "你好世界"},
		{name: "graphemes count a skin-toned emoji once", length: "{min: 4, unit: graphemes, exclude: []}", content: "👍🏽你好",
			want: []check.Reason{{Code: check.TooShort, Measured: "3", Limit: "4", Message: "3 graphemes, at least 4 needed"}}},
		{name: "width too long", length: "{max: 5, unit: width, exclude: []}", content: "你好ab",
			want: []check.Reason{{Code: check.TooLong, Measured: "6", Limit: "5", Message: "6 width, at most 5 allowed"}}},
		{name: "width at the maximum", length: "{max: 6, unit: width, exclude: []}", content: "你好ab"},
		{name: "weibo halves latin and rounds up", length: "{min: 5, unit: weibo, exclude: [whitespace]}", content: "你好ab c",
			want: []check.Reason{{Code: check.TooShort, Measured: "4", Limit: "5", Message: "4 weibo, at least 5 needed (whitespace not counted)"}}},
		{name: "han counts ideographs only", length: "{min: 5, unit: han, exclude: []}", content: "你好abc世界",
			want: []check.Reason{{Code: check.TooShort, Measured: "4", Limit: "5", Message: "4 han, at least 5 needed"}}},
		{name: "words", length: "{max: 4, unit: words, exclude: []}", content: "你好 hello world 123",
			want: []check.Reason{{Code: check.TooLong, Measured: "5", Limit: "4", Message: "5 words, at most 4 allowed"}}},
		{name: "twitter weighs a url 23", length: "{max: 27, unit: twitter, exclude: []}", content: "你好 https://example.com",
			want: []check.Reason{{Code: check.TooLong, Measured: "28", Limit: "27", Message: "28 twitter, at most 27 allowed"}}},
		{name: "default exclusions", length: "{min: 3}", content: "#话题# 你好 @bob https://x.io/a",
			want: []check.Reason{{Code: check.TooShort, Measured: "2", Limit: "3",
				Message: "2 graphemes, at least 3 needed (tags, urls, mentions and whitespace not counted)"}}},
		{name: "tags and urls excluded, spaces kept", length: "{min: 5, unit: runes, exclude: [tags, urls]}", content: "#话题# 你好 https://x.io",
			want: []check.Reason{{Code: check.TooShort, Measured: "4", Limit: "5", Message: "4 runes, at least 5 needed (tags and urls not counted)"}}},
		{name: "punctuation excluded", length: "{min: 5, unit: runes, exclude: [punctuation]}", content: "你好，世界！",
			want: []check.Reason{{Code: check.TooShort, Measured: "4", Limit: "5", Message: "4 runes, at least 5 needed (punctuation not counted)"}}},
		{name: "emoji excluded", length: "{min: 3, unit: graphemes, exclude: [emoji]}", content: "你好😀👍🏽",
			want: []check.Reason{{Code: check.TooShort, Measured: "2", Limit: "3", Message: "2 graphemes, at least 3 needed (emoji not counted)"}}},
		{name: "nothing excluded counts the tag", length: "{min: 7, unit: runes, exclude: []}", content: "#话题# 你好"},
		{name: "no maximum", length: "{min: 1, max: 0}", content: strings.Repeat("长", 100000)},
		{name: "empty post", length: "{min: 1}", content: "",
			want: []check.Reason{{Code: check.TooShort, Measured: "0", Limit: "1",
				Message: "0 graphemes, at least 1 needed (tags, urls, mentions and whitespace not counted)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := inspect(t, "length: "+tt.length+"\n", &export.Post{ID: "p", Content: tt.content})
			assertReasons(t, e.Reasons, tt.want)
		})
	}
}

// TestLengthMeasure: the entry keeps the length scoring uses, in the rule's
// unit and exclusions.
func TestLengthMeasure(t *testing.T) {
	e := inspect(t, "length: {unit: weibo, exclude: [whitespace]}\n", &export.Post{ID: "p", Content: "你好ab c"})
	if e.Measure.Length != 4 {
		t.Errorf("Measure.Length = %d, want 4", e.Measure.Length)
	}
}
