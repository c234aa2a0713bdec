package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestBriefInAnyEncoding reads the brief as every text input is read: saved
// as UTF-16 with a BOM (Windows Notepad's "Unicode") or as GBK it still
// catches a pasted copy; read as raw bytes it silently caught nothing.
func TestBriefInAnyEncoding(t *testing.T) {
	brief, err := os.ReadFile("testdata/announcement.txt")
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(brief)
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(brief)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{{"utf-8", brief}, {"utf-16 with bom", utf16}, {"gbk", gbk}} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "brief.txt")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			rules := "content: {brief: " + path + ", brief_threshold: 0.6}\n"
			e := inspect(t, rules, &export.Post{ID: "p", Content: string(brief)})
			if r := only(t, e, check.CopiesBrief); r.Measured != "1.00" {
				t.Errorf("similarity to the brief %s, want 1.00", r.Measured)
			}
		})
	}
}
