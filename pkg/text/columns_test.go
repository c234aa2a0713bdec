package text

import "testing"

func TestColumns(t *testing.T) {
	tests := []struct {
		name, s string
		want    int
	}{
		{"ascii", "abc", 3},
		{"han", "中文", 4},
		{"combining mark", "e\u0301", 1},
		{"emoji with skin tone", "👍🏽", 2},
		{"flag", "🇨🇳", 2},
		{"family", "👨\u200d👩\u200d👧", 2},
		{"ambiguous is narrow", "±", 1},
		{"invalid byte", "a\xffb", 3},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Columns(tt.s); got != tt.want {
				t.Errorf("Columns(%q) = %d, want %d", tt.s, got, tt.want)
			}
		})
	}
}
