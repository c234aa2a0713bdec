package commands_test

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
	"github.com/spf13/cobra"
)

// complete runs cobra's hidden __complete command and returns the values
// offered and the directive line.
func complete(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	all := append([]string{cobra.ShellCompNoDescRequestCmd}, args...)
	if code := commands.Run(context.Background(), all, commands.TestStreams(strings.NewReader(""), &out, &errOut)); code != 0 {
		t.Fatalf("__complete %v: exit %d, stderr %s", args, code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	return lines[:len(lines)-1], lines[len(lines)-1]
}

func TestCompletion(t *testing.T) {
	sample, err := filepath.Abs("../../testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	rules := filepath.Join(sample, "rules.yaml")
	exp := filepath.Join(sample, "export")
	noFiles := ":4"
	tests := []struct {
		name      string
		args      []string
		want      []string
		directive string
	}{
		{"validate -o", []string{"validate", "-o", ""}, []string{"table", "json", "csv", "markdown"}, noFiles},
		{"rank -o", []string{"rank", "-o", ""}, []string{"table", "json", "csv", "markdown", "safe-csv", "disperse"}, noFiles},
		{"explain -o", []string{"explain", "-o", ""}, []string{"table", "json"}, noFiles},
		{"draw --output", []string{"draw", "--output", ""}, []string{"table", "json"}, noFiles},
		{"count -o", []string{"count", "-o", ""}, []string{"table", "json"}, noFiles},
		{"split -o", []string{"split", "-o", ""}, []string{"table", "json", "csv"}, noFiles},
		{"diff -o", []string{"diff", "-o", ""}, []string{"table", "json", "markdown"}, noFiles},
		{"report -o", []string{"report", "-o", ""}, []string{"html"}, noFiles},
		{"encoding", []string{"validate", "--encoding", ""}, []string{"auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "gbk", "gb18030", "big5"}, noFiles},
		{"mode", []string{"split", "--mode", ""}, []string{"equal", "tiered", "proportional"}, noFiles},
		{"ties", []string{"split", "--ties", ""}, []string{"share", "earliest"}, noFiles},
		{"tag-syntax", []string{"count", "--tag-syntax", ""}, []string{"auto", "twitter", "weibo"}, noFiles},
		{"exclude first", []string{"count", "--exclude", ""}, []string{"tags", "urls", "mentions", "whitespace", "punctuation", "emoji"}, ":6"},
		{"exclude after one", []string{"count", "--exclude", "tags,"}, []string{"tags,urls", "tags,mentions", "tags,whitespace", "tags,punctuation", "tags,emoji"}, ":6"},
		{"rules file filter", []string{"validate", "-r", ""}, []string{"yaml", "yml", "json"}, ":8"},
		{"split rules file filter", []string{"split", "-r", ""}, []string{"yaml", "yml", "json"}, ":8"},
		{"rules check file filter", []string{"rules", "check", ""}, []string{"yaml", "yml", "json"}, ":8"},
		{"explain ids by prefix", []string{"explain", "-r", rules, exp, "p3"}, []string{"p30", "p31", "p32", "p33", "p34", "p35", "p36", "p37", "p38", "p39"}, noFiles},
		{"explain before an export", []string{"explain", "-r", rules, ""}, nil, ":0"},
		{"explain with a missing export", []string{"explain", "-r", rules, filepath.Join(sample, "nope"), "p3"}, nil, ":0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, directive := complete(t, tt.args...)
			if !slices.Equal(got, tt.want) {
				t.Errorf("values = %q, want %q", got, tt.want)
			}
			if directive != tt.directive {
				t.Errorf("directive = %s, want %s", directive, tt.directive)
			}
		})
	}
}
