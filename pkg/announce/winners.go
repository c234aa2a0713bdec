package announce

import (
	"regexp"
	"strings"
)

// winnerForms capture the number of winners.
var winnerForms = []*regexp.Regexp{
	regexp.MustCompile(`前\s*(\d+)\s*(?:名|位)`),
	regexp.MustCompile(`(\d+)\s*(?:个|個)?\s*(?:位|名)`),
	regexp.MustCompile(`\b(?:top|best|first)\s+(\d+)\b`),
	regexp.MustCompile(`\b(\d+)\s+(?:lucky\s+)?winners\b`),
	regexp.MustCompile(`\b(\d+)\s+(?:best|top|quality|outstanding|lucky)\s+(?:posts|entries|creators|participants|users|contributors|tweets)\b`),
}

func inferWinners(lines []line, inf *Inferred) {
	for _, l := range lines {
		if n, ok := readWinners(l.low); ok {
			inf.Winners = n
			inf.note("rewards.winners", l)
			return
		}
	}
}

// readWinners finds the number of winners in one folded, lower-cased line.
// "第 3 名" is a place, not a count, and "1,000" is not "000".
func readWinners(s string) (int, bool) {
	for _, re := range winnerForms {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			before := strings.TrimRight(s[:m[2]], " \t")
			if strings.HasSuffix(before, "第") || endsWithAny(s[:m[2]], ",.") {
				continue
			}
			if n, ok := number(s[m[2]:m[3]]); ok {
				return n, true
			}
		}
	}
	return 0, false
}

func endsWithAny(s, chars string) bool {
	return s != "" && strings.ContainsAny(s[len(s)-1:], chars)
}
