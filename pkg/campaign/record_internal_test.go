package campaign

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/integrity"
	"github.com/promo-cli/promo/pkg/rules"
)

// TestEntrySize: what is kept of each entry until the cross-entry checks
// have run: the entry, its text signature in its batch's array, the index
// of that signature and the record key. A million entries are held at once.
func TestEntrySize(t *testing.T) {
	entry := unsafe.Sizeof(check.Entry{})
	sig := unsafe.Sizeof(integrity.TextDoc{})
	record := entry + sig + unsafe.Sizeof(int32(0)) + unsafe.Sizeof(recordKey{})
	t.Logf("entry %d bytes, signature %d, record %d", entry, sig, record)
	if entry > 192 {
		t.Errorf("check.Entry is %d bytes, want at most 192", entry)
	}
	if record > 530 {
		t.Errorf("an entry and its signature take %d bytes, want at most 530", record)
	}
}

// TestHostileRecordsHeap: records that hold nothing cost about an entry
// each while the export is read, not kilobytes. An array of empty objects
// and a JSON Lines file of bare numbers had taken 1.4 and 0.8 KB a record
// (a 9 MB file of {} reached 4 GiB).
func TestHostileRecordsHeap(t *testing.T) {
	const n = 20000
	tests := []struct {
		name, file, text string
		max              float64 // bytes of heap per record after the read, beside its path
	}{
		{name: "array of empty objects", file: "empty.json", text: "[" + strings.Repeat("{},", n-1) + "{}]", max: 256},
		{name: "lines of numbers", file: "ones.jsonl", text: strings.Repeat("1\n", n), max: 256},
	}
	r, err := rules.Load(filepath.Join("testdata", "rules.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			per := heapPerRecord(t, r, path, n)
			// A record without an id is named by its place, whose text
			// holds the path: a longer temporary folder (macOS) costs
			// every record that much more without promo changing.
			limit := tt.max + float64(len(path))
			t.Logf("%.0f bytes a record (path of %d bytes)", per, len(path))
			if per > limit {
				t.Errorf("%.0f bytes of heap a record after the read, want at most %.0f", per, limit)
			}
		})
	}
}

// heapPerRecord reads the file as Evaluate does and measures the heap the
// result holds, per record.
func heapPerRecord(t *testing.T, r *rules.Rules, path string, n int) float64 {
	t.Helper()
	c, err := check.New(r)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := export.FormatOf(path)
	res := &Result{Rules: r, Files: []export.File{{Path: path, Root: filepath.Dir(path), Rel: filepath.Base(path), Format: f}}, Checker: c}
	before := heapInUse()
	if err := res.read(context.Background(), c, Options{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	after := heapInUse()
	if len(res.Entries) != n {
		t.Fatalf("%d entries, want %d", len(res.Entries), n)
	}
	runtime.KeepAlive(res)
	return float64(after-before) / float64(n)
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestJoinInPlace: the entries of a file read in parts are closed up in
// the array they were written to, gaps (blank lines) dropped, in order,
// with each entry's signature and key still its own.
func TestJoinInPlace(t *testing.T) {
	arena := make([]check.Entry, 10)
	keyRoom := make([]recordKey, 10)
	var batches []*batch
	// Two parts of five lines each; the first holds three records, the
	// second four, so each leaves a gap after its records.
	for _, b := range []struct{ at, n int }{{0, 2}, {2, 1}, {5, 4}} {
		bt := &batch{entries: arena[b.at : b.at+b.n], keys: keyRoom[b.at : b.at+b.n]}
		for i := range bt.entries {
			bt.entries[i].ID = string(rune('a' + b.at + i))
			bt.keys[i].sum[0] = byte('a' + b.at + i)
			if i%2 == 0 {
				bt.sigs.texts = append(bt.sigs.texts, integrity.TextDoc{Order: int32(i), Exact: uint64(b.at + i), OK: true})
			}
		}
		batches = append(batches, bt)
	}
	res := &Result{Files: []export.File{{Rel: "posts.jsonl"}}}
	res.join([]fileResult{{batches: batches, arena: arena, keyRoom: keyRoom}})
	var ids []string
	for i, e := range res.Entries {
		ids = append(ids, e.ID)
		if k := res.keys[i].sum[0]; k != e.ID[0] {
			t.Errorf("entry %s has the key of entry %c", e.ID, k)
		}
		if d := res.sigs.text(i); d != nil && d.Exact != uint64(e.ID[0]-'a') {
			t.Errorf("entry %s has the signature of entry %c", e.ID, rune('a'+d.Exact))
		}
	}
	if got := strings.Join(ids, ""); got != "abcfghi" {
		t.Errorf("entries %q, want abcfghi", got)
	}
	if &res.Entries[0] != &arena[0] || &res.keys[0] != &keyRoom[0] {
		t.Error("the entries or their keys were copied to a new array")
	}
}

// TestKeyOfParts: the record key tells apart posts whose parts differ
// only in where one ends and the next begins, and ignores engagement.
func TestKeyOfParts(t *testing.T) {
	at := time.Date(2025, 7, 16, 8, 0, 0, 0, time.UTC)
	base := export.Post{Author: "ab", Content: "c", CreatedAt: at, HasTime: true, Likes: 1}
	cases := []struct {
		name string
		edit func(p *export.Post)
		same bool
	}{
		{"more likes", func(p *export.Post) { p.Likes = 99 }, true},
		{"a byte moved across the author's end", func(p *export.Post) { p.Author, p.Content = "a", "bc" }, false},
		{"no time", func(p *export.Post) { p.HasTime = false }, false},
		{"another time", func(p *export.Post) { p.CreatedAt = at.Add(time.Second) }, false},
		{"one image", func(p *export.Post) { p.Images = []export.Image{{Ref: "a.png"}} }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := base
			c.edit(&p)
			if got := keyOf(&p) == keyOf(&base); got != c.same {
				t.Errorf("same key %v, want %v", got, c.same)
			}
		})
	}
}

// BenchmarkKeyOf hashes a post of the benchmark export's size.
func BenchmarkKeyOf(b *testing.B) {
	p := export.Post{Author: "user031022", Content: strings.Repeat("质押挖矿体验 APR ", 60), HasTime: true,
		CreatedAt: time.Date(2025, 7, 16, 8, 0, 0, 0, time.UTC), Images: []export.Image{{Ref: "https://x/a.png"}}}
	b.SetBytes(int64(len(p.Content)))
	b.ReportAllocs()
	for b.Loop() {
		keyOf(&p)
	}
}
