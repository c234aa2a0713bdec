package announce

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/text"
)

// TestTagsAgreeWithChecker runs the announcement fixtures through init's
// tag reading and the checker's (text.FindTags): every line gives the same
// tags, and every tag Infer writes into the rule file is one the checker
// finds on the line it came from. They were two tokenizers that disagreed.
func TestTagsAgreeWithChecker(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for i, l := range strings.Split(string(data), "\n") {
				if got, want := texts(scanTags(l)), checkerTags(l); !reflect.DeepEqual(got, want) {
					t.Errorf("line %d %q: init reads %q, the checker %q", i+1, l, got, want)
				}
			}
			inf := Infer(string(data))
			for i, tag := range inf.Tags {
				src := inf.From[indexKey("tags.all_of", i)]
				if !slices.Contains(checkerTags(src.Text), tag) {
					t.Errorf("tag %q from line %d %q: the checker reads %q there", tag, src.Line, src.Text, checkerTags(src.Text))
				}
			}
		})
	}
}

// TestInferTagsAsTheCheckerReads: the cases where the two used to disagree.
func TestInferTagsAsTheCheckerReads(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"cashtag glued to han", "带上$ES专场", []string{"$ES"}},
		{"cashtag with a share class", "带上 $BRK.B", []string{"$BRK.B"}},
		{"topic followed by latin", "带上 #积分狂欢节#abc", []string{"#积分狂欢节#"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Infer(tt.in).Tags; !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(got, checkerTags(tt.in)) {
				t.Errorf("Infer(%q).Tags = %q, want %q (the checker reads %q)", tt.in, got, tt.want, checkerTags(tt.in))
			}
		})
	}
}

func texts(tags []tag) []string {
	var out []string
	for _, t := range tags {
		out = append(out, t.text)
	}
	return out
}

func checkerTags(s string) []string {
	var out []string
	for _, t := range text.FindTags(s, text.SyntaxAuto) {
		out = append(out, t.Text)
	}
	return out
}
