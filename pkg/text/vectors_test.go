package text

import (
	"encoding/json"
	"os"
	"testing"
)

// The vectors under testdata/ follow twitter-text's conformance files: a
// top-level description and a list of tests, each with a description, the
// input text and what is expected.

type vectorFile[T any] struct {
	Description string `json:"description"`
	Tests       []T    `json:"tests"`
}

func loadVectors[T any](t *testing.T, name string) []T {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var f vectorFile[T]
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("testdata/%s: %v", name, err)
	}
	if len(f.Tests) == 0 {
		t.Fatalf("testdata/%s holds no tests", name)
	}
	return f.Tests
}

type measureVector struct {
	Description string         `json:"description"`
	Text        string         `json:"text"`
	Exclude     []string       `json:"exclude"`
	Syntax      string         `json:"syntax"`
	Expected    map[string]int `json:"expected"`
}

func TestMeasureVectors(t *testing.T) {
	for _, v := range loadVectors[measureVector](t, "measure.json") {
		t.Run(v.Description, func(t *testing.T) {
			ex, err := ParseExclude(v.Exclude)
			if err != nil {
				t.Fatal(err)
			}
			syn, err := ParseSyntax(v.Syntax)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Expected) != len(Units) {
				t.Fatalf("vector gives %d units, want all %d", len(v.Expected), len(Units))
			}
			got := Measure(v.Text, ex, syn)
			for _, u := range Units {
				want, ok := v.Expected[string(u)]
				if !ok {
					t.Fatalf("vector lacks unit %s", u)
				}
				if got.Of(u) != want {
					t.Errorf("%s = %d, want %d (all: %+v)", u, got.Of(u), want, got)
				}
			}
		})
	}
}

type tagVector struct {
	Description string   `json:"description"`
	Text        string   `json:"text"`
	Syntax      string   `json:"syntax"`
	Expected    []string `json:"expected"`
}

func TestTagVectors(t *testing.T) {
	for _, v := range loadVectors[tagVector](t, "tags.json") {
		t.Run(v.Description, func(t *testing.T) {
			syn, err := ParseSyntax(v.Syntax)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, tg := range FindTags(v.Text, syn) {
				got = append(got, tg.Text)
			}
			if !equalStrings(got, v.Expected) {
				t.Errorf("FindTags(%q, %s) = %q, want %q", v.Text, v.Syntax, got, v.Expected)
			}
		})
	}
}

type matchVector struct {
	Description string    `json:"description"`
	Rule        string    `json:"rule"`
	Text        string    `json:"text"`
	Folds       *[]string `json:"folds"`
	Expected    bool      `json:"expected"`
}

func TestMatchVectors(t *testing.T) {
	for _, v := range loadVectors[matchVector](t, "match.json") {
		t.Run(v.Description, func(t *testing.T) {
			f := AllFolds
			if v.Folds != nil {
				f = Fold{}
				for _, name := range *v.Folds {
					switch name {
					case "width":
						f.Width = true
					case "case":
						f.Case = true
					case "space":
						f.Space = true
					case "script":
						f.Script = true
					default:
						t.Fatalf("unknown fold %q", name)
					}
				}
			}
			r, err := CompileTag(v.Rule, f)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Match(Prepare(v.Text, f)); got != v.Expected {
				t.Errorf("%q matches %q = %v, want %v", v.Rule, v.Text, got, v.Expected)
			}
		})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
