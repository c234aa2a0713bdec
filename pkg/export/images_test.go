package export

import (
	"os"
	"path/filepath"
	"testing"
)

func TestImages(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "export")
	write(t, root, "shots/a.png", "png")
	write(t, base, "secret.png", "png")
	write(t, root, "posts/readme.txt", "")
	if err := os.Symlink(filepath.Join(base, "secret.png"), filepath.Join(root, "shots", "link.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "shots", "a.png"), filepath.Join(root, "posts", "inside.png")); err != nil {
		t.Fatal(err)
	}
	realRoot, _ := filepath.EvalSymlinks(root)
	tests := []struct {
		ref     string
		url     bool
		path    string
		problem string
	}{
		{"../shots/a.png", false, filepath.Join(realRoot, "shots", "a.png"), ""},
		{`..\shots\a.png`, false, filepath.Join(realRoot, "shots", "a.png"), ""},
		{"inside.png", false, filepath.Join(realRoot, "shots", "a.png"), ""},
		{"missing.png", false, filepath.Join(root, "posts", "missing.png"), ""},
		{"../../secret.png", false, filepath.Join(base, "secret.png"), ProblemOutside},
		{"../../nowhere.png", false, filepath.Join(base, "nowhere.png"), ProblemOutside},
		{"../shots/link.png", false, filepath.Join(base, "secret.png"), ProblemOutside},
		{filepath.Join(base, "secret.png"), false, filepath.Join(base, "secret.png"), ProblemOutside},
		{"HTTPS://example.com/x.png", true, "", ""},
		{"http://example.com/x.png", true, "", ""},
		{"ftp://example.com/x.png", false, "", ProblemScheme},
		{"", false, "", ProblemEmpty},
	}
	f := File{Path: filepath.Join(root, "posts", "p.jsonl"), Root: root, Rel: "posts/p.jsonl", Format: JSONL}
	b := newBuilder(f, Options{})
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			got := b.image(tt.ref)
			want := Image{Ref: tt.ref, URL: tt.url, Path: tt.path, Problem: tt.problem}
			if got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestImagesInRecords(t *testing.T) {
	dir := t.TempDir()
	data := `{"id":"1","images":["a.png",{"url":"https://x.test/b.png"},""]}` + "\n" +
		`{"id":"2","pics":"c.png"}` + "\n" +
		`{"id":"3","image":[["nested"]]}` + "\n"
	posts := readPath(t, write(t, dir, "p.jsonl", data), Options{})
	var refs []string
	for _, img := range posts[0].Images {
		refs = append(refs, img.Ref+"|"+img.Problem)
	}
	if want := []string{"a.png|", "https://x.test/b.png|", "|empty"}; len(refs) != 3 || refs[0] != want[0] || refs[1] != want[1] || refs[2] != want[2] {
		t.Errorf("refs = %q, want %q", refs, want)
	}
	if len(posts[1].Images) != 1 || posts[1].Images[0].Ref != "c.png" {
		t.Errorf("pics = %+v", posts[1].Images)
	}
	if posts[2].Unreadable != "images must be a list of paths or URLs; found a list or null inside it" {
		t.Errorf("nested list: %q", posts[2].Unreadable)
	}
}
