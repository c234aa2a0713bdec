package announce

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/internal/golden"
	"github.com/promo-cli/promo/pkg/rules"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden checks each testdata announcement against its rule file.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) < 7 {
		t.Fatalf("want at least 7 announcements in testdata, got %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			inf := Infer(string(in))
			got := Template(&inf, filepath.Base(f))
			golden.Check(t, strings.TrimSuffix(f, ".txt")+".golden.yaml", got, *update, "-update")
			checkRuleFile(t, got)
		})
	}
}

// checkRuleFile checks that a template loads with rules.Parse, the
// decoder every command uses, and returns it as plain YAML for tests that
// look at single values. A brief the template names is created first,
// since Parse checks that it exists.
func checkRuleFile(t testing.TB, out []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("template is not YAML: %v\n%s", err, out)
	}
	dir := t.TempDir()
	content, _ := doc["content"].(map[string]any)
	if brief, _ := content["brief"].(string); brief != "" && filepath.IsLocal(brief) {
		if err := os.WriteFile(filepath.Join(dir, brief), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rules.Parse(filepath.Join(dir, "rules.yaml"), out); err != nil {
		t.Fatalf("template does not load as a rule file:\n%v\n%s", err, out)
	}
	return doc
}
