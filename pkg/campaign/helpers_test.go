package campaign_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
)

const exportDir = "testdata/export"

func loadRules(t testing.TB, edit func(r *rules.Rules)) *rules.Rules {
	t.Helper()
	r, err := rules.Load("testdata/rules.yaml")
	if err != nil {
		t.Fatalf("rules.Load: %v", err)
	}
	if edit != nil {
		edit(r)
	}
	return r
}

func evaluate(t testing.TB, r *rules.Rules, paths []string, opt campaign.Options) *campaign.Result {
	t.Helper()
	res, err := campaign.Evaluate(context.Background(), r, paths, opt)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}

func byID(t testing.TB, res *campaign.Result, id string) (int, *check.Entry) {
	t.Helper()
	for i := range res.Entries {
		if res.Entries[i].ID == id {
			return i, &res.Entries[i]
		}
	}
	t.Fatalf("no entry %q", id)
	return 0, nil
}

func reasonOf(t testing.TB, e *check.Entry, c check.Code) check.Reason {
	t.Helper()
	for _, r := range e.Reasons {
		if r.Code == c {
			return r
		}
	}
	t.Fatalf("entry %s has no %s reason: %+v", e.ID, c, e.Reasons)
	return check.Reason{}
}

func codesOf(e *check.Entry) string {
	var s []string
	for _, r := range e.Reasons {
		s = append(s, string(r.Code))
	}
	return strings.Join(s, " ")
}

// dump writes everything a run decided, in a canonical text form: every
// entry with its source, reasons, measurements and exact score, then the
// ranking and payout. root is replaced by $ROOT so runs over copies in
// different folders compare.
func dump(t testing.TB, res *campaign.Result, root string) string {
	t.Helper()
	var b strings.Builder
	for i := range res.Entries {
		e := &res.Entries[i]
		s := res.Scores[i]
		fmt.Fprintf(&b, "%s %s %s valid=%v time=%v/%s\n", e.Source(), e.ID, e.Author, e.Valid(), e.HasTime, e.CreatedAt.UTC().Format("2006-01-02T15:04:05.999999999"))
		for _, r := range e.Reasons {
			fmt.Fprintf(&b, "  %s %q measured=%q limit=%q other=%q pass=%v\n", r.Code, r.Message, r.Measured, r.Limit, r.Other, r.Pass)
		}
		m := e.Measure
		fmt.Fprintf(&b, "  measure len=%d img=%d topics=%d eng=%d/%d/%d/%d brief=%v\n",
			m.Length, m.Images, m.Topics, m.Likes, m.Comments, m.Reposts, m.Views, m.Brief)
		fmt.Fprintf(&b, "  score=%v c=%+v eng=%v sim=%v\n", s.Score, s.C, s.Engagement, s.Similarity)
	}
	fmt.Fprintf(&b, "clusters %v\n", res.Clusters)
	st, err := res.Rank()
	if err != nil {
		t.Fatalf("Rank: %v", err)
	}
	for _, p := range st.Placings {
		fmt.Fprintf(&b, "rank %d %s paid=%v %s\n", p.Rank, res.Entries[p.Entry].ID, p.Paid, p.Amount)
	}
	fmt.Fprintf(&b, "paid %v\n", st.Payout)
	out := b.String()
	if root != "" {
		out = strings.ReplaceAll(out, filepath.ToSlash(root), "$ROOT")
	}
	return out
}

// copyTree copies the folder src to dst.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
