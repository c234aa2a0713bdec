package export

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []brief
	}{
		{"plain", `{"id":"1","author":"a","content":"你好"}` + "\n" + `{"id":"2","author":"b","content":"世界"}` + "\n",
			[]brief{{"1", "a", "你好", 1, false}, {"2", "b", "世界", 2, false}}},
		{"crlf and no final newline", "{\"id\":\"1\",\"text\":\"x\"}\r\n{\"id\":\"2\",\"text\":\"y\"}",
			[]brief{{"1", "", "x", 1, false}, {"2", "", "y", 2, false}}},
		{"bom", "\ufeff{\"id\":\"1\",\"body\":\"z\"}\n",
			[]brief{{"1", "", "z", 1, false}}},
		{"blank lines skipped, lines still counted", "\n  \n{\"id\":\"1\"}\n\r\n\t\n{\"id\":\"2\"}\n",
			[]brief{{"1", "", "", 3, false}, {"2", "", "", 6, false}}},
		{"broken record mid-file", "{\"id\":\"1\"}\n{\"id\":\"2\",\n{\"id\":\"3\"}\n",
			[]brief{{"1", "", "", 1, false}, {"posts.jsonl:2", "", "", 2, true}, {"3", "", "", 3, false}}},
		{"not an object", "[1,2]\n\"text\"\nnull\n{\"id\":\"4\"}\n",
			[]brief{{"posts.jsonl:1", "", "", 1, true}, {"posts.jsonl:2", "", "", 2, true}, {"posts.jsonl:3", "", "", 3, true}, {"4", "", "", 4, false}}},
		{"missing id is the source", "{\"content\":\"x\"}\n",
			[]brief{{"posts.jsonl:1", "", "x", 1, false}}},
		{"numeric id keeps every digit", "{\"id\":1945123456789012345,\"uid\":42}\n",
			[]brief{{"1945123456789012345", "42", "", 1, false}}},
		{"author object", "{\"id\":\"1\",\"user\":{\"id\":7,\"name\":\"小明\"}}\n",
			[]brief{{"1", "小明", "", 1, false}}},
		{"author object without name", "{\"id\":\"1\",\"user\":{\"avatar\":\"x\"}}\n",
			[]brief{{"1", "", "", 1, true}}},
		{"content must be text", "{\"id\":\"1\",\"content\":[\"a\"]}\n",
			[]brief{{"1", "", "", 1, true}}},
		{"escapes decoded", `{"id":"1","content":"a\nb\u4f60"}` + "\n",
			[]brief{{"1", "", "a\nb你", 1, false}}},
		{"nul byte raw and escaped", "{\"id\":\"1\",\"content\":\"a\x00b\"}\n{\"id\":\"2\",\"content\":\"c\\u0000d\"}\n",
			[]brief{{"1", "", "a\uFFFDb", 1, false}, {"2", "", "c\uFFFDd", 2, false}}},
		{"invalid utf-8 replaced", "{\"id\":\"1\",\"content\":\"a\xffb\xe4\xbd\"}\n",
			[]brief{{"1", "", "a\uFFFDb\uFFFD\uFFFD", 1, false}}},
		{"canonical key beats alias", "{\"text\":\"alias\",\"content\":\"canon\",\"id\":\"1\"}\n",
			[]brief{{"1", "", "canon", 1, false}}},
		{"keys match case-insensitively", "{\"ID\":\"1\",\"Content\":\"x\",\"USERNAME\":\"u\"}\n",
			[]brief{{"1", "u", "x", 1, false}}},
		{"equal keys pick the same one every time", "{\"ID\":\"A\",\"id\":\"b\",\"Id\":\"c\"}\n",
			[]brief{{"A", "", "", 1, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameBriefs(t, readString(t, "posts.jsonl", tt.data, Options{}), tt.want)
		})
	}
}

func TestReadJSONLMessages(t *testing.T) {
	posts := readString(t, "p.ndjson", "{\"id\":1}\n{\"id\":\n", Options{})
	want := "invalid JSON at column 6: unexpected end of JSON input; fix or remove this line"
	if posts[1].Unreadable != want {
		t.Errorf("message = %q, want %q", posts[1].Unreadable, want)
	}
}

func TestReadJSONLMetrics(t *testing.T) {
	data := `{"id":"1","likes":12,"comments":"1,234","shares":"7","views":3.0}` + "\n" +
		`{"id":"2","likes":"many","comments":[{"t":"a"},{"t":"b"}],"retweets":-1}` + "\n"
	posts := readString(t, "m.jsonl", data, Options{})
	p := posts[0]
	if p.Likes != 12 || p.Comments != 1234 || p.Reposts != 7 || p.Views != 3 || p.Unreadable != "" {
		t.Errorf("post 1 = %d %d %d %d %q", p.Likes, p.Comments, p.Reposts, p.Views, p.Unreadable)
	}
	p = posts[1]
	want := `likes "many" is not a count; write a whole number such as 42; reposts "-1" is not a count; write a whole number such as 42`
	if p.Comments != 2 || p.Unreadable != want {
		t.Errorf("post 2 comments %d, unreadable %q", p.Comments, p.Unreadable)
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	content := strings.Repeat("长", 700_000) // 2.1 MB of UTF-8 on one line
	data := `{"id":"1"}` + "\n" + `{"id":"big","content":"` + content + `"}` + "\n" + `{"id":"3"}` + "\n"
	posts := readString(t, "long.jsonl", data, Options{MaxRecord: 4 << 20})
	if len(posts) != 3 || posts[1].Content != content {
		t.Fatalf("the long line was not read whole")
	}
	sameBriefs(t, posts, []brief{{"1", "", "", 1, false}, {"big", "", content, 2, false}, {"3", "", "", 3, false}})
}

func TestReadJSONLLineEndings(t *testing.T) {
	tests := []struct {
		name, data string
		want       []brief
	}{
		{"lone cr", "{\"id\":\"1\"}\r{\"id\":\"2\"}\r\r{\"id\":\"3\"}\r",
			[]brief{{"1", "", "", 1, false}, {"2", "", "", 2, false}, {"3", "", "", 4, false}}},
		{"mixed endings", "{\"id\":\"1\"}\r\n{\"id\":\"2\"}\r{\"id\":\"3\"}\n{\"id\":\"4\"}",
			[]brief{{"1", "", "", 1, false}, {"2", "", "", 2, false}, {"3", "", "", 3, false}, {"4", "", "", 4, false}}},
		{"bom inside the file", "\ufeff{\"id\":\"1\"}\n\ufeff{\"id\":\"2\"}\n{\"id\":\"3\ufeff\"}\n",
			[]brief{{"1", "", "", 1, false}, {"2", "", "", 2, false}, {"3", "", "", 3, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameBriefs(t, readString(t, "posts.jsonl", tt.data, Options{}), tt.want)
		})
	}
}

func TestReadJSONLBOMNote(t *testing.T) {
	var notes []string
	readString(t, "posts.jsonl", "\ufeff{\"id\":\"1\"}\n\ufeff{\"id\":\"2\"}\n\ufeff{\"id\":\"3\"}\n", Options{Note: func(s string) { notes = append(notes, s) }})
	want := "posts.jsonl: removed 2 byte-order marks inside the file (first on line 2); files saved with a BOM were probably joined"
	if len(notes) != 1 || notes[0] != want {
		t.Errorf("notes = %q, want %q", notes, want)
	}
}

func TestMaxRecord(t *testing.T) {
	big := strings.Repeat("a", 3000)
	tests := []struct {
		name, file, data string
		want             []brief
		why              string // the message of the second post
	}{
		{"jsonl", "p.jsonl", "{\"id\":\"1\"}\n{\"id\":\"2\",\"content\":\"" + big + "\"}\n{\"id\":\"3\"}\n",
			[]brief{{"1", "", "", 1, false}, {"p.jsonl:2", "", "", 2, true}, {"3", "", "", 3, false}},
			"record is 3023 bytes, over the limit of 2 KiB; it was not read; split it, or raise the limit with --max-record if it is a real post"},
		{"csv", "p.csv", "id,content\n1,x\n2,\"" + big + "\n" + big + "\"\n3,y\n",
			[]brief{{"1", "", "x", 2, false}, {"p.csv:3", "", "", 3, true}, {"3", "", "y", 5, false}},
			"record is 6005 bytes, over the limit of 2 KiB; it was not read; split it, or raise the limit with --max-record if it is a real post"},
		{"tsv", "p.tsv", "id\tcontent\n1\tx\n2\t" + big + "\n3\ty\n",
			[]brief{{"1", "", "x", 2, false}, {"p.tsv:3", "", "", 3, true}, {"3", "", "y", 4, false}},
			"record is 3002 bytes, over the limit of 2 KiB; it was not read; split it, or raise the limit with --max-record if it is a real post"},
		{"json object", "p.json", "{\"id\":\"1\",\n\"content\":\"" + big + "\"}",
			[]brief{{"p.json:1", "", "", 1, true}},
			""},
		{"json array", "p.json", "[{\"id\":\"1\"},\n{\"id\":\"2\",\"content\":\"" + big + "\"},\n{\"id\":\"3\"}]",
			[]brief{{"1", "", "", 1, false}, {"p.json:2", "", "", 2, true}, {"3", "", "", 3, false}},
			"record is 3023 bytes, over the limit of 2 KiB; it was not read; split it, or raise the limit with --max-record if it is a real post"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, tt.file, tt.data, Options{MaxRecord: 2048})
			sameBriefs(t, posts, tt.want)
			if len(posts) > 1 && posts[1].Unreadable != tt.why || len(posts) == 1 && !strings.HasPrefix(posts[0].Unreadable, "record is 3") {
				t.Errorf("message %q\nwant %q", posts[1].Unreadable, tt.why)
			}
		})
	}
}

func TestReadUTF16JSONL(t *testing.T) {
	posts := readPath(t, "testdata/utf16be.jsonl", Options{Encoding: "gbk"})
	sameBriefs(t, posts, []brief{{"v1", "", "大端", 1, false}, {"v2", "", "第二行", 2, false}})
}

// TestJSONGuard: in a .json file a value over the limit never reaches the decoder whole,
// and the records after it keep their line numbers.
func TestJSONGuard(t *testing.T) {
	big := strings.Repeat("a", 1500)
	tests := []struct {
		name, data string
		want       []brief
	}{
		{"wrapper array, pretty printed item", "{\"data\": [\n{\"id\": \"1\"},\n{\n\"id\": \"2\",\n\"content\": \"" + big + "\",\n\"x\": \"" + big + "\"\n},\n{\"id\": \"3\"}\n]}",
			[]brief{{"1", "", "", 2, false}, {"posts.json:3", "", "", 3, true}, {"3", "", "", 8, false}}},
		{"one object with a huge field", "{\"id\": \"1\",\n\"content\": \"" + big + big + "\"}",
			[]brief{{"posts.json:1", "", "", 1, true}}},
		{"small values pass as they are", "[{\"id\": \"1\", \"content\": \"[{\\\"]}\"}, 42, \"s\", {\"id\": \"4\"}]",
			[]brief{{"1", "", "[{\"]}", 1, false}, {"posts.json:1:36", "", "", 1, true}, {"posts.json:1:40", "", "", 1, true}, {"4", "", "", 1, false}}},
		{"huge item cut off by the end", "[{\"id\": \"1\"},\n{\"content\": \"" + big + big,
			[]brief{{"1", "", "", 1, false}, {"posts.json:2", "", "", 2, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameBriefs(t, readString(t, "posts.json", tt.data, Options{MaxRecord: 2048}), tt.want)
		})
	}
}

// TestFieldsReadInPlace: times and counts, read from the line without a
// copy, come out as they did when copied, in every form a value takes.
func TestFieldsReadInPlace(t *testing.T) {
	data := `{"id":"1","content":"a","created_at":"2025-07-15T10:00:00+08:00","likes":25,"comments":"1,234","reposts":2.0,"views":" 7 "}
{"id":"2","content":"b","created_at":"2025-07-15T10:00:00\u002B08:00","likes":"\u0033","comments":true,"reposts":null,"views":[1,2]}
{"id":"3","content":"c","created_at":1752544800,"likes":-1,"comments":{"n":1},"reposts":"x"}
`
	path := write(t, t.TempDir(), "posts.jsonl", data)
	var got []Post
	err := Read(context.Background(), File{Path: path, Rel: "posts.jsonl", Format: JSONL}, Options{}, func(p Post) error {
		got = append(got, p)
		return nil
	})
	if err != nil || len(got) != 3 {
		t.Fatalf("read %d posts, err %v", len(got), err)
	}
	at := time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC)
	for i, want := range []struct {
		likes, comments, reposts, views int64
		unreadable                      string
	}{
		{25, 1234, 2, 7, ""},
		{3, 0, 0, 2, `comments "true" is not a count; write a whole number such as 42`},
		{0, 0, 0, 0, `likes "-1" is not a count; write a whole number such as 42; comments must be a number, not an object; reposts "x" is not a count; write a whole number such as 42`},
	} {
		p := got[i]
		if !p.HasTime || !p.CreatedAt.Equal(at) {
			t.Errorf("post %d: created_at %v, want %v", i+1, p.CreatedAt, at)
		}
		if p.Likes != want.likes || p.Comments != want.comments || p.Reposts != want.reposts || p.Views != want.views || p.Unreadable != want.unreadable {
			t.Errorf("post %d: counts %d %d %d %d, unreadable %q; want %+v", i+1, p.Likes, p.Comments, p.Reposts, p.Views, p.Unreadable, want)
		}
	}
}
