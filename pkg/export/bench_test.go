package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// benchExport writes n JSONL posts of about 1 KB, mostly Chinese, and returns the path and size.
// Each post has one local image, shots/a.png.
func benchExport(b *testing.B, n int) (string, int64) {
	return benchExportWith(b, n, func(int) []string { return []string{"shots/a.png"} })
}

// benchExportWith is benchExport with the images of post i given by images.
func benchExportWith(b *testing.B, n int, images func(i int) []string) (string, int64) {
	b.Helper()
	const text = "参加 #Gate Alpha 第三届积分狂欢节 & ES Launchpool# 活动，Eclipse 是首个基于 Solana 虚拟机的以太坊 Layer 2，代币总量与解锁安排如下。"
	var sb strings.Builder
	for i := range n {
		content := strings.Repeat(text, 6)[:1000]
		content = strings.ToValidUTF8(content, "")
		line, _ := json.Marshal(map[string]any{
			"id": fmt.Sprintf("p%06d", i), "author": fmt.Sprintf("u%d", i%500), "content": content,
			"images": images(i), "created_at": "2025-07-16 10:00:00",
			"likes": i % 97, "comments": i % 13, "reposts": i % 7, "views": i * 3,
		})
		sb.Write(line)
		sb.WriteByte('\n')
	}
	dir := b.TempDir()
	write(b, dir, "shots/a.png", "png")
	path := filepath.Join(dir, "bench.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, int64(sb.Len())
}

func BenchmarkReadJSONL(b *testing.B) {
	path, _ := benchExport(b, 5000)
	benchRead(b, path, 5000)
}

// BenchmarkReadJSONLURLs reads posts shaped as the bench exports of
// scripts/bench.sh are: three image URLs each, which need no look at the disk,
// so that the figure is the reader's own.
func BenchmarkReadJSONLURLs(b *testing.B) {
	path, _ := benchExportWith(b, 5000, func(i int) []string {
		u := fmt.Sprintf("https://img.example.com/g%07d/", i)
		return []string{u + "1.png", u + "2.png", u + "3.png"}
	})
	benchRead(b, path, 5000)
}

// BenchmarkReadJSONLRecycled reads as a validate run does: the chunks of
// every 256 posts are given back once they are done with, so the texts are
// copied into memory used before rather than fresh.
func BenchmarkReadJSONLRecycled(b *testing.B) {
	path, _ := benchExportWith(b, 5000, func(i int) []string {
		u := fmt.Sprintf("https://img.example.com/g%07d/", i)
		return []string{u + "1.png", u + "2.png", u + "3.png"}
	})
	benchReadWith(b, path, 5000, true)
}

func benchRead(b *testing.B, path string, n int) { benchReadWith(b, path, n, false) }

func benchReadWith(b *testing.B, path string, n int, recycle bool) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	size := st.Size()
	f := File{Path: path, Root: filepath.Dir(path), Rel: "bench.jsonl", Format: JSONL}
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		got := 0
		var opt Options
		if recycle {
			opt.Recycle = NewRecycler()
		}
		err := Read(context.Background(), f, opt, func(p Post) error {
			got++
			if recycle && got%256 == 0 {
				opt.Recycle.Take(0).Release()
			}
			return nil
		})
		if err != nil || got != n {
			b.Fatalf("read %d posts, err %v", got, err)
		}
		if recycle {
			opt.Recycle.Take(0).Release()
			opt.Recycle.Finish()
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*n), "allocs/post")
}

// BenchmarkHasBOM looks for a byte-order mark in the lines of a bench
// export, as the line reader does on every line.
func BenchmarkHasBOM(b *testing.B) {
	path, size := benchExport(b, 500)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(data, []byte{'\n'})
	b.SetBytes(size)
	for b.Loop() {
		for _, l := range lines {
			if hasBOM(l) {
				b.Fatal("a mark in a bench line")
			}
		}
	}
}
