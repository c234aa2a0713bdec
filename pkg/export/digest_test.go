package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestDigestOfReads: the digest the readers make from the bytes they read
// is the SHA-256 of the whole file as it is when they are done, whether it
// is read whole or in parts, whether a reader stops early, and whether the
// file grew or shrank after it was split.
func TestDigestOfReads(t *testing.T) {
	old := minPart
	minPart = 64
	defer func() { minPart = old }()
	text := genLines(21, 4000, "\n") // more than a reader buffers at once
	stop := errors.New("stop")
	tests := []struct {
		name   string
		format Format
		parts  int               // 0: read whole
		change func(path string) // after the split, before the read
		stopAt int               // the emit that fails, 0 for none
	}{
		{name: "whole", format: JSONL},
		{name: "whole, another format", format: JSON},
		{name: "whole, the reader stops", format: JSONL, stopAt: 3},
		{name: "two parts", format: JSONL, parts: 2},
		{name: "seven parts", format: JSONL, parts: 7},
		{name: "parts, the readers stop", format: JSONL, parts: 3, stopAt: 5},
		{name: "grew after the split", format: JSONL, parts: 3, change: func(p string) { appendTo(t, p, genLines(22, 50, "\n")) }},
		{name: "shrank after the split", format: JSONL, parts: 3, change: func(p string) { os.Truncate(p, int64(len(text)/5)) }},
		{name: "emptied after the split", format: JSONL, parts: 2, change: func(p string) { os.Truncate(p, 0) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := text
			if tt.format == JSON {
				data = "[" + strings.ReplaceAll(strings.TrimSpace(text), "\n", ",\n") + "]\n  "
			}
			path := filepath.Join(t.TempDir(), "posts."+string(tt.format))
			if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			f := File{Path: path, Format: tt.format}
			var parts []Part
			if tt.parts > 0 {
				var err error
				if parts, err = SplitLines(f, Options{}, tt.parts); err != nil || len(parts) < 2 {
					t.Fatalf("%d parts, %v", len(parts), err)
				}
			}
			if tt.change != nil {
				tt.change(path)
			}
			var d Digest
			opt := Options{Digest: &d}
			var emitted atomic.Int64 // the parts emit at once
			emit := func(Post) error {
				if emitted.Add(1) == int64(tt.stopAt) {
					return stop
				}
				return nil
			}
			if parts != nil {
				ReadParts(context.Background(), f, opt, parts, func(_ int, p Post) error { return emit(p) })
			} else {
				ReadReport(context.Background(), f, opt, emit)
			}
			now, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(now)
			if want := hex.EncodeToString(sum[:]); d.Sum != want {
				t.Errorf("digest %q, want %q (the file's %d bytes)", d.Sum, want, len(now))
			}
		})
	}
}

// TestDigestNotOpened: a file that cannot be opened leaves the digest to
// the caller, who says why.
func TestDigestNotOpened(t *testing.T) {
	var d Digest
	f := File{Path: filepath.Join(t.TempDir(), "gone.jsonl")}
	if _, err := ReadReport(context.Background(), f, Options{Digest: &d}, func(Post) error { return nil }); err == nil {
		t.Fatal("read a missing file")
	}
	if d.Sum != "" {
		t.Errorf("digest %q for a missing file, want none", d.Sum)
	}
}

// TestDigestCancelled: a cancelled read leaves the digest unmade, and
// stops hashing, rather than reading the rest of the file for it.
func TestDigestCancelled(t *testing.T) {
	old := minPart
	minPart = 64
	defer func() { minPart = old }()
	path := filepath.Join(t.TempDir(), "posts.jsonl")
	if err := os.WriteFile(path, []byte(genLines(23, 4000, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	f := File{Path: path}
	parts, err := SplitLines(f, Options{}, 2)
	if err != nil || len(parts) != 2 {
		t.Fatalf("%d parts, %v", len(parts), err)
	}
	for _, inParts := range []bool{false, true} {
		ctx, cancel := context.WithCancel(context.Background())
		d := Digest{Sum: "unset"}
		emit := func(Post) error {
			cancel()
			return nil
		}
		if inParts {
			ReadParts(ctx, f, Options{Digest: &d}, parts, func(_ int, p Post) error { return emit(p) })
		} else {
			ReadReport(ctx, f, Options{Digest: &d}, emit)
		}
		if d.Sum != "" {
			t.Errorf("in parts %v: digest %q after the read was cancelled, want none", inParts, d.Sum)
		}
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	fh, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if _, err := fh.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
