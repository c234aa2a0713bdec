package commands_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/commands"
)

// fullWriter is standard output on a full disk (> /dev/full).
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// TestStdoutFullExits4 checks that a failure to write standard output is an
// I/O failure (exit 4) with a plain message, not a usage error.
func TestStdoutFullExits4(t *testing.T) {
	for _, args := range [][]string{
		{"count", "--", "abc"},
		{"count", "-o", "json", "--", "abc"},
		{"split", "--pool", "100", "--winners", "3"},
		{"rules", "schema"},
		{"init"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var errOut bytes.Buffer
			code := commands.Run(context.Background(), args, commands.TestStreams(strings.NewReader(""), fullWriter{}, &errOut))
			if code != 4 {
				t.Fatalf("exit %d, want 4; stderr:\n%s", code, errOut.String())
			}
			if !strings.Contains(errOut.String(), "no space left on device") {
				t.Errorf("stderr %q does not say why", errOut.String())
			}
		})
	}
}

// hostileText holds every kind of character that must not reach a terminal
// as itself: ESC sequences (clear screen, OSC 8 hyperlink, OSC 52
// clipboard), BEL, NUL, a C1 CSI, bidi overrides and marks, invisible
// characters, line separators, a BOM.
const hostileText = "x\x1b[2J\x1b]8;;http://evil.example\x07link\x1b]8;;\x07\x1b]52;c;ZXZpbA==\x07\x00\u009b31m" +
	"\u202euser\u202c\u200e\u200f\u061c\u2028\u2029\ufeff\u200b\u2060\a"

// TestNothingHostileReachesTheTerminal feeds hostile file names, ids,
// authors, texts, judges' ids and settings through every renderer that
// writes to a terminal and every note, warning and error path, and checks
// that none of it arrives unescaped.
func TestNothingHostileReachesTheTerminal(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "export")
	if err := os.Mkdir(export, 0o755); err != nil {
		t.Fatal(err)
	}
	h := strings.NewReplacer(`"`, `\"`, "\x00", `\u0000`, "\x1b", `\u001b`, "\a", `\u0007`).Replace(hostileText)
	var posts strings.Builder
	for i, id := range []string{"a1", "b1" + h} {
		posts.WriteString(`{"id":"` + id + `","author":"au` + h + `","content":"#ES 挖矿收益不错 ` + h + ` 大家一起来参与","created_at":"2025-07-16 1` + string(rune('0'+i)) + `:00"}` + "\n")
	}
	writeFile(t, filepath.Join(export, "posts.jsonl"), posts.String())
	// a file promo skips with a note, named to clear the screen and set the clipboard
	writeFile(t, filepath.Join(export, "evil\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202e.xyz"), "x")
	writeFile(t, filepath.Join(dir, "judges.csv"), "id,judge,score\nzz"+strings.ReplaceAll(hostileText, "\x00", "")+",j,5\n")
	rules := filepath.Join(dir, "rules.yaml")
	writeFile(t, rules, "name: \"t\\e[2J\"\ntags: {all_of: [\"#ES\"]}\nscoring: {judges: judges.csv}\nrewards: {pool: \"100\", winners: 2, token: \"ES\\e]52;c;eA==\\a\"}\n")

	var runs [][]string
	for _, cmd := range []string{"validate", "rank"} {
		for _, o := range []string{"table", "csv", "json", "markdown"} {
			runs = append(runs, []string{cmd, "-r", rules, "-o", o, "--no-color", export})
		}
	}
	for _, o := range []string{"table", "json"} {
		runs = append(runs,
			[]string{"explain", "-r", rules, "-o", o, export, "b1" + hostileText},
			[]string{"draw", "-r", rules, "-o", o, "--seed", "s" + hostileText, export},
			[]string{"count", "-o", o, "--", hostileText},
		)
	}
	runs = append(runs,
		[]string{"split", "--pool", "100", "--winners", "2", "--token", "E" + hostileText},
		[]string{"split", "--pool", "100", "--winners", "2", "-o", "csv", "--token", "E" + hostileText},
		[]string{"explain", "-r", rules, export, "nope" + hostileText}, // an error quoting the id
		[]string{"validate", "-r", rules, "-o", "csv" + hostileText, export},
		[]string{"rules", "check", filepath.Join(dir, "missing"+hostileText)},
		[]string{"frob" + hostileText},
	)
	for _, args := range runs {
		t.Run(strings.Join(args[:1], " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			ios := commands.TestStreams(strings.NewReader(""), &out, &errOut)
			ios.OutTTY, ios.ErrTTY = true, true
			commands.Run(context.Background(), args, ios)
			for name, s := range map[string]string{"stdout": out.String(), "stderr": errOut.String()} {
				if bad := firstUnsafe(s); bad != "" {
					t.Errorf("%q: %s holds %s:\n%s", args, name, bad, s)
				}
			}
		})
	}
}

// firstUnsafe names the first character of s a terminal would act on or
// not show. The progress line's own "\r\x1b[K" is allowed on stderr.
func firstUnsafe(s string) string {
	s = strings.ReplaceAll(s, "\r\x1b[K", "")
	s = strings.ReplaceAll(s, "\r", "") // the progress line's start
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return "control " + hexRune(r)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r >= 0x200b && r <= 0x200f,
			r == 0x061c, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0x2060:
			return "invisible or bidi " + hexRune(r)
		}
	}
	return ""
}

func hexRune(r rune) string {
	const digits = "0123456789ABCDEF"
	b := []byte("U+0000")
	for i := 5; i >= 2; i-- {
		b[i] = digits[r&0xf]
		r >>= 4
	}
	return string(b)
}

// TestCountTerminalWithoutInput checks that count run at a terminal with
// no text says what it expects instead of waiting for standard input.
func TestCountTerminalWithoutInput(t *testing.T) {
	var out, errOut bytes.Buffer
	ios := commands.TestStreams(strings.NewReader("never read"), &out, &errOut)
	ios.InTTY = true
	if code := commands.Run(context.Background(), []string{"count"}, ios); code != 2 {
		t.Fatalf("exit %d, want 2; stderr:\n%s", code, errOut.String())
	}
	want := "promo: error: count needs a text to measure\npromo: hint: give it as an argument"
	if !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("stderr %q, want it to start %q", errOut.String(), want)
	}
	// "-" still reads the terminal, as asked
	ios = commands.TestStreams(strings.NewReader("abc"), &out, &errOut)
	ios.InTTY = true
	if code := commands.Run(context.Background(), []string{"count", "-o", "json", "-"}, ios); code != 0 {
		t.Fatalf("count - at a terminal: exit %d", code)
	}
}
