package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
)

var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestColoredLayout checks that colour only adds escape codes: without them
// the coloured table is the padded one byte for byte, so columns line up.
func TestColoredLayout(t *testing.T) {
	v := &Validation{Entries: []Entry{
		{ID: "p01", Author: "链上老王", Source: "a.jsonl:1", Valid: true, Length: 259},
		{ID: "p10", Author: "一句话选手", Source: "a.jsonl:10", Length: 9, Reasons: []check.Reason{{Code: check.TooShort, Message: "9 graphemes"}}},
	}}
	var padded, colored bytes.Buffer
	if err := ValidationTable(&padded, v, Padded); err != nil {
		t.Fatal(err)
	}
	if err := ValidationTable(&colored, v, Colored); err != nil {
		t.Fatal(err)
	}
	if got := sgr.ReplaceAllString(colored.String(), ""); got != padded.String() {
		t.Errorf("coloured table without its codes:\n%s\nwant the padded table:\n%s", got, padded.String())
	}
	for _, want := range []string{"\x1b[1msource\x1b[0m", "\x1b[32mvalid\x1b[0m", "\x1b[31minvalid\x1b[0m", "\x1b[33mtoo-short\x1b[0m"} {
		if !strings.Contains(colored.String(), want) {
			t.Errorf("coloured table lacks %q:\n%q", want, colored.String())
		}
	}
	if strings.Contains(padded.String(), "\x1b[") {
		t.Errorf("padded table has escape codes: %q", padded.String())
	}
}

func TestLayoutFor(t *testing.T) {
	tests := []struct {
		terminal, color bool
		want            Layout
	}{
		{false, false, TSV}, {false, true, TSV}, {true, false, Padded}, {true, true, Colored},
	}
	for _, tc := range tests {
		if got := LayoutFor(tc.terminal, tc.color); got != tc.want {
			t.Errorf("LayoutFor(%v, %v) = %v, want %v", tc.terminal, tc.color, got, tc.want)
		}
	}
}
