package commands

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/text"
	"github.com/spf13/cobra"
)

// Shell completion: the values of every flag that takes one of a fixed
// set, rule files for -r, and for explain the ids of the export given.

// ruleFileExts are the rule file names -r completes to.
var ruleFileExts = []string{"yaml", "yml", "json"}

// flagValues are the fixed values of flags other than -o, whose values
// each command lists in its own usage.
var flagValues = map[string][]string{
	"encoding":   {"auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "gbk", "gb18030", "big5"},
	"mode":       {"equal", "tiered", "proportional"},
	"ties":       {"share", "earliest"},
	"tag-syntax": {"auto", "twitter", "weibo"},
}

// maxCompletedIDs bounds how many ids explain's completion reads: a
// shell waiting on a tab must not read a whole campaign.
const maxCompletedIDs = 500

// addCompletions registers the completion of every command under root.
func addCompletions(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		addFlagCompletions(c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func addFlagCompletions(c *cobra.Command) {
	f := c.Flags()
	if o := f.Lookup("output"); o != nil {
		_ = c.RegisterFlagCompletionFunc("output", fixedValues(outputFormats(o.Usage)))
	}
	for name, values := range flagValues {
		if f.Lookup(name) != nil {
			_ = c.RegisterFlagCompletionFunc(name, fixedValues(values))
		}
	}
	if f.Lookup("exclude") != nil {
		_ = c.RegisterFlagCompletionFunc("exclude", completeExclude)
	}
	if f.Lookup("rules") != nil {
		_ = c.RegisterFlagCompletionFunc("rules", ruleFiles)
	}
}

// outputFormats reads the formats out of the usage of -o, "output format:
// table, json or csv", so that the list lives in one place.
func outputFormats(usage string) []string {
	_, list, ok := strings.Cut(usage, "output format: ")
	if !ok {
		return nil
	}
	list = strings.ReplaceAll(list, " or ", ", ")
	var formats []string
	for _, f := range strings.Split(list, ", ") {
		if f = strings.TrimSpace(f); f != "" {
			formats = append(formats, f)
		}
	}
	return formats
}

func fixedValues(values []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeExclude completes one more kind of a comma-separated list:
// "tags,u" offers "tags,urls".
func completeExclude(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done, _ := splitLast(toComplete)
	var out []string
	for _, ex := range text.ExcludeNames {
		if !strings.Contains(","+done, ","+ex.Name+",") {
			out = append(out, done+ex.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

// splitLast splits "a,b,c" into "a,b," and "c".
func splitLast(s string) (done, last string) {
	i := strings.LastIndex(s, ",")
	return s[:i+1], s[i+1:]
}

func ruleFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return ruleFileExts, cobra.ShellCompDirectiveFilterFileExt
}

// completeExplain offers the ids of the exports already on the command
// line for explain's last argument, and files before there is one.
func completeExplain(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	ids := exportIDs(args, toComplete)
	if len(ids) == 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}

var errEnoughIDs = errors.New("enough ids")

// exportIDs reads the ids starting with prefix from the exports at paths,
// in file order, without duplicates: at most maxCompletedIDs of them and
// for at most two seconds. An unreadable path is skipped; completion never
// fails.
func exportIDs(paths []string, prefix string) []string {
	files, _, err := export.Walk(paths)
	if err != nil {
		// one argument may be a half-typed path; use the others
		var ok []string
		for _, p := range paths {
			if _, _, err := export.Walk([]string{p}); err == nil {
				ok = append(ok, p)
			}
		}
		if files, _, err = export.Walk(ok); err != nil {
			return nil
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	seen := map[string]bool{}
	var ids []string
	for _, f := range files {
		err := export.Read(ctx, f, export.Options{}, func(p export.Post) error {
			if p.ID != "" && !seen[p.ID] && strings.HasPrefix(p.ID, prefix) {
				seen[p.ID] = true
				ids = append(ids, p.ID)
			}
			if len(ids) >= maxCompletedIDs {
				return errEnoughIDs
			}
			return nil
		})
		if errors.Is(err, errEnoughIDs) || ctx.Err() != nil {
			break
		}
	}
	return ids
}
