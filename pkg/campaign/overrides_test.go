package campaign_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
)

// TestOverrides: an accept makes an entry valid and ranked whatever the
// checks found, a reject makes it invalid; both say who and why, the
// findings stay listed, and the file is part of inputs_digest.
func TestOverrides(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "export", "posts.csv"), "id,author,content\n"+
		"p1,amy,a post long enough to pass\np2,bob,short\np3,cat,another post long enough\n")
	writeFile(t, filepath.Join(dir, "overrides.csv"), "id,decision,reason,by\np2,accept,appeal upheld,carol\np3,reject,bought likes,dave\n")
	r, err := rules.Parse(filepath.Join(dir, "rules.yaml"), []byte("length: {min: 10}\nreview: {overrides: overrides.csv}\nrewards: {pool: 10, winners: 3}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := evaluate(t, r, []string{filepath.Join(dir, "export")}, campaign.Options{})
	_, p2 := byID(t, res, "p2")
	_, p3 := byID(t, res, "p3")
	if !p2.Valid() || !p2.Has(check.TooShort) || p3.Valid() {
		t.Errorf("p2 valid %v (%s), p3 valid %v", p2.Valid(), codesOf(p2), p3.Valid())
	}
	if m := reasonOf(t, p3, check.Overridden).Message; m != "rejected by dave: bought likes (overrides.csv:3)" {
		t.Errorf("p3's reason %q", m)
	}
	st, err := res.Rank()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Placings) != 2 {
		t.Errorf("%d ranked, want p1 and p2", len(st.Placings))
	}

	plain, err := rules.Parse(filepath.Join(dir, "rules.yaml"), []byte("length: {min: 10}\nrewards: {pool: 10, winners: 3}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if without := evaluate(t, plain, []string{filepath.Join(dir, "export")}, campaign.Options{}); without.InputsDigest == res.InputsDigest {
		t.Error("inputs_digest does not cover the overrides")
	}
	// --overrides names another file for the run, and unknown ids are an error listing them
	writeFile(t, filepath.Join(dir, "typo.csv"), "id,decision,reason,by\np4,accept,x,y\np1,reject,x,y\nq2,reject,x,y\n")
	_, err = campaign.Evaluate(context.Background(), r, []string{filepath.Join(dir, "export")}, campaign.Options{Overrides: filepath.Join(dir, "typo.csv")})
	var uo *campaign.UnknownOverrideError
	if !errors.As(err, &uo) || len(uo.Unknown) != 2 || uo.Unknown[0].ID != "p4" || uo.Unknown[1].ID != "q2" || len(uo.IDs) != 3 {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasSuffix(err.Error(), "typo.csv:4: no entry has id \"q2\"") {
		t.Errorf("message %q", err)
	}
}
