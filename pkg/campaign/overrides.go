package campaign

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/review"
	"github.com/promo-cli/promo/pkg/rules"
)

// UnknownOverrideError is returned when overrides name ids no export has:
// usually a typo, which would otherwise silently decide nothing. IDs are
// every entry's id, for the caller to suggest the closest.
type UnknownOverrideError struct {
	Unknown []review.Override
	IDs     []string
}

func (e *UnknownOverrideError) Error() string {
	lines := make([]string, len(e.Unknown))
	for i, o := range e.Unknown {
		lines[i] = fmt.Sprintf("%s: no entry has id %q", o.Source(), o.ID)
	}
	return strings.Join(lines, "\n")
}

// loadOverrides reads the overrides file, the one named for the run or
// else the rule file's, and the line it adds to inputs_digest.
func loadOverrides(r *rules.Rules, path string) ([]review.Override, string, error) {
	if path == "" {
		path = r.Review.OverridesPath
	}
	if path == "" {
		return nil, "", nil
	}
	ovs, err := review.Read(path, r.MaxInput)
	if err != nil {
		return nil, "", err
	}
	for i := range ovs {
		// Outputs name the file without its folder, so they read the same
		// on every machine.
		ovs[i].File = filepath.Base(path)
	}
	// A NUL starts the line, so it can never be an export file's.
	return ovs, "\x00overrides\x00" + fileDigest(path), nil
}

// applyOverrides records the operator's decisions after every check has
// run: the verdict is the decision, and the entry carries an override
// reason saying who decided and why, so every output shows it. An accept
// is a passed check (explain shows it "ok"); the findings it overrules
// stay listed.
func (res *Result) applyOverrides(ovs []review.Override) error {
	if len(ovs) == 0 {
		return nil
	}
	byID := map[string][]int{}
	for i := range res.Entries {
		byID[res.Entries[i].ID] = append(byID[res.Entries[i].ID], i)
	}
	var unknown []review.Override
	for _, o := range ovs {
		idx, ok := byID[o.ID]
		if !ok {
			unknown = append(unknown, o)
			continue
		}
		for _, i := range idx {
			overrideEntry(&res.Entries[i], o)
		}
	}
	if len(unknown) > 0 {
		ids := make([]string, len(res.Entries))
		for i := range res.Entries {
			ids[i] = res.Entries[i].ID
		}
		return &UnknownOverrideError{Unknown: unknown, IDs: ids}
	}
	return nil
}

func overrideEntry(e *check.Entry, o review.Override) {
	verb := "rejected"
	if o.Accepted() {
		verb = "accepted"
	}
	e.Accepted, e.Rejected = o.Accepted(), !o.Accepted()
	e.Reasons = append(e.Reasons, check.Reason{
		Code: check.Overridden, Measured: o.Decision, Limit: o.By, Pass: o.Accepted(),
		Message: fmt.Sprintf("%s by %s: %s (%s)", verb, o.By, o.Reason, o.Source()),
	})
}
