package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// TestScanStringAtEveryOffset puts each byte that ends or breaks plain text
// at every place of the words the scanner reads eight bytes at a time, and
// in runs of Chinese, and checks the verdict against encoding/json.
func TestScanStringAtEveryOffset(t *testing.T) {
	odd := []string{`"`, `\`, `\n`, `\u00e9`, `\x`, "\x1f", "\x00", "\x7f", "\x80", "\xed\xa0\x80", "\xe0\x80\x80", "é", "中", "\xe4\xbd"}
	fills := map[string]string{"ascii": "abcdefgh", "han": "中文字", "mixed": "a中b"}
	for name, fill := range fills {
		for _, o := range odd {
			for at := 0; at <= 24; at++ {
				body := bytes.Repeat([]byte(fill), 10)[:at]
				body = append(body, o...)
				body = append(body, bytes.Repeat([]byte(fill), 4)...)
				line := []byte(`{"k":"` + string(body) + `","n":1}`)
				t.Run(fmt.Sprintf("%s/%q/%d", name, o, at), func(t *testing.T) {
					ok, _ := scanObject(line, nil)
					want := json.Valid(line) && clean(line)
					if ok != want {
						t.Errorf("scanObject(%q) = %v, want %v", line, ok, want)
					}
				})
			}
		}
	}
}
