package campaign_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/rules"
)

// TestRecycledTextsChangeNothing runs exports with every chunk of post
// text overwritten as soon as its batch is released, and compares the
// validation report and the explanations of the kept posts with a run
// that leaves them alone: a string carved from a post's text that outlives
// its batch (in a reason, an entry, a signature, a kept post) would read
// the overwritten bytes and change the output.
func TestRecycledTextsChangeNothing(t *testing.T) {
	mixed := mixedExport(t)
	cases := []struct {
		name  string
		rules *rules.Rules
		paths []string
		keep  string
	}{
		{"campaign export", loadRules(t, nil), []string{exportDir}, "star"},
		{"sample export", loadRulesFile(t, "../../testdata/sample/rules.yaml"), []string{"../../testdata/sample/export"}, "p08"},
		{"mixed export", loadRulesFile(t, "../../testdata/bench/rules.yaml"), []string{mixed}, "g0000007"},
		{"mixed export, campaign rules", loadRules(t, nil), []string{mixed}, "star"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The plain run turns poisoning off itself: built with
			// -tags promopoison it is on from the start, and two
			// poisoned runs would always agree.
			was := export.PoisonRecycled(false)
			defer export.PoisonRecycled(was)
			plain := outputOf(t, c.rules, c.paths, c.keep)
			export.PoisonRecycled(true)
			poisoned := outputOf(t, c.rules, c.paths, c.keep)
			if !bytes.Equal(plain, poisoned) {
				t.Errorf("output changes when released chunks are overwritten:\n%s", firstDiff(plain, poisoned))
			}
		})
	}
}

// outputOf is the validation report and the explanation of each kept post.
func outputOf(t *testing.T, r *rules.Rules, paths []string, keep string) []byte {
	res := evaluate(t, r, paths, campaign.Options{Keep: keep})
	var buf bytes.Buffer
	if err := report.ValidationJSON(&buf, report.NewValidation(res)); err != nil {
		t.Fatal(err)
	}
	st, err := res.Rank()
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Entries {
		if p := res.KeptPost(i); p != nil {
			if err := report.ExplanationJSON(&buf, res.Explain(i, p, st)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return buf.Bytes()
}

// mixedExport writes generated posts with the campaign test export's
// records (near-misses, copies, bad records, escapes) between them, so
// that every kind of reason is found on posts whose chunks are recycled
// while later batches are read.
func mixedExport(t *testing.T) string {
	special, err := os.ReadFile(filepath.Join(exportDir, "posts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// Over 8 MiB, so that with two workers or more the file is read in
	// parts, whose readers share the recycled chunks; under the race
	// detector, which would take a minute over that, a file read whole.
	n := 7200
	if raceEnabled {
		n = 1200
	}
	gen, err := os.ReadFile(benchPosts(t, n))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for i, line := range strings.SplitAfter(string(gen), "\n") {
		sb.WriteString(line)
		if i%1200 == 0 {
			sb.Write(special)
			sb.WriteString("{\"id\": \"bad\", \"content\": \"unclosed\n")
		}
	}
	if sb.Len() < 8<<20 && !raceEnabled {
		t.Fatalf("the mixed export is %d bytes, too small to be read in parts", sb.Len())
	}
	path := filepath.Join(t.TempDir(), "mixed.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-200, 0)
	return "want …" + string(a[from:min(i+200, len(a))]) + "\n got …" + string(b[from:min(i+200, len(b))])
}
