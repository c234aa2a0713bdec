package text

import (
	"os"
	"strings"
	"testing"
)

// benchPosts returns the 1 KB mixed post of testdata and a 100 KB text
// made of it with its lines shuffled round, so no two kilobytes are alike.
func benchPosts(tb testing.TB) (small, large string) {
	b, err := os.ReadFile("testdata/bench_post.txt")
	if err != nil {
		tb.Fatal(err)
	}
	small = string(b)
	lines := strings.Split(strings.TrimSpace(small), "\n")
	var sb strings.Builder
	for i := 0; sb.Len() < 100<<10; i++ {
		sb.WriteString(lines[(i*7)%len(lines)])
		sb.WriteByte('\n')
	}
	return small, sb.String()
}

// BenchmarkMeasure measures every unit at once, with and without the rule
// file's default exclusions, on a 1 KB and a 100 KB post.
func BenchmarkMeasure(b *testing.B) {
	small, large := benchPosts(b)
	for _, post := range []struct {
		name, text string
	}{{"1KB", small}, {"100KB", large}} {
		for _, ex := range []struct {
			name string
			ex   Exclude
		}{{"all", 0}, {"excl", ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace}} {
			b.Run(post.name+"/"+ex.name, func(b *testing.B) {
				var m Measurer
				m.Measure(post.text, ex.ex, SyntaxAuto) // grow the buffers, build the tables
				b.SetBytes(int64(len(post.text)))
				b.ReportAllocs()
				for b.Loop() {
					m.Measure(post.text, ex.ex, SyntaxAuto)
				}
			})
		}
	}
}
