package commands_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/promo-cli/promo/pkg/commands"
	"github.com/spf13/cobra"
)

// Help is read in an 80-column terminal; a long line there wraps mid-word
// and is usually a sentence pasted into the wrong place. The whole help of
// every command is checked as printed, and the environment topic, except
// the flag lists, which Cobra lays out on one line a flag.
func TestHelpFitsEightyColumns(t *testing.T) {
	var names [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		names = append(names, path)
		for _, sub := range c.Commands() {
			walk(sub, append(path[:len(path):len(path)], sub.Name()))
		}
	}
	walk(commands.NewRootCmd(commands.TestStreams(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})), nil)
	names = append(names, []string{"help", "environment"})
	for _, path := range names {
		args := append(path[:len(path):len(path)], "--help")
		if len(path) == 2 && path[1] == "environment" {
			args = path
		}
		var out, errOut bytes.Buffer
		if code := commands.Run(context.Background(), args, commands.TestStreams(strings.NewReader(""), &out, &errOut)); code != 0 {
			t.Fatalf("promo %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
		}
		for i, line := range proseLines(out.String()) {
			if w := runewidth.StringWidth(line); w > 80 {
				t.Errorf("promo %s: line %d is %d columns: %q", strings.Join(args, " "), i+1, w, line)
			}
		}
	}
}

// proseLines is help without its flag lists.
func proseLines(help string) []string {
	var keep []string
	flags := false
	for _, line := range strings.Split(help, "\n") {
		switch {
		case line == "Flags:" || line == "Global Flags:":
			flags = true
		case line == "":
			flags = false
		}
		if !flags {
			keep = append(keep, line)
		}
	}
	return keep
}
