package commands_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/internal/golden"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/sample/golden/*")

// sampleDir is the bundled sample campaign. The goldens name files as a
// user in that folder would ("export/posts.jsonl:3"), and those names take
// part in digests, so each case runs there.
const sampleDir = "../../testdata/sample"

// TestSampleGolden runs the commands on the bundled sample campaign and
// compares their output byte for byte with testdata/sample/golden. Run
// with -update-golden to rewrite the files, then review the diff.
//
// Each case runs promo as its own process in the sample folder, the way a
// user runs it, rather than changing this process's working folder: the
// cases then run in parallel, with each other and with the other tests.
func TestSampleGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"validate.tsv", []string{"validate", "-r", "rules.yaml", "export"}, 0},
		{"validate.json", []string{"validate", "-r", "rules.yaml", "-o", "json", "export"}, 0},
		{"validate.csv", []string{"validate", "-r", "rules.yaml", "-o", "csv", "export"}, 0},
		{"validate.md", []string{"validate", "-r", "rules.yaml", "-o", "markdown", "export"}, 0},
		{"validate-gbk.json", []string{"validate", "-r", "rules.yaml", "--encoding", "gbk", "-o", "json", "export-gbk"}, 0},
		{"validate-gbk.csv", []string{"validate", "-r", "rules.yaml", "--encoding", "gbk", "-o", "csv", "export-gbk"}, 0},
		{"rank.tsv", []string{"rank", "-r", "rules.yaml", "export"}, 0},
		{"rank-all.tsv", []string{"rank", "-r", "rules.yaml", "--all", "export"}, 0},
		{"rank.json", []string{"rank", "-r", "rules.yaml", "-o", "json", "export"}, 0},
		{"rank.csv", []string{"rank", "-r", "rules.yaml", "-o", "csv", "export"}, 0},
		{"rank.md", []string{"rank", "-r", "rules.yaml", "-o", "markdown", "export"}, 0},
		{"explain-valid.txt", []string{"explain", "-r", "rules.yaml", "export", "p01"}, 0},
		{"explain-near-miss.txt", []string{"explain", "-r", "rules.yaml", "export", "p08"}, 0},
		{"explain-wrong-edition.txt", []string{"explain", "-r", "rules.yaml", "export", "p09"}, 0},
		{"explain-short.txt", []string{"explain", "-r", "rules.yaml", "export", "p10"}, 0},
		{"explain-tie.json", []string{"explain", "-r", "rules.yaml", "-o", "json", "export", "p19"}, 0},
		{"draw.json", []string{"draw", "-r", "rules.yaml", "--seed", "sample-seed", "--winners", "3", "--alternates", "2", "-o", "json", "export"}, 0},
		{"draw-commit.txt", []string{"draw", "-r", "rules.yaml", "--commit", "export"}, 0},
	}
	env := hermeticEnv(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			out, errOut, code := runPromo(t, sampleDir, env, c.args...)
			if code != c.code {
				t.Fatalf("promo %s: exit %d, want %d; stderr:\n%s", strings.Join(c.args, " "), code, c.code, errOut)
			}
			golden.Check(t, filepath.Join(sampleDir, "golden", c.name), out, *updateGolden, "-update-golden")
		})
	}
}

// runPromo runs the promo that TestMain put on PATH (this test binary, or
// a plain build of promo under the race detector) in dir with empty standard input and returns its output and exit status.
func runPromo(t *testing.T, dir string, env []string, args ...string) (stdout []byte, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command("promo", args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.Bytes(), errOut.String(), code
}

// hermeticEnv is this process's environment without the settings a
// developer's shell or home folder could add: no PROMO_* variable, and a
// home and config folder of its own, so no promo.yaml of theirs is read.
func hermeticEnv(t *testing.T) []string {
	home := t.TempDir()
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "PROMO_") || name == "HOME" || name == "XDG_CONFIG_HOME" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "NO_COLOR=1")
}
