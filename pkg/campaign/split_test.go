package campaign_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
)

// TestSplitFileLines: a JSON Lines file large enough to be read in parts
// gives, whatever the number of workers, the entries of reading it whole:
// the same line numbers, the same names for records without an id, and the
// same places in the messages that point at another entry, across CRLF, lone
// CR, blank lines and a record longer than a part.
func TestSplitFileLines(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 14 MB export")
	}
	for _, short := range []bool{false, true} {
		t.Run(fmt.Sprintf("short lines after the first MiB %v", short), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "posts.jsonl")
			text, noID := splitExport(short)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			r := loadRules(t, nil)
			want := dump(t, evaluate(t, r, []string{path}, campaign.Options{Workers: 1}), dir)
			for _, k := range noID {
				if src := fmt.Sprintf("$ROOT/posts.jsonl:%d $ROOT/posts.jsonl:%d ", k, k); !strings.Contains(want, src) {
					t.Fatalf("read whole: no entry %q", src)
				}
			}
			for _, workers := range []int{2, 3, 4} {
				if got := dump(t, evaluate(t, r, []string{path}, campaign.Options{Workers: workers}), dir); got != want {
					t.Errorf("workers %d: entries differ from reading the file whole\n%s", workers, firstDiff([]byte(want), []byte(got)))
				}
			}
		})
	}
}

// splitExport is about 14 MB of records of every kind, with the lines of
// some of those without an id. With short, the records after the first
// MiB are far shorter than those before: the room guessed for the first
// part's entries from its first MiB is too small.
func splitExport(short bool) (string, []int) {
	endings := []string{"\n", "\r\n", "\r", "\n\n", "\r\n  \r\n", "\n"}
	var b strings.Builder
	var noID []int
	line, huge := 1, false
	for k := 0; b.Len() < 14<<20; k++ {
		switch {
		case !huge && b.Len() > 6<<20:
			huge = true
			// Longer than a part (4 MiB): over the size limit, and the
			// cut that would fall inside it moves to its end.
			b.WriteString(`{"id": "huge", "content": "` + strings.Repeat("长", 1_600_000) + `"}`)
		case k%97 == 0:
			noID = append(noID, line)
			fmt.Fprintf(&b, `{"author": "n%d", "content": "#积分狂欢节# 没有编号的帖子 %d 解锁代币的故事很长很长很长"}`, k, k)
		case k%89 == 0:
			// The same text far apart: the later names the earlier's place.
			fmt.Fprintf(&b, `{"id": "d%d", "author": "d%d", "content": "#积分狂欢节# 重复的内容 Eclipse SVM 代币解锁之后的路线图与社区治理安排"}`, k, k)
		case k%61 == 0:
			fmt.Fprintf(&b, `{"id": "bad%d", "content": "broken`, k)
		case short && b.Len() > 1<<20 && b.Len() < 5<<20:
			fmt.Fprintf(&b, `{"id": "s%d", "content": "#积分狂欢节# 短 %d"}`, k, k)
		default:
			fmt.Fprintf(&b, `{"id": "p%d", "author": "a%d", "content": "#积分狂欢节# 第 %d 条 %s", "created_at": "2025-07-16 12:00"}`, k, k%500, k, strings.Repeat("内容", 200+k%300))
		}
		end := endings[k%len(endings)]
		b.WriteString(end)
		line += strings.Count(end, "\n") + strings.Count(end, "\r") - strings.Count(end, "\r\n")
	}
	return b.String(), noID
}
