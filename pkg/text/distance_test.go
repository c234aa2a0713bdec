package text

import "testing"

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
