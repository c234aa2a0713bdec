package announce

import (
	"strconv"
	"strings"
	"unicode"
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

type tagKind int

const (
	topicTag tagKind = iota // #topic with spaces#
	hashTag                 // #Tag
	cashTag                 // $ES
)

type tag struct {
	text string
	kind tagKind
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

// scanTags finds the tags in one line, in order: Weibo topics first at each
// `#`, then Twitter hashtags, and cashtags.
func scanTags(s string) []tag {
	rs := []rune(s)
	var out []tag
	for i := 0; i < len(rs); i++ {
		switch {
		case isSharp(rs[i]):
			if end := topicEnd(rs, i); end > 0 {
				out = append(out, tag{string(rs[i : end+1]), topicTag})
				i = end
			} else if end := hashEnd(rs, i); end > 0 {
				out = append(out, tag{string(rs[i:end]), hashTag})
				i = end - 1
			}
		case isDollar(rs[i]):
			if end := cashEnd(rs, i); end > 0 {
				out = append(out, tag{string(rs[i:end]), cashTag})
				i = end - 1
			}
		}
	}
	return out
}

// topicEnd returns the index of the `#` closing a Weibo topic opened at i,
// or 0. "#BTC #ETH" is two hashtags, not a topic "BTC ": a topic neither
// starts nor ends with a space and is not glued to a following Latin word.
func topicEnd(rs []rune, i int) int {
	j := i + 1
	for j < len(rs) && !isSharp(rs[j]) {
		j++
	}
	if j >= len(rs) || j == i+1 || j-i > 100 {
		return 0
	}
	body := rs[i+1 : j]
	if unicode.IsSpace(body[0]) || unicode.IsSpace(body[len(body)-1]) || !hasLetter(body) {
		return 0
	}
	if j+1 < len(rs) && isASCIIWord(rs[j+1]) {
		return 0
	}
	return j
}

// hashEnd returns the end (exclusive) of a Twitter hashtag at i, or 0,
// following twitter-text: not after a letter, digit, mark, `_` or `&`.
func hashEnd(rs []rune, i int) int {
	if i > 0 && (isWordRune(rs[i-1]) || rs[i-1] == '&') {
		return 0
	}
	j := i + 1
	for j < len(rs) && isWordRune(rs[j]) {
		j++
	}
	if !hasLetter(rs[i+1 : j]) {
		return 0
	}
	return j
}

// cashEnd returns the end (exclusive) of a cashtag at i, or 0: one to six
// letters, as twitter-text reads them, so "$5,000" is not one.
func cashEnd(rs []rune, i int) int {
	if i > 0 && (isWordRune(rs[i-1]) || isDollar(rs[i-1])) {
		return 0
	}
	j := i + 1
	for j < len(rs) && j-i <= 6 && isASCIILetter(rs[j]) {
		j++
	}
	if j == i+1 || j-i > 7 {
		return 0
	}
	if j < len(rs) && isWordRune(rs[j]) {
		return 0
	}
	return j
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '_'
}

func isASCIILetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isASCIIWord(r rune) bool {
	return isASCIILetter(r) || r >= '0' && r <= '9' || r == '_'
}

func hasLetter(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
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
