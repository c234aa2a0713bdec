package commands_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/sample/golden/*")

// TestSampleGolden runs the commands on the bundled sample campaign and
// compares their output byte for byte with testdata/sample/golden. Run
// with -update-golden to rewrite the files, then review the diff.
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
	chdir(t, "../../testdata/sample")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := commands.Run(context.Background(), c.args, commands.TestStreams(strings.NewReader(""), &out, &errOut))
			if code != c.code {
				t.Fatalf("promo %s: exit %d, want %d; stderr:\n%s", strings.Join(c.args, " "), code, c.code, errOut.String())
			}
			golden(t, filepath.Join("golden", c.name), out.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/commands -run TestSampleGolden -update-golden)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; got:\n%s", path, got)
	}
}

func chdir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(old) })
}
