package check

import (
	"strings"

	"github.com/promo-cli/promo/pkg/check/internal/oracle/text"
)

// bannedCheck reports banned-word: a banned phrase found whole, under the
// tag folds (never a \b regexp, which does not work for Chinese).
type bannedCheck struct {
	phrases *text.PhraseSet
}

func (c *bannedCheck) Run(s *Subject, out []Reason) []Reason {
	found := c.phrases.Find(s.Prepared)
	if len(found) == 0 {
		return passIf(s, out, BannedWord, "no banned word", "", "")
	}
	list := strings.Join(found, ", ")
	return append(out, Reason{Code: BannedWord, Measured: list, Message: "contains banned " + plural(len(found), "word", "words") + " " + list})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
