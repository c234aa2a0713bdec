package announce

import (
	"strconv"
	"strings"

	"github.com/promo-cli/promo/pkg/text"
)

// postWith marks a line that tells people what to post with. A line must
// also carry a tag for it to count, so broad words like 带 are safe here.
var postWith = []string{
	"带上", "帶上", "带着", "帶著", "带", "帶", "加上", "附上", "使用", "发帖", "發帖",
	"参与话题", "參與話題", "活动话题", "活動話題", "指定话题", "指定話題",
	"post with", "posts with", "post using", "tweet with", "use the", "use hashtag",
	"use #", "use $", "using the", "using #", "include", "with the hashtag",
	"with the tag", "with hashtag", "add the", "add #", "must contain", "must mention",
}

// notRequired marks lines whose tags are suggestions or prohibitions.
var notRequired = []string{
	"optional", "可选", "可選", "非必", "不需", "无需", "無需", "不要", "禁止", "勿",
	"do not", "don't", "not required", "not needed",
}

// tag is a tag found in an announcement line, as the checker reads it.
type tag struct {
	text string
	kind text.TagKind
}

func inferTags(lines []line, inf *Inferred) {
	seen := map[string]bool{}
	for i, l := range lines {
		if !containsAny(l.low, postWith) || containsAny(l.low, notRequired) {
			continue
		}
		src := l
		tags := scanTags(l.raw)
		if len(tags) == 0 && endsWithColon(l.fold) {
			// "Post with the hashtags:" followed by the tags.
			if j := nextNonEmpty(lines, i); j >= 0 {
				src, tags = lines[j], scanTags(lines[j].raw)
			}
		}
		for _, t := range tags {
			if seen[t.text] {
				continue
			}
			seen[t.text] = true
			if len(inf.Tags) == 0 {
				inf.note("tags.all_of", src)
			}
			inf.note(indexKey("tags.all_of", len(inf.Tags)), src)
			inf.Tags = append(inf.Tags, t.text)
		}
	}
}

func indexKey(key string, i int) string {
	return key + "[" + strconv.Itoa(i) + "]"
}

func endsWithColon(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")
}

func nextNonEmpty(lines []line, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j].raw) != "" {
			return j
		}
	}
	return -1
}

func isSharp(r rune) bool  { return r == '#' || r == '＃' }
func isDollar(r rune) bool { return r == '$' || r == '＄' }

// scanTags finds the tags in one line exactly as the checker reads them in
// posts (text.FindTags, auto syntax): a tag init writes into the rule file
// is then a tag the checker finds where the announcement shows it.
func scanTags(s string) []tag {
	found := text.FindTags(s, text.SyntaxAuto)
	out := make([]tag, len(found))
	for i, t := range found {
		out[i] = tag{t.Text, t.Kind}
	}
	return out
}

// tagBody is a tag without its sigils.
func tagBody(t string) string {
	rs := []rune(t)
	if len(rs) > 0 && (isSharp(rs[0]) || isDollar(rs[0])) {
		rs = rs[1:]
	}
	if len(rs) > 0 && isSharp(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs))
}
