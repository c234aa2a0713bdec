package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// write puts data at dir/name, making folders, and returns the path.
func write(t testing.TB, dir, name string, data string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readPath reads one file found directly under its root.
func readPath(t testing.TB, path string, opt Options) []Post {
	t.Helper()
	posts, err := readFile(path, opt)
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return posts
}

func readFile(path string, opt Options) ([]Post, error) {
	f := File{Path: path, Root: filepath.Dir(path), Rel: filepath.Base(path)}
	f.Format, _ = FormatOf(path)
	var posts []Post
	err := Read(context.Background(), f, opt, func(p Post) error {
		posts = append(posts, p)
		return nil
	})
	return posts, err
}

// readString writes data to a file called name in a fresh folder and reads it.
func readString(t testing.TB, name, data string, opt Options) []Post {
	t.Helper()
	return readPath(t, write(t, t.TempDir(), name, data), opt)
}

// brief is the part of a post most tests compare.
type brief struct {
	ID, Author, Content string
	Line                int
	Bad                 bool
}

func briefs(posts []Post) []brief {
	out := make([]brief, len(posts))
	for i, p := range posts {
		out[i] = brief{p.ID, p.Author, p.Content, p.Line, p.Unreadable != ""}
	}
	return out
}

func sameBriefs(t *testing.T, got []Post, want []brief) {
	t.Helper()
	g := briefs(got)
	if len(g) != len(want) {
		t.Fatalf("got %d posts, want %d:\n%s", len(g), len(want), dump(got))
	}
	for i := range want {
		if g[i] != want[i] {
			t.Errorf("post %d:\n got %+v\nwant %+v\n(unreadable: %s)", i, g[i], want[i], got[i].Unreadable)
		}
	}
}

func dump(posts []Post) string {
	var b strings.Builder
	for _, p := range posts {
		b.WriteString(p.Source() + " id=" + p.ID + " content=" + clip(p.Content) + " bad=" + p.Unreadable + "\n")
	}
	return b.String()
}
