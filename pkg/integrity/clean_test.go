package integrity

import "testing"

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"full width letters and digits", "ＡＢＣ１２３", "abc123"},
		{"case fold", "Gate ALPHA Launchpool", "gatealphalaunchpool"},
		{"sharp s folds to ss", "Straße", "strasse"},
		{"full width hash and ideographic space", "＃积分　狂欢节＃", "积分狂欢节"},
		{"punctuation of both scripts", "好!真的,很好。「ES」(Eclipse)…", "好真的很好eseclipse"},
		{"emoji and symbols", "🎉 1,250 ES 💰 $ES ≥60", "1250eses60"},
		{"roman numeral compatibility", "第Ⅲ届", "第iii届"},
		{"whitespace kinds", "a\tb\nc\r\nd\u00a0e\u3000f", "abcdef"},
		{"invalid bytes dropped", "ab\xffcd", "abcd"},
		{"traditional stays for the caller's fold", "積分狂歡節", "積分狂歡節"},
		{"combining marks kept and composed", "e\u0301", "é"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
