package announce

import (
	"strings"
	"unicode"

	"github.com/promo-cli/promo/pkg/text"
)

const maxNameRunes = 80

// inferName prefers the main topic's body when the title line carries it:
// titles like "联合推广任务上线!" say little, the topic names the campaign.
func inferName(lines []line, inf *Inferred) {
	first := -1
	for i, l := range lines {
		if strings.TrimSpace(l.raw) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	l := lines[first]
	if main, ok := mainTopic(inf.Tags); ok && strings.Contains(l.raw, main) {
		inf.Name, _ = clip(tagBody(main))
		inf.note("name", l)
		return
	}
	if name := cleanTitle(l.raw); name != "" {
		inf.Name = name
		inf.note("name", l)
	}
}

func mainTopic(tags []string) (string, bool) {
	for _, t := range tags {
		rs := []rune(t)
		if len(rs) > 2 && isSharp(rs[len(rs)-1]) {
			return t, true
		}
	}
	return "", false
}

// cleanTitle drops hashtags, emoji and decoration from a title line.
func cleanTitle(s string) string {
	rs := []rune(withoutTags(s))
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if isKeycap(rs, i) || isEmoji(rs[i]) {
			continue
		}
		b.WriteRune(rs[i])
	}
	name := bracketed(strings.Join(strings.Fields(b.String()), " "))
	name = strings.TrimFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '）'
	})
	name, _ = clip(name)
	return name
}

// withoutTags is s without the hashtags and topics the checker reads in
// it; a cashtag ($PEPE) is kept, it is often the campaign's name.
func withoutTags(s string) string {
	tags := text.FindTags(s, text.SyntaxAuto)
	if len(tags) == 0 {
		return s
	}
	t := text.Normalize(s) // the text the tag offsets point into
	var b strings.Builder
	at := 0
	for _, tg := range tags {
		if tg.Kind == text.Cashtag {
			continue
		}
		b.WriteString(t[at:tg.Start])
		at = tg.End
	}
	b.WriteString(t[at:])
	return b.String()
}

// isKeycap reports a digit that starts a keycap emoji such as 1️⃣.
func isKeycap(rs []rune, i int) bool {
	for j := i + 1; j < len(rs) && j <= i+2; j++ {
		if rs[j] == 0x20E3 {
			return true
		}
		if rs[j] != 0xFE0F {
			return false
		}
	}
	return false
}

func isEmoji(r rune) bool {
	switch {
	case r == 0x200D || r == 0xFE0F || r == 0xFE0E || r == 0x20E3:
		return true
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r >= 0xE0020 && r <= 0xE007F:
		return true
	}
	return unicode.Is(unicode.So, r)
}

// clip shortens s to maxNameRunes, reporting whether it did.
func clip(s string) (string, bool) {
	rs := []rune(s)
	if len(rs) <= maxNameRunes {
		return s, false
	}
	return strings.TrimSpace(string(rs[:maxNameRunes-1])) + "…", true
}

// bracketed returns the title inside a leading 【…】 or […], the usual way
// a campaign names itself before the pitch, or s unchanged.
func bracketed(s string) string {
	for _, pair := range [][2]string{{"【", "】"}, {"[", "]"}} {
		if !strings.HasPrefix(s, pair[0]) {
			continue
		}
		if end := strings.Index(s, pair[1]); end > len(pair[0]) {
			return strings.TrimSpace(s[len(pair[0]):end])
		}
	}
	return s
}
