package text

import (
	"strings"
	"sync"
	"testing"
)

func TestFoldApply(t *testing.T) {
	tests := []struct {
		name string
		fold Fold
		in   string
		want string
	}{
		{"none leaves text as written", Fold{}, "ＥＳ  積分", "ＥＳ  積分"},
		{"width: full-width to ASCII", Fold{Width: true}, "＃ＥＳ　Ｌａｕｎｃｈｐｏｏｌ＆", "#ES Launchpool&"},
		{"width: half-width katakana to full", Fold{Width: true}, "ｶﾞｷﾞ", "ガギ"},
		{"width: NFKC compatibility forms", Fold{Width: true}, "①ﬁ™", "1fiTM"},
		{"case", Fold{Case: true}, "Gate ALPHA Straße ΣΑΣ", "gate alpha strasse σασ"},
		{"case: ASCII fast path", Fold{Case: true}, "ES Launchpool", "es launchpool"},
		{"space: runs become one space", Fold{Space: true}, "a \t\u00a0\u3000b", "a b"},
		{"space: zero-width characters and selectors go", Fold{Space: true}, "La\u200bunch\u200dpo\u2060ol\ufeff❤\ufe0f", "Launchpool❤"},
		{"space: line breaks stay", Fold{Space: true}, "a \n b", "a \n b"},
		{"script: Traditional to Simplified", Fold{Script: true}, "第三屆積分狂歡節", "第三届积分狂欢节"},
		{"script: phrases", Fold{Script: true}, "瞭解藉口", "了解借口"},
		{"script: Simplified stays", Fold{Script: true}, "第三届积分狂欢节", "第三届积分狂欢节"},
		{"script: a two-step chain reaches its end", Fold{Script: true}, "鏇", "旋"},
		{"script: mixed text", Fold{Script: true}, "ES 質押 abc 歡", "ES 质押 abc 欢"},
		{"all", AllFolds, "＃Ｇａｔｅ　Ａｌｐｈａ　第三屆積分狂歡節　＆　ＥＳ　Ｌａｕｎｃｈｐｏｏｌ＃", "#gate alpha 第三届积分狂欢节 & es launchpool#"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.fold.Apply(tt.in)
			if got != tt.want {
				t.Errorf("Apply(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := tt.fold.Apply(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

// The script fold's tables are shared: folding from many goroutines at
// once must be safe (run with -race).
func TestFoldConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if got := AllFolds.Apply("第三屆積分狂歡節"); got != "第三届积分狂欢节" {
					t.Errorf("got %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestFoldASCII holds Apply's ASCII path to the case and space folds done
// one after the other as before, under every fold, over every string of
// up to four characters from letters, spaces and control characters.
func TestFoldASCII(t *testing.T) {
	alphabet := []byte{'a', 'Z', ' ', '\t', '\n', '\v', '\r', '#'}
	var strs []string
	var grow func(s string)
	grow = func(s string) {
		strs = append(strs, s)
		if len(s) == 4 {
			return
		}
		for _, c := range alphabet {
			grow(s + string(c))
		}
	}
	grow("")
	for bits := range 16 {
		f := Fold{Width: bits&1 != 0, Case: bits&2 != 0, Script: bits&4 != 0, Space: bits&8 != 0}
		for _, s := range strs {
			want := s
			if f.Case {
				want = strings.ToLower(want)
			}
			if f.Space {
				want = foldSpace(want)
			}
			if got := f.ascii(s); got != want {
				t.Fatalf("%+v: ascii(%q) = %q, want %q", f, s, got, want)
			}
		}
	}
}
