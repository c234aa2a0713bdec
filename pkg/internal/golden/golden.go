// Package golden compares test output with files kept under testdata, for
// the golden tests of every package. A mismatch is reported as a unified
// diff, so a one-line change in a long report reads as one line.
package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

// Check compares got with the file at path. With update set it writes got
// to path instead (creating its folder), so that a run with the package's
// update flag, named by flagName ("-update"), accepts the new output for
// review in git diff.
func Check(t testing.TB, path string, got []byte, update bool, flagName string) {
	t.Helper()
	if update {
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
		t.Fatalf("%v (run the test with %s to write it)", err, flagName)
	}
	if d := Diff(path, want, got); d != "" {
		t.Errorf("output differs from %s; run the test with %s if the change is intended:\n%s", path, flagName, d)
	}
}

// Diff is the unified diff from want (the file at path) to got, or "" when
// they are equal; a missing final newline is marked as diff(1) marks it.
func Diff(path string, want, got []byte) string {
	return string(diff.Diff(path, want, "got", got))
}
