package commands_test

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
	"github.com/spf13/cobra"
)

// The commands are built as gh builds its own: NewCmdX(f, runF) with runF
// standing in for the run, so these tests see the options a command line
// and the environment make, and run nothing.

// parse runs the command built by newCmd on args with a runF that keeps
// the options, in a folder with no config file.
func parse[T any](t *testing.T, newCmd func(*commands.Factory, func(*T) error) *cobra.Command, args ...string) (*T, error) {
	t.Helper()
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	var got *T
	var out, errOut bytes.Buffer
	f := &commands.Factory{IOStreams: commands.TestStreams(strings.NewReader(""), &out, &errOut)}
	cmd := newCmd(f, func(o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	err := cmd.ExecuteContext(context.Background())
	if err == nil && got == nil {
		t.Fatal("runF was not called")
	}
	return got, err
}

func TestCountOptions(t *testing.T) {
	t.Setenv("PROMO_OUTPUT", "json")
	o, err := parse(t, commands.NewCmdCount, "--exclude", "tags,urls", "--text", "--", "ES 挖矿")
	if err != nil {
		t.Fatal(err)
	}
	want := commands.CountOptions{IO: o.IO, Args: []string{"ES 挖矿"}, Literal: true, Exclude: []string{"tags", "urls"},
		TagSyntax: "auto", Output: "json", OutputSrc: "PROMO_OUTPUT", MaxInput: o.MaxInput}
	if !reflect.DeepEqual(*o, want) {
		t.Errorf("options\n%+v\nwant\n%+v", *o, want)
	}
}

func TestSplitOptions(t *testing.T) {
	o, err := parse(t, commands.NewCmdSplit, "--pool", "1250", "--winners", "3", "-r", "rules.yaml", "--max-per-winner", "500")
	if err != nil {
		t.Fatal(err)
	}
	if o.Pool != "1250" || o.Winners != 3 || o.RulesPath != "rules.yaml" || o.Mode != "equal" || o.Decimals != 2 || o.MaxPerWinner != "500" {
		t.Errorf("options %+v", *o)
	}
	// the rule file fills only what the command line left out
	if !o.Given("winners") || o.Given("decimals") {
		t.Errorf("given: winners %v, decimals %v", o.Given("winners"), o.Given("decimals"))
	}
}

func TestDiffOptions(t *testing.T) {
	o, err := parse(t, commands.NewCmdDiff, "-o", "markdown", "-q", "old.json", "new.json")
	if err != nil {
		t.Fatal(err)
	}
	want := commands.DiffOptions{IO: o.IO, OldPath: "old.json", NewPath: "new.json", Output: "markdown", OutputSrc: "--output", Quiet: true}
	if !reflect.DeepEqual(*o, want) {
		t.Errorf("options\n%+v\nwant\n%+v", *o, want)
	}
}

func TestSettingFromConfigFileReachesOptions(t *testing.T) {
	dir := t.TempDir()
	cfg := dir + "/promo.yaml"
	if err := os.WriteFile(cfg, []byte("quiet: true\noutput: json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o, err := parse(t, commands.NewCmdDiff, "--config", cfg, "a.json", "b.json")
	if err != nil {
		t.Fatal(err)
	}
	if !o.Quiet || o.Output != "json" || o.OutputSrc != cfg+":2" {
		t.Errorf("options %+v", *o)
	}
}

func TestBadSettingNamesItsSource(t *testing.T) {
	t.Setenv("PROMO_QUIET", "yes")
	_, err := parse(t, commands.NewCmdDiff, "a.json", "b.json")
	if err == nil || err.Error() != `PROMO_QUIET="yes" is not true or false` {
		t.Errorf("error %v", err)
	}
}

func TestValidateOptions(t *testing.T) {
	t.Setenv("PROMO_WORKERS", "3")
	o, err := parse(t, commands.NewCmdValidate, "-r", "rules.yaml", "--winners", "5", "--max-record", "2KiB", "export/")
	if err != nil {
		t.Fatal(err)
	}
	if o.RulesPath != "rules.yaml" || !reflect.DeepEqual(o.Paths, []string{"export/"}) || o.Workers != 3 || o.MaxRecord != 2048 || o.Output != "table" {
		t.Errorf("options %+v", o.JudgeOptions)
	}
	// only the rule values given on the command line override the rule file
	if o.Overrides.Winners == nil || *o.Overrides.Winners != 5 || o.Overrides.Pool != nil || o.Overrides.MinLength != nil {
		t.Errorf("overrides %+v", o.Overrides)
	}
}

func TestExplainOptions(t *testing.T) {
	o, err := parse(t, commands.NewCmdExplain, "-r", "rules.yaml", "a.jsonl", "b.jsonl", "p001")
	if err != nil {
		t.Fatal(err)
	}
	if o.ID != "p001" || !reflect.DeepEqual(o.Paths, []string{"a.jsonl", "b.jsonl"}) {
		t.Errorf("id %q, paths %v", o.ID, o.Paths)
	}
}

func TestDrawOptions(t *testing.T) {
	o, err := parse(t, commands.NewCmdDraw, "-r", "rules.yaml", "--seed", "s", "--alternates", "2", "-o", "json", "export/")
	if err != nil {
		t.Fatal(err)
	}
	if o.Seed != "s" || o.Alternates != 2 || o.Commit || o.Output != "json" {
		t.Errorf("options %+v", *o)
	}
	if _, err := parse(t, commands.NewCmdDraw, "-r", "rules.yaml", "export/"); err == nil || err.Error() != "no --seed" {
		t.Errorf("without a seed: %v", err)
	}
}

func TestRankAndReportOptions(t *testing.T) {
	rk, err := parse(t, commands.NewCmdRank, "-r", "rules.yaml", "--all", "-o", "csv", "--excel", "export/")
	if err != nil {
		t.Fatal(err)
	}
	if !rk.All || !rk.Excel || rk.Output != "csv" {
		t.Errorf("rank options %+v", *rk)
	}
	rp, err := parse(t, commands.NewCmdReport, "-r", "rules.yaml", "--public", "--out", "page.html", "export/")
	if err != nil {
		t.Fatal(err)
	}
	if !rp.Public || rp.Output != "html" || rp.Out != "page.html" {
		t.Errorf("report options %+v", *rp)
	}
}
