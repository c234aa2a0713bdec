package text

import (
	"slices"
	"testing"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
	}{
		{"same", "length", "length", 0},
		{"swap of neighbours is one edit", "lenght", "length", 1},
		{"classic", "kitten", "sitting", 3},
		{"empty", "", "abc", 3},
		{"CJK by rune", "第三届积分狂欢节", "第二届积分狂欢节", 1},
		{"id one off", "p1O", "p10", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := EditDistance(tc.a, tc.b); got != tc.want {
				t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
			if got := EditDistance(tc.b, tc.a); got != tc.want {
				t.Errorf("EditDistance(%q, %q) = %d, want %d (symmetric)", tc.b, tc.a, got, tc.want)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name       string
		word       string
		candidates []string
		n          int
		want       []string
	}{
		{"swap", "lenght", []string{"name", "length", "tags"}, 1, []string{"length"}},
		{"one edit in a short word", "jsn", []string{"table", "json"}, 1, []string{"json"}},
		{"too far", "xyz", []string{"table", "json"}, 1, []string{}},
		{"a third of the runes", "outptu", []string{"output", "out"}, 3, []string{"output"}},
		{"nearest first", "abcdef", []string{"abcxyf", "bbcdef"}, 2, []string{"bbcdef", "abcxyf"}},
		{"ties in byte order", "ab9", []string{"xb9", "ab1", "ab", "ab90", "zz9"}, 3, []string{"ab", "ab1", "ab90"}},
		{"each once", "a9", []string{"a1", "a1", "a2"}, 3, []string{"a1", "a2"}},
		{"at most n", "a9", []string{"a1", "a2", "a3"}, 2, []string{"a1", "a2"}},
		{"runes, not bytes", "积分狂欢", []string{"积分狂欢节"}, 1, []string{"积分狂欢节"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Suggest(tt.word, tt.candidates, tt.n); !slices.Equal(got, tt.want) {
				t.Errorf("Suggest(%q, %q, %d) = %q, want %q", tt.word, tt.candidates, tt.n, got, tt.want)
			}
		})
	}
}
