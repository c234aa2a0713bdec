package commands_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
)

// TestCommandsUnderRace runs in this process, under the race detector, the
// commands that only the scripts run otherwise: under -race the scripts run
// a plain build of promo (see TestMain), and the other tests here already
// run validate, rank, explain, count, report and split in this process.
// Without -race the scripts run this test binary itself, so this adds
// nothing and is skipped.
func TestCommandsUnderRace(t *testing.T) {
	if !raceEnabled {
		t.Skip("only under -race: the scripts run these commands in this test binary")
	}
	t.Parallel()
	// One file of the sample: the fit test judges all of it under -race.
	rules, exp := "../../testdata/sample/rules.yaml", "../../testdata/sample/export/posts.jsonl"
	dir := t.TempDir()
	ranked := filepath.Join(dir, "rank.json")
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"rank", "-q", "-r", rules, "-o", "json", "--out", ranked, exp}, 0},
		{[]string{"draw", "-r", rules, "--seed", "race", "--winners", "3", "--alternates", "2", exp}, 0},
		{[]string{"diff", ranked, ranked}, 0},
		{[]string{"rules", "check", rules}, 0},
		{[]string{"rules", "schema"}, 0},
		{[]string{"init", "--from", "../../testdata/sample/announcement.txt"}, 0},
		{[]string{"split", "-r", rules}, 0},
		{[]string{"completion", "bash"}, 0},
	} {
		var out, errOut bytes.Buffer
		code := commands.Run(context.Background(), c.args, commands.TestStreams(strings.NewReader(""), &out, &errOut))
		if code != c.code {
			t.Errorf("promo %s: exit %d, want %d; stderr:\n%s", strings.Join(c.args, " "), code, c.code, errOut.String())
		}
	}
}
