package export

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/promo-cli/promo/pkg/internal/testfifo"
)

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "export")
	for _, name := range []string{
		"b.jsonl", "a/x.csv", "a-b.json", "A.TSV", "z/deep/p.MD", "n.ndjson", "t.txt",
		".hidden.jsonl", ".git/config.json", "shot.png", "clip.MP4", "notes.docx", "more/other.docx", "LICENSE", "README",
	} {
		write(t, root, name, "")
	}
	if err := os.Symlink(root, filepath.Join(root, "a", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "c-link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "gone"), filepath.Join(root, "broken.jsonl")); err != nil {
		t.Fatal(err)
	}
	single := write(t, dir, "single.JSON", "")
	files, skipped, err := Walk([]string{root, single, filepath.Join(root, "b.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Rel+" "+string(f.Format))
		if f.Path != filepath.Join(f.Root, filepath.FromSlash(f.Rel)) {
			t.Errorf("%s: path %s is not root %s + rel", f.Rel, f.Path, f.Root)
		}
	}
	want := []string{"A.TSV tsv", "a-b.json json", "a/x.csv csv", "b.jsonl jsonl", "n.ndjson jsonl", "t.txt text", "z/deep/p.MD text", "single.JSON json"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("files\n got %q\nwant %q", got, want)
	}
	wantSkipped := []string{
		"skipped " + filepath.Join(root, "LICENSE") + ": no file extension (further such files are skipped without notice); exports end in .jsonl .ndjson .json .csv .tsv .txt or .md",
		"skipped " + filepath.Join(root, "broken.jsonl") + ": a link to nothing; remove it or fix its target",
		"skipped " + filepath.Join(root, "more/other.docx") + ": unknown extension .docx (further such files are skipped without notice); exports end in .jsonl .ndjson .json .csv .tsv .txt or .md",
	}
	if strings.Join(skipped, "\n") != strings.Join(wantSkipped, "\n") {
		t.Errorf("skipped\n got %q\nwant %q", skipped, wantSkipped)
	}
	if files[7].Root != dir || files[7].Path != single {
		t.Errorf("single file = %+v", files[7])
	}
}

func TestWalkMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	files, _, err := Walk([]string{missing})
	want := "export path " + missing + " does not exist; check the spelling, or pass the folder that holds the export"
	if err == nil || err.Error() != want || files != nil {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestWalkEmpty(t *testing.T) {
	files, skipped, err := Walk([]string{t.TempDir()})
	if err != nil || len(files) != 0 || files == nil || len(skipped) != 0 {
		t.Errorf("got %v %v %v", files, skipped, err)
	}
}

// TestWalkOverlap: each argument is its own root, whatever the order.
func TestWalkOverlap(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a")
	sub := filepath.Join(a, "sub")
	write(t, a, "top.jsonl", "")
	write(t, sub, "posts.jsonl", "")
	var first []File
	for i, args := range [][]string{{a, sub}, {sub, a}, {a, sub, a}} {
		files, skipped, err := Walk(args)
		if err != nil || len(skipped) != 0 {
			t.Fatalf("%v: %v %v", args, skipped, err)
		}
		if i == 0 {
			first = files
			continue
		}
		if len(files) != len(first) {
			t.Fatalf("%v: %d files, want %d", args, len(files), len(first))
		}
		for j := range files {
			if files[j] != first[j] {
				t.Errorf("%v: file %d = %+v, want %+v", args, j, files[j], first[j])
			}
		}
	}
	if len(first) != 2 || first[0].Root != sub || first[0].Rel != "posts.jsonl" || first[1].Root != a {
		t.Errorf("files = %+v; want sub/posts.jsonl under its own root", first)
	}
}

func TestWalkNotes(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "export")
	write(t, root, "ok.jsonl", "")
	write(t, root, "locked/inside.jsonl", "")
	write(t, dir, "outside/secret.jsonl", "")
	if err := os.Symlink(filepath.Join(dir, "outside"), filepath.Join(root, "out-dir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "outside", "secret.jsonl"), filepath.Join(root, "out.jsonl")); err != nil {
		t.Fatal(err)
	}
	if err := testfifo.Make(filepath.Join(root, "posts.jsonl"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	locked := filepath.Join(root, "locked")
	readDir = func(name string) ([]os.DirEntry, error) {
		if name == locked {
			return nil, &os.PathError{Op: "open", Path: name, Err: syscall.EACCES}
		}
		return os.ReadDir(name)
	}
	defer func() { readDir = os.ReadDir }()
	files, skipped, err := Walk([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Rel != "ok.jsonl" {
		t.Errorf("files = %+v", files)
	}
	want := []string{
		"skipped folder " + locked + ": permission denied; the rest of the export was read",
		"skipped " + filepath.Join(root, "out-dir") + ": a link that leaves the export folder; links are followed only inside it, so copy what it points to into the folder",
		"skipped " + filepath.Join(root, "out.jsonl") + ": a link that leaves the export folder; links are followed only inside it, so copy what it points to into the folder",
		"skipped " + filepath.Join(root, "posts.jsonl") + ": a named pipe (FIFO), not a file; exports are read from regular files only, so save the export to a file",
	}
	if strings.Join(skipped, "\n") != strings.Join(want, "\n") {
		t.Errorf("skipped\n got %q\nwant %q", skipped, want)
	}
}
