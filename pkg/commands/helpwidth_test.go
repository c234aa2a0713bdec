package commands_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/promo-cli/promo/pkg/commands"
	"github.com/spf13/cobra"
)

// Help is read in an 80-column terminal; a long line there wraps mid-word
// and is usually a sentence pasted into the wrong place.
func TestHelpFitsEightyColumns(t *testing.T) {
	var out, errOut bytes.Buffer
	root := commands.NewRootCmd(commands.TestStreams(strings.NewReader(""), &out, &errOut))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for i, line := range strings.Split(c.Long+"\n"+c.Example, "\n") {
			if w := runewidth.StringWidth(line); w > 80 {
				t.Errorf("%s: help line %d is %d columns: %q", c.CommandPath(), i+1, w, line)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
