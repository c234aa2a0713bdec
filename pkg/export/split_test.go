package export

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
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
		{name: "blank lines at the cuts", text: strings.ReplaceAll(genLines(7, 300, "mixed"), "\r\n", "\r\n\n\r\n\n")},
		{name: "ends in a lone cr", text: genLines(8, 300, "\n") + `{"id": "last"}` + "\r"},
		{name: "a line longer than several parts", text: genLines(12, 100, "\r\n") + `{"content": "` + strings.Repeat("长", 400) + `"}` + "\r\n" + genLines(10, 100, "\r\n")},
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
				for _, counted := range []bool{false, true} {
					parts := slices.Clone(parts)
					if counted {
						if err := CountLines(f, parts); err != nil {
							t.Fatal(err)
						}
					}
					got, rep, notes := readInParts(t, f, parts)
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("n=%d, counted %v: posts differ\n got %v\nwant %v", n, counted, got, want)
					}
					if !reflect.DeepEqual(rep, wantRep) || !reflect.DeepEqual(notes, wantNotes) {
						t.Errorf("n=%d, counted %v: report %+v, notes %q\nwant %+v, %q", n, counted, rep, notes, wantRep, wantNotes)
					}
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
	given := make([]int, len(parts))
	for i, p := range parts {
		given[i] = p.Line
	}
	rep, err := ReadParts(context.Background(), f, opt, parts, func(i int, p Post) error {
		byPart[i] = append(byPart[i], p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var posts []Post
	line := 0
	for i, ps := range byPart {
		if parts[i].Line != line {
			t.Fatalf("part %d: Line %d, want %d", i, parts[i].Line, line)
		}
		line += parts[i].Lines
		for _, p := range ps {
			p.Line += parts[i].Line - given[i]
			if p.NoID {
				p.ID = p.Source()
			}
			posts = append(posts, p)
		}
	}
	return posts, rep, notes
}

// TestReadPartsLineNumbers: line k of a file read in parts is numbered k,
// whatever line endings, blank lines or long lines come before it and
// wherever the cuts fall; a post without id is named by that line.
func TestReadPartsLineNumbers(t *testing.T) {
	old := minPart
	minPart = 64
	defer func() { minPart = old }()
	endings := []string{"\n", "\r\n", "\r", "\n", "\r\n"}
	var b strings.Builder
	for k := 1; k <= 400; k++ {
		switch {
		case k%7 == 0:
			b.WriteString("  ") // blank
		case k%11 == 0:
			fmt.Fprintf(&b, `{"content": "no id %d"}`, k)
		case k%53 == 0:
			fmt.Fprintf(&b, `{"id": "%d", "content": "%s"}`, k, strings.Repeat("x", 300))
		default:
			fmt.Fprintf(&b, `{"id": "%d"}`, k)
		}
		b.WriteString(endings[k%len(endings)])
	}
	path := filepath.Join(t.TempDir(), "posts.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	f := File{Path: path}
	for n := 2; n <= 40; n++ {
		parts, err := SplitLines(f, Options{}, n)
		if err != nil || len(parts) < 2 {
			t.Fatalf("n=%d: %d parts, %v", n, len(parts), err)
		}
		posts, _, _ := readInParts(t, f, parts)
		if last := parts[len(parts)-1]; last.Line+last.Lines != 400 {
			t.Errorf("n=%d: %d lines, want 400", n, last.Line+last.Lines)
		}
		for _, p := range posts {
			want := strconv.Itoa(p.Line)
			if p.NoID {
				if p.ID != "posts.jsonl:"+want || p.Content != "no id "+want {
					t.Errorf("n=%d: post %q %q on line %d", n, p.ID, p.Content, p.Line)
				}
			} else if p.ID != want {
				t.Errorf("n=%d: post %q on line %d", n, p.ID, p.Line)
			}
		}
		if len(posts) != 400-400/7 {
			t.Errorf("n=%d: %d posts, want %d", n, len(posts), 400-400/7)
		}
	}
}

// TestSplitLinesGuessIsBounded: the records a part is guessed to hold,
// which are faulted in before reading, stay near what it holds when its
// first bytes are unlike the rest. Before, a part starting with 1 MiB of
// blank lines was guessed from them alone: a 48 MB export took 4.8 GB.
func TestSplitLinesGuessIsBounded(t *testing.T) {
	post := `{"id": "p", "author": "a", "content": "` + strings.Repeat("长", 400) + `"}` + "\n"
	tests := []struct {
		name, head string
	}{
		{"alike throughout", ""},
		{"blank lines first", strings.Repeat("\n", 1<<20)},
		{"spaces and CRLF first", strings.Repeat(" \r\n", 1<<18)},
		{"short posts first", strings.Repeat(`{"id": "rt", "content": "RT"}`+"\n", 1<<15)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := strings.Repeat(post, 10<<20/len(post))
			path := filepath.Join(t.TempDir(), "posts.jsonl")
			if err := os.WriteFile(path, []byte(tt.head+body+body), 0o644); err != nil {
				t.Fatal(err)
			}
			parts, err := SplitLines(File{Path: path}, Options{}, 2)
			if err != nil || len(parts) != 2 {
				t.Fatalf("%d parts, %v", len(parts), err)
			}
			data, _ := os.ReadFile(path)
			for i, p := range parts {
				held := strings.Count(string(data[p.Offset:p.Offset+p.Size]), `{"id"`)
				if p.Room > 2*held+1000 {
					t.Errorf("part %d: room for %d records, holds %d", i, p.Room, held)
				}
				if tt.head == "" && (p.Room < held*9/10 || p.Room > held*11/10) {
					t.Errorf("part %d: room for %d records, holds %d: the guess should be close", i, p.Room, held)
				}
			}
		})
	}
}
