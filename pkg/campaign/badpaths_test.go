package campaign_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
)

// TestMissingAmongGood: a path that does not exist, given with one that
// holds exports, is one unreadable entry named by the path; the exports
// are judged as usual rather than the run reading nothing.
func TestMissingAmongGood(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	for _, paths := range [][]string{{exportDir, missing}, {missing, exportDir}} {
		res := evaluate(t, loadRules(t, nil), paths, campaign.Options{Workers: 2})
		if len(res.Entries) != len(wantOrder)+1 || res.FileErrors != 1 {
			t.Fatalf("%d entries, %d file errors; want %d and 1", len(res.Entries), res.FileErrors, len(wantOrder)+1)
		}
		last := res.Entries[len(res.Entries)-1]
		name := filepath.ToSlash(missing)
		if last.ID != name || last.Source() != name || len(last.Reasons) != 1 || last.Reasons[0].Code != check.Unreadable {
			t.Fatalf("entry %+v", last)
		}
		if want := "export path " + missing + " does not exist"; !strings.HasPrefix(last.Reasons[0].Message, want) {
			t.Errorf("message %q, want it to start %q", last.Reasons[0].Message, want)
		}
		if _, e := byID(t, res, "star"); !e.Valid() {
			t.Errorf("star has %s", codesOf(e))
		}
	}
}
