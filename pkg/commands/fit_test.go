package commands_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
	"github.com/promo-cli/promo/pkg/report"
)

// TestTablesFitTerminal runs the sample campaign's tables on terminals of
// several widths: no line is wider than the terminal (explain's headings
// included), and a pipe gets the same TSV whatever width the terminal
// would have.
//
// Each run judges the sample again, which under the race detector costs two
// seconds of CPU, and only the layout varies from run to run: the race run
// checks the narrowest terminal, and the plain run (a step of .ci/run) every
// width and the pipe.
func TestTablesFitTerminal(t *testing.T) {
	t.Parallel()
	rules, exp := "../../testdata/sample/rules.yaml", "../../testdata/sample/export"
	runs := map[string][]string{
		"validate": {"validate", "-r", rules, exp},
		"rank":     {"rank", "--all", "-r", rules, exp},
		"explain":  {"explain", "-r", rules, exp, "p35"},
	}
	run := func(t *testing.T, args []string, tty bool, width int) string {
		var out, errOut bytes.Buffer
		ios := commands.TestStreams(strings.NewReader(""), &out, &errOut)
		ios.OutTTY, ios.Width = tty, width
		if code := commands.Run(context.Background(), args, ios); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		return out.String()
	}
	for name, args := range runs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			widths := []int{60, 80, 120}
			if raceEnabled {
				widths = widths[:1]
			}
			for _, width := range widths {
				for _, line := range strings.Split(run(t, args, true, width), "\n") {
					if w := report.DisplayWidth(line); w > width {
						t.Errorf("width %d: line of %d columns: %s", width, w, line)
					}
				}
			}
			if !raceEnabled && run(t, args, false, 60) != run(t, args, false, 0) {
				t.Error("piped output depends on the terminal width")
			}
		})
	}
}
