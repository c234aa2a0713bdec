package text

import "testing"

func TestPhraseSet(t *testing.T) {
	ps := CompilePhrases([]string{"ES", "以太坊", "Layer 2", "tokenomics", "  ", "ES", "空投"}, AllFolds)
	if ps.Len() != 5 {
		t.Fatalf("Len() = %d, want 5 (blank and repeated phrases dropped)", ps.Len())
	}
	tests := []struct {
		name string
		post string
		want []string
	}{
		{"glued to CJK is whole", "买ES币", []string{"ES"}},
		{"inside a Latin word is not", "TESLA ESx xES", nil},
		{"next to punctuation and digits-free", "(ES), es!", []string{"ES"}},
		{"a digit glues", "ES2 2ES", nil},
		{"CJK phrase is a plain substring", "我喜欢以太坊生态", []string{"以太坊"}},
		{"space fold inside a phrase", "Layer\u00a0\u00a02 扩容", []string{"Layer 2"}},
		{"case and width folds", "ＴＯＫＥＮＯＭＩＣＳ", []string{"tokenomics"}},
		{"script fold", "以太坊 空投", []string{"以太坊", "空投"}},
		{"Traditional", "以太坊 空投 ES", []string{"ES", "以太坊", "空投"}},
		{"rule order, each once", "空投 ES ES 以太坊", []string{"ES", "以太坊", "空投"}},
		{"accented letters glue", "ÉES", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ps.Find(Prepare(tt.post, AllFolds))
			if !equalStrings(got, tt.want) {
				t.Errorf("Find(%q) = %q, want %q", tt.post, got, tt.want)
			}
		})
	}
	trad := CompilePhrases([]string{"質押"}, AllFolds)
	if got := trad.Find(Prepare("我在质押ES", AllFolds)); !equalStrings(got, []string{"質押"}) {
		t.Errorf("a Traditional phrase should find Simplified text and report the rule's spelling, got %q", got)
	}
}

// TestPhraseIndexIdle: a character the index marks idle leaves the start
// state there, byte after byte, as the scan assumes when it skips such
// characters; one that a phrase starts with is not idle.
func TestPhraseIndexIdle(t *testing.T) {
	ix := CompilePhraseIndex([][]string{{"质押", "APR", "Layer 2", "ÉCLAT"}, {"代币", "🎉", "ｘ", "，"}}, AllFolds)
	idle := 0
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if !ix.isIdle(r) {
			continue
		}
		idle++
		s, st := string(r), int32(0)
		for i := range len(s) {
			if st = ix.trans[int(st)<<8|int(s[i])]; st < 0 {
				t.Fatalf("U+%04X: a phrase ends at byte %d", r, i)
			}
		}
		if st != 0 {
			t.Fatalf("U+%04X leaves the start state for %d", r, st)
		}
	}
	if idle < 0xF000 || ix.isIdle('质') || ix.isIdle('代') || !ix.isIdle('押') {
		t.Errorf("idle characters %d; 质, 代, 押 idle: %t %t %t", idle, ix.isIdle('质'), ix.isIdle('代'), ix.isIdle('押'))
	}
}
