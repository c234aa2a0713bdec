package commands

import (
	"fmt"
	"strings"

	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/spf13/cobra"
)

func newRulesCmd(ios *IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Check a rule file or print its JSON Schema",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageHint(fmt.Errorf("rules needs a subcommand"), "promo rules check FILE, or promo rules schema")
		},
	}
	cmd.AddCommand(newRulesCheckCmd(ios), newRulesSchemaCmd(ios))
	return cmd
}

func newRulesCheckCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "check RULES",
		Short: "Lint a rule file: every problem with its file:line:col and a fix",
		Long: `Check a rule file the way every judging command reads it: unknown keys (with
a did-you-mean), wrong types, bad units, time zones, windows, thresholds,
tiers, and the brief and judges files it names. Every problem is listed with
its file:line:col.

Exit status:
  0  the file is valid
  2  it is not, or no file was named
  4  the file cannot be read`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageHint(fmt.Errorf("rules check needs one rule file, got %d arguments", len(args)), "promo rules check rules.yaml")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if err := checkReadable("the rule file", args[0]); err != nil {
				return err
			}
			r, err := rules.Load(args[0])
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			_, err = fmt.Fprintf(ios.Out, "%s: ok (%s)\n", report.EscapeControl(args[0]), report.EscapeControl(describeRules(r)))
			return err
		},
	}
}

func describeRules(r *rules.Rules) string {
	tags := len(r.Tags.AllOf) + min(1, len(r.Tags.AnyOf))
	s := fmt.Sprintf("%d required %s, min %d %s", tags, pluralWord(tags, "tag", "tags"), r.Length.Min, r.Length.Unit)
	if w := r.Rewards.Winners; w > 0 {
		pool := strings.TrimSpace(r.Rewards.Pool.String() + " " + r.Rewards.Token)
		s += fmt.Sprintf(", %d %s %s %s", w, pluralWord(w, "winner", "winners"), pluralWord(w, "takes", "share"), pool)
	}
	return s
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func newRulesSchemaCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the rule file's JSON Schema, for editors",
		Long: `Print the JSON Schema of the rule file. Point your editor's YAML support at it
(for example "# yaml-language-server: $schema=promo.schema.json" at the top of
the rule file) to get completion and checking as you type.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			data, err := rules.Schema()
			if err != nil {
				return err
			}
			_, err = ios.Out.Write(data)
			return err
		},
	}
}
