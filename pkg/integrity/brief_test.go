package integrity

import (
	"strings"
	"testing"
)

func TestContainment(t *testing.T) {
	brief := loadBrief(t)
	own := loadPosts(t)[0].text // a normal post of about 130 runes
	tests := []struct {
		name     string
		brief    string
		entry    string
		min, max float64
	}{
		{"exact share of shingles", "abcdefg", "abcdxyz", 0.25, 0.25},
		{"entry inside the brief", "abcdefg", "bcdef", 1, 1},
		{"entry too short to shingle", "abcdefg", "abc", 0, 0},
		{"repeated shingles count once", "abcdefg", "abcdabcdzzzz", 1.0 / 8, 1.0 / 8},
		{"pasted brief", brief, brief, 1, 1},
		{"pasted brief with a line of its own", brief, brief + "我觉得这个活动很不错大家快来参加", 0.6, 1},
		{"pasted brief with the tag and a short intro", brief, "#Gate Alpha 第三届积分狂欢节 & ES Launchpool# 转发一下" + brief, 0.6, 1},
		{"quotes the tag", brief, "#Gate Alpha 第三届积分狂欢节 & ES Launchpool#" + own, 0, 0.3},
		{"quotes one sentence", brief, "分享你对 ES 项目的观点、前景判断、挖矿体验等。" + own, 0, 0.3},
		{"own words only", brief, own, 0, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewBrief(Clean(tt.brief)).Containment(Clean(tt.entry))
			t.Logf("containment %.4f", got)
			if got < tt.min || got > tt.max {
				t.Errorf("containment = %.4f, want in [%.4f, %.4f]", got, tt.min, tt.max)
			}
		})
	}
}

func TestContainmentNilBrief(t *testing.T) {
	var b *Brief
	if got := b.Containment(strings.Repeat("积分", 10)); got != 0 {
		t.Errorf("nil brief containment = %v, want 0", got)
	}
}

// TestContainmentWatched: a Signer that watches a brief while it bins a
// text's shingles (the brief of its last Containment call) scores every
// text as a new Signer does, for texts that share nothing, share a few
// shingles or more, are pasted, are too short, and between two briefs in
// turn.
func TestContainmentWatched(t *testing.T) {
	brief := loadBrief(t)
	posts := loadPosts(t)
	briefs := []*Brief{NewBrief(Clean(brief)), NewBrief(Clean(posts[3].text))}
	piece := string([]rune(Clean(brief))[10:16]) // three shingles of the brief
	texts := []string{posts[0].text, posts[4].text, posts[5].text, posts[4].text + piece + posts[5].text, "分享你对 ES 项目的观点、前景判断、挖矿体验等。" + posts[1].text, brief, "abc", posts[3].text, posts[2].text + brief}
	var reused Signer
	for round := range 3 {
		for i, text := range texts {
			b := briefs[(round*len(texts)+i)/4%len(briefs)]
			want := b.Containment(Clean(text))
			reused.Start()
			reused.AddRunes([]rune(Clean(text)))
			reused.Finish()
			if got := reused.Containment(b); got != want {
				t.Errorf("round %d, text %d: containment %v, a new Signer's %v", round, i, got, want)
			}
		}
	}
}
