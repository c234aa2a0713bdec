package commands_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	// The signal tests run this test binary as promo, so that a real
	// process gets the signal, without a separate build.
	if os.Getenv("RUN_AS_PROMO") == "1" {
		os.Exit(commands.Main())
	}
	if raceEnabled {
		os.Exit(runWithBuiltPromo(m))
	}
	testscript.Main(m, map[string]func(){
		"promo": func() { os.Exit(commands.Main()) },
	})
}

// runWithBuiltPromo runs the tests with a promo built once, without the
// race detector, first on PATH for the scripts and goldens. Run as promo,
// this race-enabled test binary costs five to six times the CPU of a plain
// build in each of the few hundred promo processes those tests start, most
// of it in image decoding that shares no memory. The detector still watches
// every command: the stream, cancel and fit tests and TestCommandsUnderRace
// run them in this process.
func runWithBuiltPromo(m *testing.M) int {
	dir, err := os.MkdirTemp("", "promo-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	exe := "promo"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	build := exec.Command("go", "build", "-buildvcs=false", "-o", filepath.Join(dir, exe), "github.com/promo-cli/promo/cmd/promo")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building promo for the scripts: %v\n", err)
		return 1
	}
	os.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return m.Run()
}

// TestScripts runs the end-to-end scripts in testdata/script: each one
// calls the promo binary and checks its output and exit status. $SAMPLE
// is the bundled sample campaign.
func TestScripts(t *testing.T) {
	sample, err := filepath.Abs("../../testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"status": cmdStatus},
		Condition:           scriptCondition,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SAMPLE", sample)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}

// scriptCondition adds [root] (mknod makes a device only as root) and
// [mkfifo] (the platform has FIFOs and the command to make one).
func scriptCondition(cond string) (bool, error) {
	switch cond {
	case "root":
		return os.Geteuid() == 0, nil
	case "mkfifo":
		_, err := exec.LookPath("mkfifo")
		return err == nil, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

// cmdStatus is "status N PROGRAM ARGS...": it runs the program like exec and
// fails unless it exits with status N, because "! exec" alone cannot tell a
// usage error (2) from a missing export (3).
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %q is not a number", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}
