package export

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/input"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func reportOf(t *testing.T, path string, opt Options) (Report, []Post) {
	t.Helper()
	var posts []Post
	rep, err := ReadReport(context.Background(), File{Path: path}, opt, func(p Post) error {
		posts = append(posts, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep, posts
}

func gbkFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPerFileSettings: a field map for the Chinese headers of a CSV applies
// to the CSV only; the JSONL beside it keeps the default names, and --encoding
// gbk does not garble it.
func TestPerFileSettings(t *testing.T) {
	dir := t.TempDir()
	csvPath := gbkFile(t, dir, "excel.csv", "帖子ID,作者,内容,阅读量\nc1,小明,带上 #ES 参加活动,12\n")
	jsonl := write(t, dir, "posts.jsonl", `{"id": "j1", "author": "小红", "content": "带上 #ES"}`+"\n")
	opt := Options{Encoding: "gbk", Files: []FileOptions{{Glob: "*.csv", Fields: map[string]string{"id": "帖子ID", "author": "作者", "content": "内容"}}}}

	rep, posts := reportOf(t, csvPath, opt)
	sameBriefs(t, posts, []brief{{"c1", "小明", "带上 #ES 参加活动", 2, false}})
	want := []Column{{"帖子ID", "id"}, {"作者", "author"}, {"内容", "content"}, {"阅读量", ""}}
	if !reflect.DeepEqual(rep.Columns, want) || rep.Glob != "*.csv" || rep.Encoding.Encoding != input.GBK || rep.Encoding.Warning != "" {
		t.Errorf("csv report = %+v", rep)
	}

	rep, posts = reportOf(t, jsonl, opt)
	sameBriefs(t, posts, []brief{{"j1", "小红", "带上 #ES", 1, false}})
	if rep.Glob != "" || rep.Encoding.Encoding != input.UTF8 || !strings.Contains(rep.Encoding.Warning, "the encoding setting GBK is not applied") {
		t.Errorf("jsonl report = %+v", rep)
	}
}

// TestNoIDOrContent: a field map that fits no column of a file makes every
// record unreadable, naming the columns found and the ones expected,
// instead of turning each into an empty entry.
func TestNoIDOrContent(t *testing.T) {
	dir := t.TempDir()
	jsonl := write(t, dir, "posts.jsonl", `{"id": "j1", "author": "小红", "content": "带上 #ES"}`+"\n"+`{"id": "j2", "content": "x"}`+"\n")
	csvPath := write(t, dir, "posts.csv", "id,author,content\n1,a,b\n2,c,d\n")
	opt := Options{Fields: map[string]string{"id": "帖子ID", "content": "内容"}}
	for _, path := range []string{jsonl, csvPath} {
		_, posts := reportOf(t, path, opt)
		if len(posts) != 2 {
			t.Fatalf("%s: %d posts, want 2", path, len(posts))
		}
		for _, p := range posts {
			if !strings.Contains(p.Unreadable, "holds the id or the content: found id, author, content; expected id (帖子ID) and content (内容)") {
				t.Errorf("%s:%d: unreadable %q", path, p.Line, p.Unreadable)
			}
		}
	}
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		glob, rel string
		want      bool
	}{
		{"*.csv", "excel.csv", true},
		{"*.csv", "sub/excel.csv", true},
		{"sub/*.csv", "sub/excel.csv", true},
		{"sub/*.csv", "other/excel.csv", false},
		{"*.csv", "posts.jsonl", false},
		{"excel.csv", "a/excel.csv", true},
	}
	for _, tt := range tests {
		if got := globMatch(tt.glob, tt.rel); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v", tt.glob, tt.rel, got)
		}
	}
}
