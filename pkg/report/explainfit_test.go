package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
)

// longHeadingExplanation has prose lines (entry, also in, verdict, place)
// wider than 80 columns, in CJK and in a path without spaces.
func longHeadingExplanation() *campaign.Explanation {
	x := sampleRankedExplanation()
	x.Entry.Author = "積分狂歡節の참가자👨\u200d👩\u200d👧第三届积分狂欢节大赛的老朋友"
	x.Entry.File, x.Entry.Line = "exports/第三届积分狂欢节/some/deeply/nested/folder/posts.jsonl", 12345
	x.AlsoIn = []string{"exports/the-second-copy-of-the-same-export/posts-from-the-api.jsonl:12345"}
	failed := []check.Reason{{Code: check.MissingTag}, {Code: check.TooShort}, {Code: check.NoImage},
		{Code: check.OutsideWindow}, {Code: check.BannedWord}}
	x.Checks = append(x.Checks, failed...)
	x.Entry.Reasons = failed
	x.Reward = "1234567.89"
	return x
}

// TestExplanationFitsTerminal: on a terminal every line of explain, the
// headings as well as the tables, fits its width, and the words of the
// headings are all still there; piped, the headings are single lines.
func TestExplanationFitsTerminal(t *testing.T) {
	x := longHeadingExplanation()
	var piped bytes.Buffer
	if err := ExplanationText(&piped, x, Padded); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{60, 80} {
		var out bytes.Buffer
		if err := ExplanationText(&out, x, Padded.Fit(width)); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if w := DisplayWidth(line); w > width {
				t.Errorf("width %d: line of %d columns: %s", width, w, line)
			}
		}
		// wrapped, the headings keep every character: only spaces and
		// line breaks are added or taken away
		squeezed := strings.Join(strings.Fields(out.String()), "")
		for _, line := range strings.Split(piped.String(), "\n")[:3] {
			if !strings.Contains(squeezed, strings.Join(strings.Fields(line), "")) {
				t.Errorf("width %d: heading %q lost characters", width, line)
			}
		}
	}
	want := "entry p001 by " + x.Entry.Author + " (" + x.Entry.Source() + ")\nalso in " + x.AlsoIn[0] + " (the same post)\n" +
		"verdict: invalid: missing-tag too-short no-image outside-window banned-word\n"
	if !strings.HasPrefix(piped.String(), want) {
		t.Errorf("piped headings changed:\n%s", piped.String())
	}
}
