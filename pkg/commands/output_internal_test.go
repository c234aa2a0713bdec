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
