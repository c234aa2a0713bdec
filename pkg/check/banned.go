package check

import (
	"strings"

	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/text"
)

// bannedCheck reports banned-word: a banned phrase found whole, under the
// tag folds (never a \b regexp, which does not work for Chinese).
type bannedCheck struct {
	phrases *text.PhraseIndex // group 0
}

func (c *bannedCheck) Run(s *Subject, out []Reason) []Reason {
	found := c.phrases.Found(s.phrases, 0)
	if len(found) == 0 {
		return passIf(s, out, BannedWord, "no banned word", "", "")
	}
	list := strings.Join(found, ", ")
	return append(out, Reason{Code: BannedWord, Measured: list, Message: "contains banned " + words.Plural(len(found), "word", "words") + " " + list})
}
