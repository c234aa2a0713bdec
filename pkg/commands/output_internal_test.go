package commands

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAheadStartsWriteback: the file is written as given, and the
// writing to disk of every writeAheadBytes is started in turn, each range
// once and none past what was written.
func TestWriteAheadStartsWriteback(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type span struct{ off, n int64 }
	var started []span
	w := &writeAhead{f: f, writeout: func(_ *os.File, off, n int64) { started = append(started, span{off, n}) }}
	piece := bytes.Repeat([]byte("0123456789abcdef"), 3<<16) // 3 MiB
	var want []byte
	for range 7 {
		if _, err := w.Write(piece); err != nil {
			t.Fatal(err)
		}
		want = append(want, piece...)
	}
	got, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the file holds %d bytes, not the %d written", len(got), len(want))
	}
	wantStarted := []span{{0, 9 << 20}, {9 << 20, 9 << 20}}
	if len(started) != len(wantStarted) || started[0] != wantStarted[0] || started[1] != wantStarted[1] {
		t.Errorf("writeback started for %v, want %v", started, wantStarted)
	}
}

// TestStartWriteback: starting the writeback of a file changes nothing
// in it, and an fd that cannot take it is no error.
func TestStartWriteback(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out")
	if err := os.WriteFile(name, []byte("report"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	startWriteback(f, 0, 6)
	f.Close()
	startWriteback(f, 0, 6) // closed: nothing happens
	if got, _ := os.ReadFile(name); string(got) != "report" {
		t.Errorf("file holds %q", got)
	}
}

// pattern is n bytes that differ from block to block, so that a block
// written at the wrong place shows.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i/7 + i/4096)
	}
	return b
}

// writeThrough writes data to a new file through a directWriter, in
// pieces of the given size, with the direct file replaced by direct when
// it is not nil, and returns what the file holds.
func writeThrough(t *testing.T, data []byte, piece int, direct func(name string) *os.File) []byte {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := newFileWriter(f)
	if direct != nil {
		w.close()
		w.direct, w.stage = direct(f.Name()), alignedBuffer(directStage, directBlock)
	}
	for p := data; len(p) > 0; {
		k := min(piece, len(p))
		if n, err := w.Write(p[:k]); err != nil || n != k {
			t.Fatalf("wrote %d of %d: %v", n, k, err)
		}
		p = p[k:]
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestDirectWriter: the file holds exactly the bytes written, whatever
// the pieces, written past the page cache or, where that fails at any
// write, the ordinary way from there on.
func TestDirectWriter(t *testing.T) {
	readOnly := func(name string) *os.File {
		f, err := os.Open(name) // every write to it fails
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	for _, tt := range []struct {
		name   string
		size   int
		piece  int
		direct func(string) *os.File
	}{
		{"empty", 0, 1, nil},
		{"less than a block", 100, 7, nil},
		{"one block", directBlock, directBlock, nil},
		{"stages and a tail", 2*directStage + 12345, 1 << 20, nil},
		{"whole stages", 2 * directStage, 3 << 20, nil},
		{"small pieces", directStage + 5000, 4000, nil},
		{"direct writes failing", directStage + 5000, 1 << 20, readOnly},
		{"direct tail failing", 5000, 1000, readOnly},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := pattern(tt.size)
			if got := writeThrough(t, want, tt.piece, tt.direct); !bytes.Equal(got, want) {
				t.Errorf("the file holds %d bytes, not the %d written", len(got), len(want))
			}
		})
	}
}

// TestDirectWriterGivesUpMidway: direct writes that start failing after
// some succeeded leave the file complete, written the ordinary way from
// where they stopped.
func TestDirectWriterGivesUpMidway(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := newFileWriter(f)
	if w.direct == nil {
		t.Skip("no direct writes here")
	}
	want := pattern(3*directStage + 777)
	if _, err := w.Write(want[:directStage+10]); err != nil {
		t.Fatal(err)
	}
	w.direct.Close() // the next direct write fails
	if _, err := w.Write(want[directStage+10:]); err != nil {
		t.Fatal(err)
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(f.Name()); !bytes.Equal(got, want) {
		t.Errorf("the file holds %d bytes, not the %d written", len(got), len(want))
	}
}
