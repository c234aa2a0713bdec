package export

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestSlabStringsStayPut reads enough posts to fill many chunks of both
// slabs, with texts short, escaped, and too long for a chunk, and checks
// every post after the last was read: no string carved from a chunk may
// change when later posts are read.
func TestSlabStringsStayPut(t *testing.T) {
	type want struct{ id, author, content, image string }
	var data strings.Builder
	var wants []want
	for i := range 3000 {
		w := want{
			id:      fmt.Sprintf("p%d", i),
			author:  strings.Repeat("作者", i%7) + fmt.Sprint(i),
			content: strings.Repeat("内容\n\"x\" ", i%40) + fmt.Sprint(i),
			image:   fmt.Sprintf("https://img.example.com/%d.png", i),
		}
		if i%500 == 0 {
			w.content = strings.Repeat("长", bodySlab/4) // over a quarter of a chunk
		}
		line, _ := json.Marshal(map[string]any{"id": w.id, "author": w.author, "content": w.content,
			"images": []string{w.image, w.image}, "likes": i})
		data.Write(line)
		data.WriteByte('\n')
		wants = append(wants, w)
	}
	posts := readString(t, "posts.jsonl", data.String(), Options{})
	if len(posts) != len(wants) {
		t.Fatalf("read %d posts, want %d", len(posts), len(wants))
	}
	for i, p := range posts {
		w := wants[i]
		got := want{p.ID, p.Author, p.Content, ""}
		if len(p.Images) == 2 && p.Images[0] == p.Images[1] {
			got.image = p.Images[0].Ref
		}
		if got != w || p.Likes != int64(i) || p.Unreadable != "" {
			t.Fatalf("post %d = %+v (likes %d, %q), want %+v", i, got, p.Likes, p.Unreadable, w)
		}
	}
}

func TestParseIntAgreesWithStrconv(t *testing.T) {
	for _, s := range []string{"0", "42", "-7", "+7", "", "+", "-", "+-1", "1e3", "1.5", " 1", "9223372036854775807",
		"9223372036854775808", "2025-07-16 10:00", "０", "1_000"} {
		got, ok := parseInt(s)
		if n, e := parseIntStd(s); ok != (e == nil) || got != n {
			t.Errorf("parseInt(%q) = %d %v, strconv says %d %v", s, got, ok, n, e)
		}
	}
}

func TestIsDecimal(t *testing.T) {
	tests := map[string]bool{"1752724800.0": true, "1.5": true, "1.": false, ".5": false, "1.2.3": false,
		"12345678901234567890.1": false, "1.1234567890": false, "-1.5": false, "1,5": false}
	for s, want := range tests {
		if got := isDecimal(s); got != want || got != decimalRE.MatchString(s) {
			t.Errorf("isDecimal(%q) = %v, want %v", s, got, want)
		}
	}
}

var decimalRE = regexp.MustCompile(`^[0-9]{1,19}\.[0-9]{1,9}$`)

func parseIntStd(s string) (int64, error) { return strconv.ParseInt(s, 10, 64) }

// TestKeysInAnyOrder reads records whose keys change order, kind and
// spelling from one to the next: what a key was looked up as on the last
// record must not carry over to another key in its place.
func TestKeysInAnyOrder(t *testing.T) {
	data := `{"id":"1","text":"a","user":"u1"}
{"text":"b","id":"2"}
{"ID":"3","content":"c","text":"alias"}
{"id":"4","text":"d","user":"u4","extra":1}
{"content":"e","ｉｄ":"5"}
`
	path := write(t, t.TempDir(), "posts.jsonl", data)
	f := File{Path: path, Rel: "posts.jsonl", Format: JSONL}
	var posts []Post
	rep, err := ReadReport(context.Background(), f, Options{}, func(p Post) error {
		posts = append(posts, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sameBriefs(t, posts, []brief{{"1", "u1", "a", 1, false}, {"2", "", "b", 2, false}, {"3", "", "c", 3, false},
		{"4", "u4", "d", 4, false}, {"5", "", "e", 5, false}})
	var names []string
	for _, c := range rep.Columns {
		names = append(names, c.Name+"="+c.Field)
	}
	want := "id=id text=content user=author ID=id content=content extra= ｉｄ=id"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("columns %s, want %s", got, want)
	}
}

// TestKeptStringsPinNoText checks where a post's strings live: what an
// entry keeps for the whole run (id, author, wallet, a local image's
// reference, which a reason may quote) must not share a chunk with the
// texts, or one entry would keep the texts of dozens of posts alive.
func TestKeptStringsPinNoText(t *testing.T) {
	dir := t.TempDir()
	b := newBuilder(File{Path: filepath.Join(dir, "p.jsonl"), Root: dir, Rel: "p.jsonl", Format: JSONL}, Options{})
	line := `{"id":" 42 ","author":"作者","wallet":"0xabc","content":"正文\n","images":["shots/a.png","https://x/1.png"]}`
	p := b.jsonLine([]byte(line), 1)
	if p.Unreadable != "" || p.ID != "42" || p.Content != "正文\n" || len(p.Images) != 2 {
		t.Fatalf("read %+v", p)
	}
	body := b.body.buf[:cap(b.body.buf)]
	in := func(s string) bool {
		start := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		lo := uintptr(unsafe.Pointer(&body[0]))
		return start >= lo && start < lo+uintptr(len(body))
	}
	for name, s := range map[string]string{"id": p.ID, "author": p.Author, "wallet": p.Wallet, "local image": p.Images[0].Ref} {
		if in(s) {
			t.Errorf("%s %q is in the body slab", name, s)
		}
	}
	if !in(p.Content) || !in(p.Images[1].Ref) {
		t.Errorf("content and image URL are not in the body slab: no allocation was saved")
	}
}
