package export

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestReadPartsAsWhole: a JSON Lines file read in parts gives the posts,
// line numbers, report and notes of the file read whole, whatever the
// number of parts and wherever the cuts fall.
func TestReadPartsAsWhole(t *testing.T) {
	old := minPart
	minPart = 64
	defer func() { minPart = old }()
	tests := []struct {
		name, text string
		whole      bool // no "\n" to cut at: read whole
	}{
		{name: "plain", text: genLines(1, 300, "\n")},
		{name: "crlf", text: genLines(2, 300, "\r\n")},
		{name: "lone cr", text: genLines(3, 300, "\r"), whole: true},
		{name: "mixed endings, no final ending", text: strings.TrimRight(genLines(4, 300, "mixed"), "\r\n")},
		{name: "keys of later parts named", text: genLines(5, 300, "\n") + `{"foo": 1}` + "\n" + genLines(6, 50, "\n") + `{"bar": 2}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "posts.jsonl")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			f := File{Path: path}
			want, wantRep, wantNotes := readWhole(t, f)
			for _, n := range []int{2, 3, 7, 31} {
				parts, err := SplitLines(f, Options{}, n)
				if tt.whole && err == nil && len(parts) < 2 {
					continue
				}
				if err != nil || len(parts) < 2 {
					t.Fatalf("n=%d: %d parts, %v", n, len(parts), err)
				}
				got, rep, notes := readInParts(t, f, parts)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("n=%d: posts differ\n got %v\nwant %v", n, got, want)
				}
				if !reflect.DeepEqual(rep, wantRep) || !reflect.DeepEqual(notes, wantNotes) {
					t.Errorf("n=%d: report %+v, notes %q\nwant %+v, %q", n, rep, notes, wantRep, wantNotes)
				}
			}
		})
	}
}

// TestSplitLinesWhole: files that must be read whole are not split.
func TestSplitLinesWhole(t *testing.T) {
	old := minPart
	minPart = 64
	defer func() { minPart = old }()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"bom.jsonl":   "\ufeff" + genLines(1, 100, "\n"),
		"small.jsonl": `{"id": "1"}` + "\n",
		"posts.json":  "[" + strings.Repeat(`{"id": "1"},`, 100) + `{"id": "2"}]`,
		"gbk.jsonl":   genLines(1, 100, "\n") + "{\"id\": \"\xc4\xe3\xba\xc3\"}\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		opt := Options{}
		if name == "gbk.jsonl" {
			opt.Encoding = "gbk"
		}
		if parts, err := SplitLines(File{Path: path}, opt, 4); len(parts) != 0 || err != nil {
			t.Errorf("%s: %d parts, %v; want the file read whole", name, len(parts), err)
		}
	}
}

// genLines makes n records of every kind: good, blank, broken, over the
// size limit, with a byte-order mark inside, without id.
func genLines(seed uint64, n int, ending string) string {
	rng := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	for i := range n {
		end := ending
		if ending == "mixed" {
			end = []string{"\n", "\r\n", "\r"}[rng.IntN(3)]
		}
		switch rng.IntN(8) {
		case 0:
			b.WriteString("   ")
		case 1:
			b.WriteString(`{"id": "x` + fmt.Sprint(i) + `", "content": "broken`)
		case 2:
			b.WriteString("\ufeff" + `{"id": "b` + fmt.Sprint(i) + `", "content": "带 BOM"}`)
		case 3:
			b.WriteString(`{"content": "` + strings.Repeat("长", 200) + `"}`)
		case 4:
			b.WriteString(`{"id": "p` + fmt.Sprint(i) + `", "author": "a", "content": "#积分狂欢节 内容\n第二行", "likes": 3, "extra` + fmt.Sprint(i%5) + `": 1}`)
		default:
			b.WriteString(`{"id": "p` + fmt.Sprint(i) + `", "content": "hello \u0026 world"}`)
		}
		b.WriteString(end)
	}
	return b.String()
}

func readWhole(t *testing.T, f File) ([]Post, Report, []string) {
	t.Helper()
	var posts []Post
	var notes []string
	opt := Options{MaxRecord: 500, Note: func(s string) { notes = append(notes, s) }}
	rep, err := ReadReport(context.Background(), f, opt, func(p Post) error {
		posts = append(posts, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return posts, rep, notes
}

func readInParts(t *testing.T, f File, parts []Part) ([]Post, Report, []string) {
	t.Helper()
	var notes []string
	byPart := make([][]Post, len(parts))
	var mu sync.Mutex
	opt := Options{MaxRecord: 500, Note: func(s string) { mu.Lock(); notes = append(notes, s); mu.Unlock() }}
	rep, err := ReadParts(context.Background(), f, opt, parts, func(i int, p Post) error {
		byPart[i] = append(byPart[i], p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var posts []Post
	for _, ps := range byPart {
		posts = append(posts, ps...)
	}
	return posts, rep, notes
}
