package report

import (
	"io"
	"strconv"

	"github.com/promo-cli/promo/pkg/text"
)

// countJSON fixes the field order of `count -o json` to SPEC's.
type countJSON struct {
	Runes     int      `json:"runes"`
	Graphemes int      `json:"graphemes"`
	Width     int      `json:"width"`
	Weibo     int      `json:"weibo"`
	Han       int      `json:"han"`
	Words     int      `json:"words"`
	Twitter   int      `json:"twitter"`
	Tags      []string `json:"tags"`
}

// CountJSON writes a text's measure in every unit and its tags for a
// program.
func CountJSON(w io.Writer, c text.Counts, tags []text.Tag) error {
	return encodeJSON(w, countJSON{c.Runes, c.Graphemes, c.Width, c.Weibo, c.Han, c.Words, c.Twitter, tagTexts(tags)})
}

// CountTable writes a text's measure in every unit and its tags, padded
// for a terminal or tab-separated.
func CountTable(w io.Writer, c text.Counts, tags []text.Tag, pad bool) error {
	t := Table{Header: []string{"unit", "value"}}
	for _, u := range text.Units {
		t.Rows = append(t.Rows, []string{string(u), strconv.Itoa(c.Of(u))})
	}
	for _, tag := range tags {
		t.Rows = append(t.Rows, []string{"tag", tag.Text})
	}
	return t.Write(w, pad)
}

func tagTexts(tags []text.Tag) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		out = append(out, t.Text)
	}
	return out
}
