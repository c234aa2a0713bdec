package export

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWalkAllGoesOn: WalkAll returns the files under the good paths and
// every path it could not walk, in byte order; Walk still fails whole.
func TestWalkAllGoesOn(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	if err := os.MkdirAll(good, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(good, "a.jsonl"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	z, a := filepath.Join(dir, "z-nope"), filepath.Join(dir, "a-nope")
	files, _, bad := WalkAll([]string{z, good, a})
	if len(files) != 1 || files[0].Rel != "a.jsonl" {
		t.Errorf("files %+v, want good/a.jsonl", files)
	}
	if len(bad) != 2 || bad[0].Path != a || bad[1].Path != z {
		t.Fatalf("bad %+v, want %s then %s", bad, a, z)
	}
	if want := "export path " + a + " does not exist; check the spelling, or pass the folder that holds the export"; bad[0].Err.Error() != want {
		t.Errorf("error %q, want %q", bad[0].Err, want)
	}
	if files, _, err := Walk([]string{good, a}); err == nil || files != nil {
		t.Errorf("Walk = %v, %v; want no files and an error", files, err)
	}
}
