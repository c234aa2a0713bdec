package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// PhraseSet is a list of banned words or topic keywords, compiled once.
// A phrase matches whole, folded as tags are, and never by \b: a phrase
// that starts (ends) with a letter or digit of a spaced script (Latin,
// Cyrillic, …) must not have such a letter or digit just before (after)
// it, so "ES" is not found in "TESLA" but is in "买ES币"; a CJK phrase is a
// plain substring.
type PhraseSet struct {
	fold    Fold
	phrases []phrase
}

type phrase struct {
	rule       string // as written in the rule file
	folded     string
	checkStart bool
	checkEnd   bool
}

// CompilePhrases compiles phrases under fold f. Blank phrases are skipped;
// a phrase listed twice is found once.
func CompilePhrases(phrases []string, f Fold) *PhraseSet {
	ps := &PhraseSet{fold: f}
	seen := map[string]bool{}
	for _, raw := range phrases {
		folded := f.Apply(Normalize(raw))
		folded = strings.TrimSpace(folded)
		if folded == "" || seen[raw] {
			continue
		}
		seen[raw] = true
		first, _ := utf8.DecodeRuneInString(folded)
		last, _ := utf8.DecodeLastRuneInString(folded)
		ps.phrases = append(ps.phrases, phrase{rule: raw, folded: folded, checkStart: glueRune(first), checkEnd: glueRune(last)})
	}
	return ps
}

// Len returns the number of phrases in the set.
func (ps *PhraseSet) Len() int { return len(ps.phrases) }

// glueRune reports whether r is a letter, digit or mark of a script that
// separates words with spaces: such runes glue to their neighbours. An
// emoji's variation selector ends the emoji, so it glues to nothing.
func glueRune(r rune) bool {
	if r < 0 || r == 0xFE0E || r == 0xFE0F {
		return false
	}
	word := unicode.In(r, unicode.L, unicode.M, unicode.Nd, unicode.Nl, unicode.No)
	cjk := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 0x30FC || r == 0xFF70
	return word && !cjk || r == '_'
}

// Find returns the phrases found in the post, spelled as in the rule and in
// rule order, each once.
func (ps *PhraseSet) Find(p *Prepared) []string {
	text := p.folded
	if p.fold != ps.fold {
		text = ps.fold.Apply(p.text)
	}
	var found []string
	for _, ph := range ps.phrases {
		if ph.foundIn(text) {
			found = append(found, ph.rule)
		}
	}
	return found
}

func (ph phrase) foundIn(text string) bool {
	for from := 0; from <= len(text); {
		k := strings.Index(text[from:], ph.folded)
		if k < 0 {
			return false
		}
		start := from + k
		end := start + len(ph.folded)
		before := runeBefore(text, start)
		after, _ := utf8.DecodeRuneInString(text[end:])
		if end == len(text) {
			after = -1
		}
		if !(ph.checkStart && glueRune(before)) && !(ph.checkEnd && glueRune(after)) {
			return true
		}
		_, n := utf8.DecodeRuneInString(text[start:])
		from = start + n
	}
	return false
}
