package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func gen(t *testing.T, cfg config) (out []byte, truth [][]string) {
	t.Helper()
	var o, tr bytes.Buffer
	if err := generateBuffered(&o, &tr, cfg); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&tr).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "copy_id,original_id" {
		t.Fatalf("truth header = %v", rows)
	}
	return o.Bytes(), rows[1:]
}

func decode(t *testing.T, out []byte) []post {
	t.Helper()
	var posts []post
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var p post
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("line %d: %v", len(posts)+1, err)
		}
		posts = append(posts, p)
	}
	return posts
}

func TestDeterministic(t *testing.T) {
	cfg := config{N: 300, Dup: 0.05, Seed: 7}
	a, ta := gen(t, cfg)
	b, tb := gen(t, cfg)
	if !bytes.Equal(a, b) || len(ta) != len(tb) {
		t.Fatal("same seed gave different output")
	}
	cfg.Seed = 8
	c, _ := gen(t, cfg)
	if bytes.Equal(a, c) {
		t.Fatal("different seeds gave the same output")
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		name   string
		cfg    config
		copies int
	}{
		{"no copies", config{N: 500, Seed: 1}, 0},
		{"one percent", config{N: 2000, Dup: 0.01, Seed: 1}, 20},
		{"rate not a whole count", config{N: 1050, Dup: 0.02, Seed: 3}, 21},
		{"empty", config{N: 0, Dup: 0.1, Seed: 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, truth := gen(t, tt.cfg)
			if got := len(decode(t, out)); got != tt.cfg.N {
				t.Errorf("posts = %d, want %d", got, tt.cfg.N)
			}
			if len(truth) != tt.copies {
				t.Errorf("copies = %d, want %d", len(truth), tt.copies)
			}
		})
	}
}

func TestPosts(t *testing.T) {
	out, _ := gen(t, config{N: 2000, Seed: 5})
	posts := decode(t, out)
	tagged, bytesTotal := 0, 0
	ids := map[string]bool{}
	for _, p := range posts {
		if ids[p.ID] {
			t.Fatalf("id %s repeated", p.ID)
		}
		ids[p.ID] = true
		if strings.HasPrefix(p.Content, Tag) {
			tagged++
		}
		bytesTotal += len(p.Content)
		if _, err := time.Parse(time.RFC3339, p.CreatedAt); err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
	}
	if share := float64(tagged) / float64(len(posts)); share < 0.77 || share > 0.83 {
		t.Errorf("tagged share = %.3f, want about 0.8", share)
	}
	if avg := bytesTotal / len(posts); avg < 900 || avg > 1000 {
		t.Errorf("average content = %d bytes, want 900 to 1000", avg)
	}
}

// TestCopies checks each planted copy against its original: another
// author, a later time, the same length, about 1 % of characters changed.
func TestCopies(t *testing.T) {
	out, truth := gen(t, config{N: 3000, Dup: 0.01, Seed: 11})
	byID := map[string]post{}
	for _, p := range decode(t, out) {
		byID[p.ID] = p
	}
	seen := map[string]bool{}
	for _, row := range truth {
		c, o := byID[row[0]], byID[row[1]]
		if seen[o.ID] {
			t.Errorf("original %s copied twice", o.ID)
		}
		seen[o.ID] = true
		if c.Author == o.Author {
			t.Errorf("%s: copy by the original's author %s", c.ID, c.Author)
		}
		if c.CreatedAt <= o.CreatedAt {
			t.Errorf("%s at %s is not after %s at %s", c.ID, c.CreatedAt, o.ID, o.CreatedAt)
		}
		cr, or := []rune(c.Content), []rune(o.Content)
		if len(cr) != len(or) {
			t.Fatalf("%s: %d runes, original %d", c.ID, len(cr), len(or))
		}
		diff := 0
		for i := range cr {
			if cr[i] != or[i] {
				diff++
			}
		}
		if want := len(or) / 100; diff < 1 || diff > want+1 {
			t.Errorf("%s: %d of %d runes changed, want 1 to %d", c.ID, diff, len(or), want+1)
		}
		if strings.HasPrefix(o.Content, Tag) != strings.HasPrefix(c.Content, Tag) {
			t.Errorf("%s: edit touched the tag", c.ID)
		}
	}
}

func TestRunFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"dup too high", []string{"-dup", "0.9"}, "-dup must be between 0 and 0.5, got 0.9"},
		{"negative count", []string{"-n", "-1"}, "-n must be 0 or more, got -1"},
		{"stray argument", []string{"out.jsonl"}, `unexpected argument "out.jsonl"; use -o FILE to name the output`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, &bytes.Buffer{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
