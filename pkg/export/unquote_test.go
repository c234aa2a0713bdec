package export

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestUnquote(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"plain", `"你好"`, "你好"},
		{"simple escapes", `"a\"b\\c\/d\b\f\n\r\t"`, "a\"b\\c/d\b\f\n\r\t"},
		{"unicode", `"\u4f60\u0026"`, "你&"},
		{"surrogate pair", `"\ud83d\ude00"`, "😀"},
		{"lone high surrogate", `"\ud83dx"`, "\uFFFDx"},
		{"high then non-low", `"\ud83d\u0041"`, "\uFFFDA"},
		{"lone low surrogate", `"\ude00"`, "\uFFFD"},
		{"empty", `""`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := unquote([]byte(tt.raw))
			var std string
			if err := json.Unmarshal([]byte(tt.raw), &std); err != nil {
				t.Fatal(err)
			}
			if !ok || got != tt.want || got != std {
				t.Errorf("unquote(%s) = %q %v, want %q (encoding/json: %q)", tt.raw, got, ok, tt.want, std)
			}
		})
	}
}

func FuzzUnquote(f *testing.F) {
	f.Add(`"a\u4f60\ud83d\ude00\n"`)
	f.Add(`"\ud800\udc00\ud800"`)
	f.Fuzz(func(t *testing.T, raw string) {
		var std string
		raw = strings.Trim(raw, spaces) // as jsonVal hands it over
		if json.Unmarshal([]byte(raw), &std) != nil || raw == "" || raw[0] != '"' {
			return
		}
		if got, ok := unquote([]byte(raw)); !ok || cleanString(got) != cleanString(std) {
			t.Fatalf("unquote(%q) = %q %v, encoding/json %q", raw, got, ok, std)
		}
	})
}
