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
// every command is checked as printed, flag lists included, and the
// environment topic.
func TestHelpFitsEightyColumns(t *testing.T) {
	for _, args := range helpArgs() {
		for i, line := range strings.Split(runHelp(t, args), "\n") {
			if w := runewidth.StringWidth(line); w > 80 {
				t.Errorf("promo %s: line %d is %d columns: %q", strings.Join(args, " "), i+1, w, line)
			}
		}
	}
}

// The flag lists are wrapped, not rewritten: a flag's lines joined again
// are the one line Cobra lays out unwrapped, so a flag that fits keeps its
// line, and a wrapped one goes on under its own text, with no line ending
// in a space.
func TestHelpFlagListsOnlyWrap(t *testing.T) {
	root := helpRoot()
	for _, args := range helpArgs() {
		if len(args) == 2 && args[1] == "environment" {
			continue
		}
		c, _, err := root.Find(args[:len(args)-1])
		if err != nil {
			t.Fatal(err)
		}
		c.InitDefaultHelpFlag() // as running it does
		want := trimLines(c.LocalFlags().FlagUsages()) + trimLines(c.InheritedFlags().FlagUsages())
		help := runHelp(t, args)
		var got strings.Builder
		for _, line := range flagLines(help) {
			if strings.HasSuffix(line, " ") {
				t.Errorf("promo %s: a flag line ends in a space: %q", strings.Join(args, " "), line)
			}
			if cont, ok := strings.CutPrefix(line, "        "); ok && got.Len() > 0 {
				// a continuation: indented under the text it goes on with
				s := got.String()
				got.Reset()
				got.WriteString(strings.TrimSuffix(s, "\n") + " " + strings.TrimLeft(cont, " ") + "\n")
				continue
			}
			got.WriteString(line + "\n")
		}
		if got.String() != want {
			t.Errorf("promo %s: the flag lists joined again differ from Cobra's:\n%s\nwant:\n%s", strings.Join(args, " "), got.String(), want)
		}
	}
}

// helpArgs are the arguments that print the help of every command, help
// and completion included, and of the environment topic.
func helpArgs() [][]string {
	var args [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		if c.Name() != "environment" {
			args = append(args, append(path[:len(path):len(path)], "--help"))
		}
		for _, sub := range c.Commands() {
			walk(sub, append(path[:len(path):len(path)], sub.Name()))
		}
	}
	walk(helpRoot(), nil)
	return append(args, []string{"help", "environment"})
}

// helpRoot is the command tree with the commands Cobra adds as it runs,
// help and completion, which print texts of Cobra's.
func helpRoot() *cobra.Command {
	root := commands.NewRootCmd(commands.TestStreams(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	return root
}

func runHelp(t *testing.T, args []string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := commands.Run(context.Background(), args, commands.TestStreams(strings.NewReader(""), &out, &errOut)); code != 0 {
		t.Fatalf("promo %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// flagLines are the lines of the Flags and Global Flags lists of a help.
func flagLines(help string) []string {
	var keep []string
	flags := false
	for _, line := range strings.Split(help, "\n") {
		switch {
		case line == "Flags:" || line == "Global Flags:":
			flags = true
			continue
		case line == "":
			flags = false
		}
		if flags {
			keep = append(keep, line)
		}
	}
	return keep
}

// trimLines is a flag list as Cobra prints it: without the spaces that
// end its lines.
func trimLines(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if line == "" {
			continue
		}
		b.WriteString(strings.TrimRight(line, " \n") + "\n")
	}
	return b.String()
}
