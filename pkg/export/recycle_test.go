package export

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestRecycledTextsLastTheirHold reads a file in runs of posts, each with
// a hold on its chunks, with released chunks overwritten: a run's texts must
// read as written until its hold is released, however many runs after it
// were read; once every hold is released the chunks are used again.
func TestRecycledTextsLastTheirHold(t *testing.T) {
	defer PoisonRecycled(PoisonRecycled(true))
	var data strings.Builder
	var texts []string
	for i := range 2000 {
		text := strings.Repeat("内容\"x\" ", i%60) + fmt.Sprint(i)
		line, _ := json.Marshal(map[string]any{"id": fmt.Sprint(i), "content": text, "images": []string{"https://x/" + fmt.Sprint(i)}})
		data.Write(line)
		data.WriteByte('\n')
		texts = append(texts, text)
	}
	path := write(t, t.TempDir(), "posts.jsonl", data.String())
	rc := NewRecycler()
	type run struct {
		posts []Post
		hold  *Hold
	}
	var runs []run
	var cur []Post
	check := func(r run) {
		for _, p := range r.posts {
			var i int
			fmt.Sscan(p.ID, &i)
			if p.Content != texts[i] || p.Images[0].Ref != "https://x/"+p.ID {
				t.Fatalf("post %s changed before its hold was released: %.40q", p.ID, p.Content)
			}
		}
	}
	emit := func(p Post) error {
		cur = append(cur, p)
		if len(cur) == 100 {
			runs = append(runs, run{cur, rc.Take(0)})
			cur = nil
			if len(runs) > 3 { // keep three runs in flight
				check(runs[0])
				runs[0].hold.Release()
				runs = runs[1:]
			}
		}
		return nil
	}
	f := File{Path: path, Rel: "posts.jsonl", Format: JSONL}
	if _, err := ReadReport(context.Background(), f, Options{Recycle: rc}, emit); err != nil {
		t.Fatal(err)
	}
	runs = append(runs, run{cur, rc.Take(0)})
	rc.Finish()
	for _, r := range runs {
		check(r)
		r.hold.Release()
	}
	if p := runs[len(runs)-2].posts[0]; p.Content == texts[1900] {
		t.Errorf("the last run's text is unchanged after its hold was released: not recycled, or not poisoned")
	}
	if p := runs[len(runs)-2].posts[0]; p.Images[0].Ref == "https://x/"+p.ID {
		t.Errorf("the last run's image list is unchanged after its hold was released: not recycled, or not poisoned")
	}
	if n := len(rc.free); n == 0 || n > 12 {
		t.Errorf("%d chunks free after the read, want a few: the chunks are not reused", n)
	}
	if n := len(rc.lists); n == 0 || n > 12 {
		t.Errorf("%d image list chunks free after the read, want a few: the lists are not reused", n)
	}
}
