package commands

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const rootExamples = `  # write a commented rule file from the campaign's announcement
  promo init --from announcement.txt --out rules.yaml

  # check every entry, then rank the valid ones and split the pool
  promo validate -r rules.yaml export/
  promo rank -r rules.yaml export/posts.jsonl -o csv --out payouts.csv

  # why did one entry pass, fail or rank where it did
  promo explain -r rules.yaml export/ 1790000000000000001

  # how long is a text in every unit, and which tags it has
  promo count '#第三届积分狂欢节# 参加了'
  promo count post.txt`

// rootExitStatus is the exit status table of docs/reference.md, short.
const rootExitStatus = `Exit status:
  0    the command ran (invalid entries are findings, not failures)
  1    --strict and an entry invalid or unreadable; draw --expect-digest
       and the eligible list changed; diff and something changed
  2    usage error, invalid rule file or other refused input
  3    no export could be read
  4    a file could not be read or written (an input, --out, standard output)
  130  interrupted (Ctrl-C or SIGTERM); no --out file is left`

const environmentShort = `Environment:
  PROMO_<FLAG>  a tool setting, e.g. PROMO_OUTPUT=json, PROMO_WORKERS=4
  PROMO_CONFIG  the config file (else ./promo.yaml, ~/.config/promo/promo.yaml)
  NO_COLOR      any value turns colour off (as does --no-color or TERM=dumb)
  Run 'promo help environment' for every setting.`

// helpColumns is the width of the terminal the help is laid out for.
const helpColumns = 80

// addHelp gives the root command its examples, and a help that ends with
// the exit status and the environment; subcommands keep Cobra's help, with
// the flag lists wrapped to helpColumns.
func addHelp(root *cobra.Command) {
	root.Example = rootExamples
	root.SetUsageTemplate(wrapFlagLists(root.UsageTemplate()))
	// declared here so that Cobra does not take -v, which the judging
	// commands use for --verbose
	root.Flags().Bool("version", false, "print the version, commit and Go version of promo")
	cobraHelp := root.HelpFunc()
	root.SetHelpFunc(func(cmd *cobra.Command, args []string) {
		cobraHelp(cmd, args)
		if cmd == root {
			fmt.Fprintf(cmd.OutOrStdout(), "\n%s\n\n%s\n", rootExitStatus, environmentShort)
		}
	})
	root.AddCommand(newEnvironmentTopic(root))
	fitCompletionHelp(root)
}

// fitCompletionHelp adds Cobra's completion command now rather than as the
// root runs, so that its texts, Cobra's own, can be fitted to helpColumns
// like the others (the bash one has a line of 81 columns).
func fitCompletionHelp(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		for _, shell := range c.Commands() {
			shell.Long = fitLines(shell.Long, helpColumns)
		}
	}
}

// fitLines breaks each line of s wider than width at its last space that
// fits, going on with the same indent. s is ASCII, one column a byte.
func fitLines(s string, width int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		for len(line) > width {
			cut := strings.LastIndexByte(line[:width+1], ' ')
			if cut <= len(indent) {
				break // one word wider than width: left as it is
			}
			out = append(out, line[:cut])
			line = indent + line[cut+1:]
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// wrapFlagLists makes Cobra's usage template lay out the flag lists in
// helpColumns rather than one line a flag, which runs to 180 columns for
// the longer texts. pflag wraps the text of a flag under itself and keeps
// every line it wraps shorter than the width it is given, so it is given
// one column more: a line of exactly helpColumns fits, and stays as it is.
func wrapFlagLists(tmpl string) string {
	wrapped := fmt.Sprintf("FlagUsagesWrapped %d", helpColumns+1)
	for _, set := range []string{".LocalFlags.", ".InheritedFlags."} {
		tmpl = strings.ReplaceAll(tmpl, set+"FlagUsages ", set+wrapped+" ")
	}
	return tmpl
}

// newEnvironmentTopic is `promo help environment`: a help topic (a command
// that does not run) listing every setting read from the environment. Its
// text is built when asked, from the flags of every command, so that a new
// flag is listed as soon as it exists.
func newEnvironmentTopic(root *cobra.Command) *cobra.Command {
	topic := &cobra.Command{
		Use:   "environment",
		Short: "Settings from PROMO_* variables, NO_COLOR and config files",
	}
	topic.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		fmt.Fprint(cmd.OutOrStdout(), environmentHelp(root))
	})
	return topic
}

// environmentHelp lists the tool settings (taken from PROMO_* and the
// config file), the output paths (PROMO_* only) and the campaign values
// (refused from both), from the lists settings.go checks.
func environmentHelp(root *cobra.Command) string {
	var tool []string
	for _, name := range flagNames(root) {
		if !slices.Contains(campaignSettings, name) && !slices.Contains(outputSettings, name) {
			tool = append(tool, name)
		}
	}
	var b strings.Builder
	b.WriteString(`Settings come from, in order of precedence: a flag, a PROMO_* variable (the
flag's name in upper case with _ for -: --no-color is PROMO_NO_COLOR), the
config file, the default. The config file is --config FILE or PROMO_CONFIG,
else promo.yaml in the working folder, else promo/promo.yaml in the user's
config folder; it holds the same keys as the flags (output: json).

Tool settings (flag, PROMO_* variable or config file key):
`)
	writeSettings(&b, tool)
	b.WriteString(`
Output paths (flag or PROMO_* variable, announced on stderr; refused in the
config file, which every run reads):
`)
	writeSettings(&b, outputSettings)
	b.WriteString(`
Campaign values (flag only; a PROMO_* variable or config key for one is
refused with exit status 2, whichever command runs, so that a forgotten
variable cannot change a verdict or an amount):
`)
	writeSettings(&b, campaignSettings)
	b.WriteString(`
Other variables:
  PROMO_CONFIG  the config file
  NO_COLOR      any value turns colour off in tables (as --no-color, TERM=dumb)
  TERM=dumb     no colour
`)
	return b.String()
}

// writeSettings writes one "  --flag  PROMO_FLAG" line per setting.
func writeSettings(b *strings.Builder, names []string) {
	for _, n := range names {
		fmt.Fprintf(b, "  %-18s %s\n", "--"+n, envName(n))
	}
}

// flagNames are the names of every flag of every command, sorted, without
// help, version, config and hidden ones (which are not settings).
func flagNames(root *cobra.Command) []string {
	seen := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" {
			return // its --no-descriptions is not a setting
		}
		visit := func(f *pflag.Flag) {
			switch f.Name {
			case "help", "version", "config":
				return
			}
			if f.Hidden {
				return
			}
			seen[f.Name] = true
		}
		c.Flags().VisitAll(visit)
		c.PersistentFlags().VisitAll(visit)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
