package announce

import "regexp"

const numRe = `(\d[\d,]*)`

// lengthForms capture (number, unit word); an empty unit word means 字.
var lengthForms = []*regexp.Regexp{
	regexp.MustCompile(`(?:≥|>=|>|不少于|不少於|不低于|不低於|至少|最少|最低|大于等于|大於等於|超过|超過|多于|多於|满|滿)\s*` +
		numRe + `\s*(?:个|個)?\s*(汉字|漢字|中文字|字符|字元|字|单词|單詞|words?|characters?|chars?)`),
	regexp.MustCompile(numRe + `\s*(?:个|個)?\s*(汉字|漢字|中文字|字符|字元|字|单词|單詞)\s*(?:以上|或以上|起|\+)`),
	regexp.MustCompile(numRe + `\s*(?:个|個)\s*(汉字|漢字|中文字)`),
	regexp.MustCompile(`字[数數]\s*(?:要求)?\s*:?\s*(?:≥|>=|不少于|不少於|不低于|不低於|至少|最少)\s*` + numRe + `()`),
	regexp.MustCompile(`(?:at least|a minimum of|minimum of|minimum|min\.?|no fewer than|no less than|not less than|more than|over)\s+` +
		numRe + `\s*\+?\s*(words?|characters?|chars?)\b`),
	regexp.MustCompile(numRe + `\s*\+?\s*(words?|characters?|chars?)\s*(?:or more|or longer|minimum|min\b|at least)`),
	regexp.MustCompile(numRe + `\+\s*(words?|characters?|chars?)\b`),
}

// unitOf maps the word after the number to a length unit; see the package
// comment for why 字 is graphemes.
func unitOf(word string) string {
	switch word {
	case "汉字", "漢字", "中文字":
		return "han"
	case "单词", "單詞", "word", "words":
		return "words"
	}
	return "graphemes"
}

func inferLength(lines []line, inf *Inferred) {
	for _, l := range lines {
		if n, unit, ok := readLength(l.low); ok {
			inf.MinLength, inf.Unit = n, unit
			inf.note("length.min", l)
			inf.note("length.unit", l)
			return
		}
	}
}

// readLength finds a minimum length in one folded, lower-cased line.
func readLength(s string) (int, string, bool) {
	for _, re := range lengthForms {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		if n, ok := number(m[1]); ok {
			return n, unitOf(m[2]), true
		}
	}
	return 0, "", false
}
