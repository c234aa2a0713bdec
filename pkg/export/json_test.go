package export

import (
	"strings"
	"testing"
)

func TestReadJSON(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []brief
	}{
		{"array, items on their own lines", "[\n  {\"id\": \"1\", \"content\": \"a\"},\n\n  {\n    \"id\": \"2\"\n  }\n]\n",
			[]brief{{"1", "", "a", 2, false}, {"2", "", "", 4, false}}},
		{"one object is one post", "\n{\"id\": \"solo\", \"author\": \"x\"}\n",
			[]brief{{"solo", "x", "", 2, false}}},
		{"wrapper posts", "{\"count\": 2, \"posts\": [{\"id\": \"1\"}, {\"id\": \"2\"}]}",
			[]brief{{"1", "", "", 1, false}, {"2", "", "", 1, false}}},
		{"wrapper data with nested meta", "{\"meta\": {\"a\": [1, {\"b\": 2}]},\n\"data\": [\n{\"id\": \"1\"}]}",
			[]brief{{"1", "", "", 3, false}}},
		{"wrapper Items, any case", "{\"Items\": [{\"id\": \"1\"}], \"items\": [{\"id\": \"2\"}]}",
			[]brief{{"1", "", "", 1, false}, {"2", "", "", 1, false}}},
		{"wrapper key without an array is a post field", "{\"id\": \"1\", \"data\": {\"x\": 1}, \"posts\": 3}",
			[]brief{{"1", "", "", 1, false}}},
		{"empty array", "[]", nil},
		{"wrapper nested one level deeper is unreadable", "{\"code\": 0,\n\"data\": {\"total\": 1, \"list\": [{\"id\": \"1\"}]}}",
			[]brief{{"posts.json:1", "", "", 1, true}}},
		{"array under another key is unreadable", "{\"result\": [{\"id\": \"1\"}]}",
			[]brief{{"posts.json:1", "", "", 1, true}}},
		{"empty file", "", nil},
		{"item not an object", "[{\"id\": \"1\"},\n 42,\n {\"id\": \"3\"}]",
			[]brief{{"1", "", "", 1, false}, {"posts.json:2", "", "", 2, true}, {"3", "", "", 3, false}}},
		{"broken array: the rest is one entry", "[\n{\"id\": \"1\"},\n{\"id\": \"2\",\n \"content\": x},\n{\"id\": \"4\"}\n]",
			[]brief{{"1", "", "", 2, false}, {"posts.json:3", "", "", 3, true}}},
		{"missing comma", "[\n{\"id\": \"1\"}\n{\"id\": \"2\"}\n]",
			[]brief{{"1", "", "", 2, false}, {"posts.json:3", "", "", 3, true}}},
		{"truncated", "[\n{\"id\": \"1\"},\n{\"id\": \"2\"",
			[]brief{{"1", "", "", 2, false}, {"posts.json:3", "", "", 3, true}}},
		{"trailing data", "[{\"id\": \"1\"}]\n\nmore",
			[]brief{{"1", "", "", 1, false}, {"posts.json:3", "", "", 3, true}}},
		{"scalar", "\"hello\"", []brief{{"posts.json:1", "", "", 1, true}}},
		{"garbage", "\n\nnot json", []brief{{"posts.json:3", "", "", 3, true}}},
		{"nul and invalid utf-8 in strings", "[{\"id\": \"1\", \"content\": \"a\x00b\xff\"}]",
			[]brief{{"1", "", "a\uFFFDb\uFFFD", 1, false}}},
		{"crlf and bom", "\ufeff[\r\n{\"id\": \"1\"},\r\n{\"id\": \"2\"}\r\n]\r\n",
			[]brief{{"1", "", "", 2, false}, {"2", "", "", 3, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameBriefs(t, readString(t, "posts.json", tt.data, Options{}), tt.want)
		})
	}
}

func TestReadJSONBrokenMessage(t *testing.T) {
	data := "[\n{\"id\": \"1\"},\n{\"id\": \"2\",\n \"content\": x},\n{\"id\": \"4\"}\n]"
	posts := readString(t, "b.json", data, Options{})
	want := "invalid JSON at line 4: invalid character 'x' looking for beginning of value; this record and the rest of the file from line 3 could not be read; fix the JSON there"
	if got := posts[len(posts)-1].Unreadable; got != want {
		t.Errorf("message\n got %q\nwant %q", got, want)
	}
}

func TestReadJSONWrapperMessages(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"nested list", `{"code": 0, "data": {"total": 1, "meta": {"a": []}, "list": [{"id": "1"}]}}`,
			`the posts seem to be under "data.list", but promo reads an array of posts under "posts", "data" or "items" of the top-level object only; take the array out, e.g. jq '.data.list' posts.json > posts-list.json`},
		{"odd key", `{"data": {"the list": []}}`,
			`the posts seem to be under "data.the list", but promo reads an array of posts under "posts", "data" or "items" of the top-level object only; take the array out, e.g. jq '.data."the list"' posts.json > posts-list.json`},
		{"object without an array", `{"data": {"total": 0}}`,
			`"data" holds an object, not an array of posts; promo reads an array of posts under "posts", "data" or "items" of the top-level object`},
		{"array elsewhere", `{"ok": true, "result": [{"id": "1"}]}`,
			`the posts seem to be under "result", but promo reads an array of posts under "posts", "data" or "items" of the top-level object only; take the array out, e.g. jq '.result' posts.json > posts-list.json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, "posts.json", tt.data, Options{})
			if len(posts) != 1 || posts[0].Unreadable != tt.want {
				t.Fatalf("got %s\nwant %q", dump(posts), tt.want)
			}
		})
	}
}

func TestReadJSONLargeArrayLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("[\n")
	const n = 5000
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"content": "` + strings.Repeat("字", i%50) + `"}`)
	}
	b.WriteString("\n]\n")
	posts := readString(t, "big.json", b.String(), Options{})
	if len(posts) != n {
		t.Fatalf("got %d posts, want %d", len(posts), n)
	}
	for i, p := range posts {
		if p.Line != i+2 || p.Unreadable != "" {
			t.Fatalf("post %d at line %d (%q), want line %d", i, p.Line, p.Unreadable, i+2)
		}
	}
}

func TestReadUTF16JSON(t *testing.T) {
	posts := readPath(t, "testdata/utf16le.json", Options{})
	sameBriefs(t, posts, []brief{{"u1", "张三", "UTF-16 小端 😀", 2, false}, {"u2", "李四", "第二条", 3, false}})
	if want := "2025-07-16T02:00:00Z"; !posts[0].HasTime || posts[0].CreatedAt.UTC().Format("2006-01-02T15:04:05Z") != want {
		t.Errorf("created_at = %v, want %s", posts[0].CreatedAt, want)
	}
}
