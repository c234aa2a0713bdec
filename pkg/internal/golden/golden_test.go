package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	cases := []struct {
		name      string
		want, got string
		has       []string
	}{
		{"equal", "a\nb\n", "a\nb\n", nil},
		{"one line changed", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n", []string{"--- x.golden\n", "+++ got\n", "@@ -2,7 +2,7 @@\n", "-e\n+E\n"}},
		{"final newline lost", "a\n", "a", []string{"-a\n+a\n\\ No newline at end of file\n"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Diff("x.golden", []byte(c.want), []byte(c.got))
			if c.has == nil && d != "" {
				t.Fatalf("diff of equal texts: %q", d)
			}
			for _, h := range c.has {
				if !strings.Contains(d, h) {
					t.Errorf("diff lacks %q:\n%s", h, d)
				}
			}
		})
	}
}

// TestDiffShowsOnlyTheChange checks the point of the helper: a one-line
// change in a long output shows as a few lines, not the whole output.
func TestDiffShowsOnlyTheChange(t *testing.T) {
	var want strings.Builder
	for i := range 500 {
		want.WriteString(strings.Repeat("x", i%7) + "line\n")
	}
	got := strings.Replace(want.String(), "xxxline\n", "xxxLINE\n", 1)
	d := Diff("long.golden", []byte(want.String()), []byte(got))
	if n := strings.Count(d, "\n"); n > 12 {
		t.Errorf("diff of one changed line has %d lines:\n%s", n, d)
	}
}

func TestCheckUpdateWritesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "out.golden")
	Check(t, path, []byte("new\n"), true, "-update")
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "new\n" {
		t.Fatalf("after update: %q, %v", data, err)
	}
	Check(t, path, []byte("new\n"), false, "-update")
}
