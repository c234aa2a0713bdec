package commands_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/commands"
)

// TestProgressClearedBeforeNotes checks that on a terminal the progress
// line is wiped before a note is printed, so the note starts its own line
// instead of running on after "reading… N entries".
func TestProgressClearedBeforeNotes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	export := filepath.Join(dir, "export")
	if err := os.Mkdir(export, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(export, "posts.jsonl"), `{"id":"a1","author":"amy","content":"hello"}`+"\n")
	writeFile(t, filepath.Join(export, "notes.docx"), "not an export\n")
	rules := filepath.Join(dir, "rules.yaml")
	writeFile(t, rules, "name: t\n")

	var out, errOut bytes.Buffer
	ios := commands.TestStreams(strings.NewReader(""), &out, &errOut)
	ios.ErrTTY = true
	code := commands.Run(context.Background(), []string{"validate", "-r", rules, "-o", "json", export}, ios)
	if code != 0 {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", code, errOut.String())
	}
	want := "\rreading… 1 entry\r\x1b[Kpromo: note: skipped "
	if got := errOut.String(); !strings.HasPrefix(got, want) {
		t.Errorf("stderr starts %q, want %q", got, want)
	}
}

// TestCountStdinEncoding checks that count reads standard input the way
// the export reader reads a file: a byte order mark is no character, and a
// UTF-16 text (as Windows Notepad saves it) is decoded.
func TestCountStdinEncoding(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		input string
		want  string
	}{
		{"plain", "abc", `"runes": 3,`},
		{"utf-8 bom", "\xef\xbb\xbfabc", `"runes": 3,`},
		{"utf-16le bom", "\xff\xfea\x00b\x00c\x00", `"runes": 3,`},
		{"utf-16be bom", "\xfe\xff\x00a\x00b\x00c", `"runes": 3,`},
		{"utf-16le han", "\xff\xfe\x2d\x4e\x87\x65\n\x00", `"han": 2,`},
		{"invalid utf-8 is one replacement each", "a\xffb", `"runes": 3,`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			ios := commands.TestStreams(strings.NewReader(c.input), &out, &errOut)
			if code := commands.Run(context.Background(), []string{"count", "-o", "json"}, ios); code != 0 {
				t.Fatalf("exit status %d, want 0; stderr:\n%s", code, errOut.String())
			}
			if !strings.Contains(out.String(), c.want) {
				t.Errorf("output lacks %s:\n%s", c.want, out.String())
			}
		})
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInterrupted checks that a run stopped by Ctrl-C (a cancelled
// context) exits 130, as shells expect, and writes no --out file.
func TestInterrupted(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(t.TempDir(), "verdicts.json")
	var stdout, stderr bytes.Buffer
	code := commands.Run(ctx, []string{"validate", "-r", "../../testdata/sample/rules.yaml", "-o", "json", "--out", out, "../../testdata/sample/export"},
		commands.TestStreams(strings.NewReader(""), &stdout, &stderr))
	if code != 130 {
		t.Fatalf("exit status %d, want 130; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "promo: error: interrupted") {
		t.Errorf("stderr %q does not say the run was interrupted", stderr.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--out file exists after an interrupted run (stat: %v)", err)
	}
}

// TestColor checks when tables are coloured: on a terminal that allows
// it, not with --no-color, never into a pipe or an --out file.
func TestColor(t *testing.T) {
	t.Parallel()
	// One file of the sample, valid, invalid and unreadable entries: the
	// whole sample costs seconds more under the race detector, in decoding
	// screenshots that play no part here.
	args := []string{"validate", "-r", "../../testdata/sample/rules.yaml", "../../testdata/sample/export/posts.jsonl"}
	cases := []struct {
		name      string
		tty, colr bool
		extra     []string
		want      bool
	}{
		{"terminal", true, true, nil, true},
		{"--no-color", true, true, []string{"--no-color"}, false},
		{"NO_COLOR or a dumb terminal", true, false, nil, false},
		{"pipe", false, true, nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			ios := commands.TestStreams(strings.NewReader(""), &out, &errOut)
			ios.OutTTY, ios.Color = tc.tty, tc.colr
			if code := commands.Run(context.Background(), append(args, tc.extra...), ios); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			if got := strings.Contains(out.String(), "\x1b["); got != tc.want {
				t.Errorf("colour codes in output: %v, want %v", got, tc.want)
			}
		})
	}
}
