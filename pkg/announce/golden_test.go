package announce

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/internal/golden"
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

// sectionKeys are SPEC's rule-file keys, which every template must carry.
var sectionKeys = map[string][]string{
	"window":  {"end", "start", "timezone"},
	"export":  {"encoding", "timezone"},
	"tags":    {"all_of", "any_of", "match"},
	"length":  {"exclude", "max", "min", "unit"},
	"media":   {"min_height", "min_images", "min_width", "verify"},
	"authors": {"blocklist", "keep", "max_entries"},
	"content": {"banned", "brief", "brief_threshold", "duplicate_threshold"},
	"scoring": {"judges", "length_target", "topics", "weights"},
	"rewards": {"decimals", "max_per_winner", "pool", "split", "tiers", "ties", "token", "winners"},
}

// checkRuleFile parses a template as YAML and checks it has every key.
func checkRuleFile(t testing.TB, out []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("template is not YAML: %v\n%s", err, out)
	}
	if _, ok := doc["name"].(string); !ok {
		t.Fatalf("name is %#v, want a string", doc["name"])
	}
	if len(doc) != len(sectionKeys)+1 {
		t.Errorf("top-level keys %v, want name and %d sections", keysOf(doc), len(sectionKeys))
	}
	for sec, want := range sectionKeys {
		m, ok := doc[sec].(map[string]any)
		if !ok {
			t.Fatalf("%s is %#v, want a mapping", sec, doc[sec])
		}
		if got := keysOf(m); !reflect.DeepEqual(got, want) {
			t.Errorf("%s keys = %v, want %v", sec, got, want)
		}
	}
	return doc
}

func keysOf(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
