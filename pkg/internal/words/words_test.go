package words

import "testing"

func TestPlural(t *testing.T) {
	tests := []struct {
		name string
		n    int
		want string
	}{
		{"none", 0, "entries"},
		{"one", 1, "entry"},
		{"two", 2, "entries"},
		{"negative", -1, "entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Plural(tt.n, "entry", "entries"); got != tt.want {
				t.Errorf("Plural(%d) = %q, want %q", tt.n, got, tt.want)
			}
		})
	}
}

func TestJoinOr(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"empty", nil, ""},
		{"one", []string{"json"}, "json"},
		{"two", []string{"table", "json"}, "table or json"},
		{"three", []string{"table", "json", "csv"}, "table, json or csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := JoinOr(tt.items); got != tt.want {
				t.Errorf("JoinOr(%q) = %q, want %q", tt.items, got, tt.want)
			}
		})
	}
}

func TestSomeOf(t *testing.T) {
	tests := []struct {
		name  string
		named []string
		total int
		want  string
	}{
		{"none", nil, 0, ""},
		{"all named", []string{"a", "b"}, 2, "a, b"},
		{"more", []string{"a", "b"}, 5, "a, b and 3 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SomeOf(tt.named, tt.total); got != tt.want {
				t.Errorf("SomeOf(%q, %d) = %q, want %q", tt.named, tt.total, got, tt.want)
			}
		})
	}
}
