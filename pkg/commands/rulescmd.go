package commands

import (
	"fmt"
	"strings"

	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/spf13/cobra"
)

// NewCmdRules is promo rules, which only holds its subcommands.
func NewCmdRules(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Check a rule file or print its JSON Schema",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageHint(fmt.Errorf("rules needs a subcommand"), "promo rules check FILE, or promo rules schema")
		},
	}
	cmd.AddCommand(NewCmdRulesCheck(f, nil), NewCmdRulesSchema(f, nil))
	return cmd
}

// RulesCheckOptions are rules check's settings.
type RulesCheckOptions struct {
	IO       *IOStreams
	Path     string
	Strict   bool // placeholders are errors
	MaxInput int64
}

// NewCmdRulesCheck is promo rules check.
func NewCmdRulesCheck(f *Factory, runF func(*RulesCheckOptions) error) *cobra.Command {
	opts := &RulesCheckOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "check RULES",
		Short: "Lint a rule file: every problem with its file:line:col and a fix",
		Long: `Check a rule file the way every judging command reads it: unknown keys (with
a did-you-mean), wrong types, bad units, time zones, windows, thresholds,
tiers, and the brief and judges files it names. Every problem is listed with
its file:line:col.

Values 'promo init' left for you to set (a line still marked TODO, the
placeholder token TOKEN) are listed as warnings; --strict makes them errors.

Exit status:
  0  the file is valid
  2  it is not, no file was named, or (with --strict) it still holds
     placeholders
  4  the file cannot be read`,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return ruleFiles(cmd, args, toComplete)
		},
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageHint(fmt.Errorf("rules check needs one rule file, got %d arguments", len(args)), "promo rules check rules.yaml")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "placeholders left by promo init are errors (exit 2)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if _, err := loadSettings(cmd); err != nil {
			return err
		}
		var err error
		if opts.MaxInput, err = f.MaxInput(); err != nil {
			return err
		}
		opts.Path = args[0]
		if runF != nil {
			return runF(opts)
		}
		return rulesCheckRun(opts)
	}
	return cmd
}

func rulesCheckRun(opts *RulesCheckOptions) error {
	if err := checkReadable("the rule file", opts.Path); err != nil {
		return err
	}
	r, err := rules.LoadMax(opts.Path, opts.MaxInput)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if err := placeholderCheck(opts.IO, r, opts.Strict); err != nil {
		return err
	}
	_, err = fmt.Fprintf(opts.IO.Out, "%s: ok (%s)\n", report.EscapeControl(opts.Path), report.EscapeControl(describeRules(r)))
	return err
}

// placeholderHint is how to finish a rule file from promo init.
const placeholderHint = "set each value, then delete its TODO comment"

// placeholderCheck lists the placeholders promo init left: warnings, or
// under --strict one error for them all.
func placeholderCheck(ios *IOStreams, r *rules.Rules, strict bool) error {
	ph := r.Placeholders()
	if len(ph) == 0 {
		return nil
	}
	lines := make([]string, len(ph))
	for i, e := range ph {
		lines[i] = e.Error()
	}
	if strict {
		return usageHint(fmt.Errorf("%s", strings.Join(lines, "\n")), placeholderHint)
	}
	for _, l := range lines {
		printMessage(ios.ErrOut, "warning", l)
	}
	printMessage(ios.ErrOut, "hint", placeholderHint)
	return nil
}

// warnPlaceholders says, in one line, that a run judges with a rule file
// that still holds placeholders from promo init: it would pay real money
// by a campaign's draft.
func warnPlaceholders(ios *IOStreams, r *rules.Rules) {
	ph := r.Placeholders()
	if len(ph) == 0 {
		return
	}
	keys := make([]string, 0, len(ph))
	for _, e := range ph {
		if k := strings.Split(e.Msg, "`"); len(k) > 1 {
			keys = append(keys, k[1])
		}
	}
	printMessage(ios.ErrOut, "warning", fmt.Sprintf("%s still has %d %s from promo init (%s); 'promo rules check %s' lists them",
		r.Path, len(ph), words.Plural(len(ph), "placeholder", "placeholders"), strings.Join(keys, ", "), r.Path))
}

func describeRules(r *rules.Rules) string {
	tags := len(r.Tags.AllOf) + min(1, len(r.Tags.AnyOf))
	s := fmt.Sprintf("%d required %s, min %d %s", tags, words.Plural(tags, "tag", "tags"), r.Length.Min, r.Length.Unit)
	if w := r.Rewards.Winners; w > 0 {
		pool := strings.TrimSpace(r.Rewards.Pool.String() + " " + r.Rewards.Token)
		s += fmt.Sprintf(", %d %s %s %s", w, words.Plural(w, "winner", "winners"), words.Plural(w, "takes", "share"), pool)
	}
	return s
}

// RulesSchemaOptions are rules schema's settings: only where it writes.
type RulesSchemaOptions struct {
	IO *IOStreams
}

// NewCmdRulesSchema is promo rules schema.
func NewCmdRulesSchema(f *Factory, runF func(*RulesSchemaOptions) error) *cobra.Command {
	opts := &RulesSchemaOptions{IO: f.IOStreams}
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the rule file's JSON Schema, for editors",
		Long: `Print the JSON Schema of the rule file. Point your editor's YAML support at it
(for example "# yaml-language-server: $schema=promo.schema.json" at the top of
the rule file) to get completion and checking as you type.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return rulesSchemaRun(opts)
		},
	}
}

func rulesSchemaRun(opts *RulesSchemaOptions) error {
	data, err := rules.Schema()
	if err != nil {
		return err
	}
	_, err = opts.IO.Out.Write(data)
	return err
}
