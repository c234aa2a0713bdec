package check

import (
	"github.com/promo-cli/promo/pkg/text"
)

// blockCheck reports blocked-author. Names compare under the tag folds, so
// "ＡＬＩＣＥ" on the blocklist blocks "alice".
type blockCheck struct {
	fold    text.Fold
	blocked map[string]string // folded name → name as listed
}

func newBlockCheck(names []string, fold text.Fold) *blockCheck {
	c := &blockCheck{fold: fold, blocked: make(map[string]string, len(names))}
	for _, n := range names {
		c.blocked[fold.Apply(n)] = n
	}
	return c
}

func (c *blockCheck) Run(s *Subject, out []Reason) []Reason {
	listed, ok := c.blocked[c.fold.Apply(s.Post.Author)]
	if !ok {
		if !s.Verbose {
			return out // (the message is built only when it is shown)
		}
		return passIf(s, out, BlockedAuthor, "author "+s.Post.Author+" is not on the blocklist", s.Post.Author, "")
	}
	return append(out, Reason{Code: BlockedAuthor, Measured: s.Post.Author, Limit: listed,
		Message: "author " + s.Post.Author + " is on the blocklist"})
}
