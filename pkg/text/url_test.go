package text

import "testing"

// TestFindURLs follows twitter-text's URL conformance cases for the URLs
// this package reads (with a scheme, or starting "www.").
func TestFindURLs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"followed by CJK", "http://example.com/これは日本語です", []string{"http://example.com/"}},
		{"host followed by Han", "https://gate.io活动", []string{"https://gate.io"}},
		{"www without a scheme", "see www.example.com now", []string{"www.example.com"}},
		{"www in capitals", "WWW.EXAMPLE.COM/x", []string{"WWW.EXAMPLE.COM/x"}},
		{"inside parentheses", "(https://example.com/a)", []string{"https://example.com/a"}},
		{"balanced parentheses in the path", "http://example.com/path_(x)", []string{"http://example.com/path_(x)"}},
		{"trailing full stop", "see https://example.com/a.", []string{"https://example.com/a"}},
		{"trailing question mark", "https://example.com/a?", []string{"https://example.com/a"}},
		{"trailing comma and colon", "https://example.com/a, https://b.com/c:", []string{"https://example.com/a", "https://b.com/c"}},
		{"comma inside the path", "https://x.com/a,b", []string{"https://x.com/a,b"}},
		{"port and fragment", "https://example.com:8080/a#frag", []string{"https://example.com:8080/a#frag"}},
		{"ends at a quote", `"https://example.com/q"`, []string{"https://example.com/q"}},
		{"t.co", "https://t.co/AbC123", []string{"https://t.co/AbC123"}},
		{"t.co path is letters and digits only", "https://t.co/abc-def https://t.co/xyz.", []string{"https://t.co/abc", "https://t.co/xyz"}},
		{"t.co with a query", "http://t.co/abc?x=1&y=2. ok", []string{"http://t.co/abc?x=1&y=2"}},
		{"t.co glued to Han", "https://t.co/abc中文", []string{"https://t.co/abc"}},
		{"not glued to a letter", "xhttps://example.com", nil},
		{"no host", "https:// and www.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range findURLs(tt.text, nil) {
				got = append(got, tt.text[sp.Start:sp.End])
			}
			if !equalStrings(got, tt.want) {
				t.Errorf("findURLs(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
