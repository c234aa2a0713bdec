package commands

import (
	"errors"
	"fmt"
	"strings"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/text"
)

// unknownOverrides is a usage error naming, for each override of an id no
// export has, the closest ids: an id copied from a screenshot is easily
// one character off.
func unknownOverrides(e *campaign.UnknownOverrideError) error {
	lines := make([]string, len(e.Unknown))
	for i, o := range e.Unknown {
		lines[i] = fmt.Sprintf("%s: no entry has id %q", o.Source(), o.ID)
		if close := text.Suggest(o.ID, e.IDs, 3); len(close) > 0 {
			lines[i] += "; did you mean " + words.JoinOr(close) + "?"
		}
	}
	return usageHint(errors.New(strings.Join(lines, "\n")), "fix the ids in the overrides file; 'promo validate' lists every entry id")
}
