package text

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestGraphemeBreakVectors runs Unicode's own grapheme break cases
// (testdata/GraphemeBreakTest.txt) through the counting pass's segmenter:
// the fast path of nextCluster and the uniseg path behind it must put
// every boundary where UAX #29 does.
func TestGraphemeBreakVectors(t *testing.T) {
	f, err := os.Open("testdata/GraphemeBreakTest.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tbl := props()
	total, passed := 0, 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(text) == "" {
			continue
		}
		s, want := parseBreakCase(t, line, text)
		total++
		var got []int
		for i := 0; i < len(s); {
			i, _ = nextCluster(s, i, tbl)
			got = append(got, i)
		}
		if !slices.Equal(got, want) {
			t.Errorf("line %d: %q: boundaries %v, want %v", line, s, got, want)
			continue
		}
		passed++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if total != 602 {
		t.Errorf("read %d cases, want the 602 of Unicode 15.0", total)
	}
	t.Logf("%d/%d grapheme break cases pass", passed, total)
}

// parseBreakCase reads "÷ 0020 × 0308 ÷ 0020 ÷" into the text and the
// byte offsets where a cluster ends.
func parseBreakCase(t *testing.T, line int, text string) (string, []int) {
	var b strings.Builder
	var ends []int
	for _, f := range strings.Fields(text) {
		switch f {
		case "÷":
			if b.Len() > 0 {
				ends = append(ends, b.Len())
			}
		case "×":
		default:
			cp, err := strconv.ParseUint(f, 16, 32)
			if err != nil {
				t.Fatalf("line %d: %v", line, err)
			}
			b.WriteRune(rune(cp))
		}
	}
	return b.String(), ends
}
