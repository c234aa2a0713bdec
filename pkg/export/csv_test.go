package export

import (
	"testing"
	"time"
)

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             []brief
	}{
		{"plain", "p.csv", "id,author,content\n1,a,x\n2,b,y\n",
			[]brief{{"1", "a", "x", 2, false}, {"2", "b", "y", 3, false}}},
		{"quoted newlines keep the first line", "p.csv", "id,content\n1,\"line one\nline two\"\n2,z\n",
			[]brief{{"1", "", "line one\nline two", 2, false}, {"2", "", "z", 4, false}}},
		{"crlf inside and outside quotes", "p.csv", "id,content\r\n1,\"a\r\nb\"\r\n2,c\r\n",
			[]brief{{"1", "", "a\nb", 2, false}, {"2", "", "c", 4, false}}},
		{"header case and spaces", "p.csv", " ID , Text \n1,x\n",
			[]brief{{"1", "", "x", 2, false}}},
		{"ragged rows are unreadable, the next rows still come", "p.csv", "id,content\n1,x\n2,y,extra\n3\n4,z\n",
			[]brief{{"1", "", "x", 2, false}, {"p.csv:3", "", "", 3, true}, {"p.csv:4", "", "", 4, true}, {"4", "", "z", 5, false}}},
		{"bad quote mid-file", "p.csv", "id,content\n1,x\n2,a\"b\n3,y\n",
			[]brief{{"1", "", "x", 2, false}, {"p.csv:3", "", "", 3, true}, {"3", "", "y", 4, false}}},
		{"broken header", "p.csv", "id,\"con\"tent\n1,x\n",
			[]brief{{"p.csv:1", "", "", 1, true}}},
		{"header only", "p.csv", "id,content\n", nil},
		{"empty", "p.csv", "", nil},
		{"blank lines skipped", "p.csv", "id,content\n\n1,x\n\n2,y\n",
			[]brief{{"1", "", "x", 3, false}, {"2", "", "y", 5, false}}},
		{"rows of empty cells are skipped", "p.csv", "id,content\r\n1,x\r\n,\r\n , \r\n2,y\r\n,\r\n",
			[]brief{{"1", "", "x", 2, false}, {"2", "", "y", 5, false}}},
		{"header with a second bom and full-width names", "p.csv", "\ufeff\ufeffｉｄ,ｃｏｎｔｅｎｔ\u200b\n1,x\n",
			[]brief{{"1", "", "x", 2, false}}},
		{"tsv with stray quotes", "p.tsv", "id\tcontent\n1\t他说\"好\"\n",
			[]brief{{"1", "", "他说\"好\"", 2, false}}},
		{"lone cr line endings", "p.csv", "id,content\r1,x\r2,\"a\rb\"\r3,y",
			[]brief{{"1", "", "x", 2, false}, {"2", "", "a\nb", 3, false}, {"3", "", "y", 5, false}}},
		{"tsv with lone cr", "p.tsv", "id\tcontent\r1\tx\r2\ty\r",
			[]brief{{"1", "", "x", 2, false}, {"2", "", "y", 3, false}}},
		{"tsv cell starting with a quote swallows nothing", "p.tsv", "id\tcontent\n1\t\"quoted start\n2\ty\n3\t\"z\"\n",
			[]brief{{"1", "", "\"quoted start", 2, false}, {"2", "", "y", 3, false}, {"3", "", "\"z\"", 4, false}}},
		{"tsv row with an extra tab", "p.tsv", "id\tcontent\n1\tx\ty\n2\tz\n",
			[]brief{{"p.tsv:2", "", "", 2, true}, {"2", "", "z", 3, false}}},
		{"bom in the middle, as when two files are joined", "p.csv", "\ufeffid,content\n1,x\n\ufeffid,content\n\ufeff2,y\n",
			[]brief{{"1", "", "x", 2, false}, {"id", "", "content", 3, false}, {"2", "", "y", 4, false}}},
		{"bom", "p.csv", "\ufeffid,content\n1,x\n",
			[]brief{{"1", "", "x", 2, false}}},
		{"nul and invalid utf-8", "p.csv", "id,content\n1,a\x00b\xfe\n",
			[]brief{{"1", "", "a\uFFFDb\uFFFD", 2, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameBriefs(t, readString(t, tt.file, tt.data, Options{}), tt.want)
		})
	}
}

func TestReadCSVRaggedMessage(t *testing.T) {
	posts := readString(t, "p.csv", "id,content\n2,y,extra\n", Options{})
	want := "row has 3 cells but the header has 2; quote cells that hold the delimiter or a line break"
	if posts[0].Unreadable != want {
		t.Errorf("got %q, want %q", posts[0].Unreadable, want)
	}
}

func TestReadCSVImages(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "e.csv", "id,images\n1,a.png; b.png|https://x.test/c.jpg;;\n2,\n")
	posts := readPath(t, p, Options{})
	var refs []string
	for _, img := range posts[0].Images {
		refs = append(refs, img.Ref)
	}
	if len(refs) != 3 || refs[0] != "a.png" || refs[1] != "b.png" || refs[2] != "https://x.test/c.jpg" {
		t.Errorf("refs = %q", refs)
	}
	if !posts[0].Images[2].URL || posts[0].Images[2].Path != "" {
		t.Errorf("url image = %+v", posts[0].Images[2])
	}
	if len(posts[1].Images) != 0 {
		t.Errorf("empty cell gave images %+v", posts[1].Images)
	}
}

func TestReadGBKCSV(t *testing.T) {
	opt := Options{Encoding: "GBK", Fields: map[string]string{"author": "作者"}}
	posts := readPath(t, "testdata/gbk.csv", opt)
	sameBriefs(t, posts, []brief{
		{"g1", "小明", "参加 #Gate Alpha 第三届积分狂欢节 & ES Launchpool# 活动\n第二行", 2, false},
		{"g2", "小红", "简体中文内容", 4, false},
	})
	if len(posts[0].Images) != 2 || posts[0].Likes != 1234 {
		t.Errorf("images %+v likes %d", posts[0].Images, posts[0].Likes)
	}
	if want := time.Date(2025, 7, 16, 10, 0, 0, 0, time.UTC); !posts[0].CreatedAt.Equal(want) {
		t.Errorf("created_at %v, want %v", posts[0].CreatedAt, want)
	}
	if want := time.Unix(1752631200, 0); !posts[1].CreatedAt.Equal(want) {
		t.Errorf("created_at %v, want %v", posts[1].CreatedAt, want)
	}
}

func TestReadGBKWithoutEncodingIsDetected(t *testing.T) {
	posts := readPath(t, "testdata/gbk.csv", Options{})
	if len(posts) != 2 || posts[1].ID != "g2" || posts[1].Content != "简体中文内容" {
		t.Errorf("posts = %s", dump(posts))
	}
}

func TestReadBig5TSV(t *testing.T) {
	posts := readPath(t, "testdata/big5.tsv", Options{Encoding: "big5", Location: shanghai(t)})
	sameBriefs(t, posts, []brief{{"b1", "小華", "積分狂歡節", 2, false}})
	if want := time.Date(2025, 7, 16, 2, 0, 0, 0, time.UTC); !posts[0].CreatedAt.Equal(want) {
		t.Errorf("created_at %v, want %v", posts[0].CreatedAt, want)
	}
}

func TestReadBOMCSVIgnoresEncoding(t *testing.T) {
	sameBriefs(t, readPath(t, "testdata/bom.csv", Options{Encoding: "big5"}), []brief{{"c1", "", "带 BOM 的 CSV", 2, false}})
}

func TestReadUnknownEncoding(t *testing.T) {
	_, err := readFile("testdata/bom.csv", Options{Encoding: "latin-9"})
	want := `unknown encoding "latin-9"; use auto, utf-8, utf-16, utf-16le, utf-16be, gbk, gb18030 or big5`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestFieldsMapping(t *testing.T) {
	tests := []struct {
		name   string
		fields map[string]string
		want   brief
	}{
		{"aliases", nil, brief{"1", "u1", "t", 2, false}},
		{"mapping replaces the field's aliases", map[string]string{"content": "正文"}, brief{"1", "u1", "正文内容", 2, false}},
		{"mapping may take another field's alias", map[string]string{"id": "user"}, brief{"u1", "", "t", 2, false}},
		{"mapping is case-insensitive", map[string]string{"Author": "NICK"}, brief{"1", "昵称", "t", 2, false}},
	}
	data := "id,user,text,正文,nick\n1,u1,t,正文内容,昵称\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameBriefs(t, readString(t, "f.csv", data, Options{Fields: tt.fields}), []brief{tt.want})
		})
	}
}

func shanghai(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	return loc
}
