package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// slowApply is Apply without the fast path: every fold over the whole
// text, to a fixed point.
func slowApply(f Fold, s string) string {
	if !utf8.ValidString(s) {
		s = string(appendValid(nil, s))
	}
	for range 8 {
		n := f.once(s)
		if n == s {
			break
		}
		s = n
	}
	return s
}

func TestFastFoldMatchesSlow(t *testing.T) {
	texts := []string{
		"#Gate Alpha 第三屆積分狂歡節 & ＥＳ Launchpool# 參與了質押，APR 不錯！",
		"ＡＢＣ　ｄｅｆ①②③ ﬁne Straße ＄ES 😀👍🏽",
		"台灣的「積分」活動，瞭解一下藉口",
		"ｶﾀｶﾅ ﾊﾟﾝ half-width katakana",
		"Café déjà vu", "e\u0301", "한국어 텍스트", "\u1100\u1161",
	}
	for _, s := range texts {
		for _, f := range []Fold{AllFolds, {Width: true, Case: true}, {Width: true, Case: true, Script: true}} {
			fast, ok := f.fast(s)
			if !ok {
				continue
			}
			if slow := slowApply(f, s); fast != slow {
				t.Errorf("fold %+v of %q: fast %q, slow %q", f, s, fast, slow)
			}
		}
	}
}

// TestFastFoldOnSampleExports folds every line of the sample campaign both
// ways: real posts, in both scripts, full width and emoji.
func TestFastFoldOnSampleExports(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "sample", "export")
	n := 0
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(".jsonl .ndjson .tsv .md .txt", filepath.Ext(path)) {
			return nil
		}
		data, _ := os.ReadFile(path)
		for _, line := range strings.Split(string(data), "\n") {
			if fast, ok := AllFolds.fast(line); ok {
				n++
				if slow := slowApply(AllFolds, line); fast != slow {
					t.Errorf("%s: fast and slow folds differ:\n fast %q\n slow %q", path, fast, slow)
				}
			}
		}
		return nil
	})
	if n < 20 {
		t.Fatalf("only %d lines took the fast path", n)
	}
}

func FuzzFastFold(f *testing.F) {
	f.Add("#Gate Alpha 第三屆積分狂歡節 & ＥＳ Launchpool#")
	f.Add("ＡＢＣ　ｄｅｆ①②③ ﬁne Straße")
	f.Add("瞭解藉口 鏇")
	f.Fuzz(func(t *testing.T, s string) {
		for _, fd := range []Fold{AllFolds, {Width: true, Case: true}} {
			fast, ok := fd.fast(s)
			if !ok {
				continue
			}
			if slow := slowApply(fd, s); fast != slow {
				t.Fatalf("fold %+v of %q: fast %q, slow %q", fd, s, fast, slow)
			}
		}
	})
}
