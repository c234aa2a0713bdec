package commands_test

import (
	"bytes"
	"context"
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
