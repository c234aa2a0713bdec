package campaign_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/export"
)

// TestPosts: the second read gives every readable entry its own post, in
// entry order, and passes over the unreadable ones.
func TestPosts(t *testing.T) {
	opt := campaign.Options{Workers: 2}
	res := evaluate(t, loadRules(t, nil), []string{exportDir}, opt)
	last := -1
	seen := map[int]bool{}
	err := res.Posts(context.Background(), opt, func(i int, p *export.Post) error {
		e := &res.Entries[i]
		if p.ID != e.ID || p.Source() != e.Source() {
			t.Errorf("entry %d %s (%s) got post %s (%s)", i, e.ID, e.Source(), p.ID, p.Source())
		}
		if i <= last {
			t.Errorf("entry %d after %d", i, last)
		}
		last = i
		seen[i] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Entries {
		if !seen[i] && res.Entries[i].Valid() {
			t.Errorf("valid entry %s got no post", res.Entries[i].ID)
		}
	}
}

// TestExplainer: explaining entry after entry says what Explain says of
// each.
func TestExplainer(t *testing.T) {
	opt := campaign.Options{Workers: 1}
	res := evaluate(t, loadRules(t, nil), []string{exportDir}, opt)
	st, err := res.Rank()
	if err != nil {
		t.Fatal(err)
	}
	x := res.NewExplainer(st)
	n := 0
	err = res.Posts(context.Background(), opt, func(i int, p *export.Post) error {
		if got, want := x.Explain(i, p), res.Explain(i, p, st); !reflect.DeepEqual(got, want) {
			t.Errorf("entry %s: Explainer says\n%+v\nExplain says\n%+v", res.Entries[i].ID, got, want)
		}
		n++
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d posts, error %v", n, err)
	}
}
