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
