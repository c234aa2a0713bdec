package export

import (
	"strings"
	"testing"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             brief
		likes            int64
	}{
		{"plain text: id from the name", "a1.txt", "  正文 #tag#\n第二行\n", brief{"a1", "", "正文 #tag#\n第二行", 1, false}, 0},
		{"front matter", "x.md", "---\nid: \"007\"\nauthor: 小明\nlikes: 5\n---\n\n# 标题\n正文\n", brief{"007", "小明", "# 标题\n正文", 1, false}, 5},
		{"front matter keeps leading zeros", "x.md", "---\nid: 007\n---\nbody", brief{"007", "", "body", 1, false}, 0},
		{"front matter without id", "post-9.MD", "---\nuser: u\n---\nbody", brief{"post-9", "u", "body", 1, false}, 0},
		{"crlf", "c.md", "---\r\nid: c\r\n---\r\nline1\r\nline2\r\n", brief{"c", "", "line1\nline2", 1, false}, 0},
		{"front matter content when the body is empty", "e.md", "---\ncontent: 来自字段\n---\n", brief{"e", "", "来自字段", 1, false}, 0},
		{"three dashes later are body", "d.md", "text\n---\nmore", brief{"d", "", "text\n---\nmore", 1, false}, 0},
		{"unclosed front matter", "u.md", "---\nid: 1\nbody", brief{"u", "", "---\nid: 1\nbody", 1, true}, 0},
		{"bad yaml", "y.md", "---\nid: [1\n---\nbody", brief{"y", "", "body", 1, true}, 0},
		{"front matter not a mapping", "l.md", "---\n- a\n---\nbody", brief{"l", "", "body", 1, true}, 0},
		{"empty file", "z.txt", "", brief{"z", "", "", 1, false}, 0},
		{"bom inside the text is removed", "b.md", "---\nid: \ufeffb1\n---\nx\ufeffy", brief{"b1", "", "xy", 1, false}, 0},
		{"nul and invalid utf-8", "n.txt", "a\x00b\xff", brief{"n", "", "a\uFFFDb\uFFFD", 1, false}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, tt.file, tt.data, Options{})
			sameBriefs(t, posts, []brief{tt.want})
			if posts[0].Likes != tt.likes {
				t.Errorf("likes = %d, want %d", posts[0].Likes, tt.likes)
			}
		})
	}
}

func TestReadTextMessages(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"yaml error names the file line", "---\nid: 1\nx: [\n---\nbody",
			"front matter is not valid YAML (line 3: did not find expected node content); fix it or remove it"},
		{"unclosed", "---\nid: 1\n",
			"the front matter opened by --- on line 1 is never closed; add a line holding only --- after the fields"},
		{"bad time", "---\ncreated_at: soon\n---\nbody",
			`created_at "soon" is not a time; use ` + timeForms},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, "m.md", tt.data, Options{})
			if posts[0].Unreadable != tt.want {
				t.Errorf("got  %q\nwant %q", posts[0].Unreadable, tt.want)
			}
		})
	}
}

func TestReadTextTooLong(t *testing.T) {
	posts := readString(t, "long.md", "---\nid: x\n---\n"+strings.Repeat("字", 1000), Options{MaxRecord: 1000})
	want := "record is 3014 bytes, over the limit of 1000 bytes; it was not read; split it, or raise the limit with --max-record if it is a real post"
	if len(posts) != 1 || posts[0].Unreadable != want || posts[0].ID != "long" {
		t.Errorf("got %q\nwant %q", posts[0].Unreadable, want)
	}
}
