package campaign_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/shopspring/decimal"
)

// wantOrder is every entry in source order: file path, then line.
var wantOrder = []string{
	"dup-late", "copy-b", "carol-2", "tie-a", "tie-b", "bot", "shorty", // more.csv
	"banned", "good", // notes/
	"star", "dup-early", "copy-a", "carol-1", "notag", "testdata/export/posts.jsonl:6", "late", "notime", "brief", // posts.jsonl
}

func TestEvaluateCounts(t *testing.T) {
	res := evaluate(t, loadRules(t, nil), []string{exportDir}, campaign.Options{})
	var ids []string
	counts := map[check.Code]int{}
	valid := 0
	for i := range res.Entries {
		e := &res.Entries[i]
		ids = append(ids, e.ID)
		if e.Valid() {
			valid++
		}
		for _, r := range e.Reasons {
			counts[r.Code]++
		}
	}
	if !slices.Equal(ids, wantOrder) {
		t.Errorf("entries\n got %v\nwant %v", ids, wantOrder)
	}
	want := map[check.Code]int{
		check.Unreadable: 1, check.MissingTag: 1, check.TooShort: 1, check.OutsideWindow: 1, check.NoTimestamp: 1,
		check.AuthorLimit: 1, check.BlockedAuthor: 1, check.BannedWord: 1, check.NearDuplicate: 2, check.CopiesBrief: 1,
	}
	if !maps.Equal(counts, want) {
		t.Errorf("codes\n got %v\nwant %v", counts, want)
	}
	if valid != 7 {
		t.Errorf("%d valid entries, want 7", valid)
	}
	if len(res.Files) != 4 || res.FileErrors != 0 || len(res.Scores) != len(res.Entries) {
		t.Errorf("%d files, %d file errors, %d scores", len(res.Files), res.FileErrors, len(res.Scores))
	}
	if !strings.HasPrefix(res.InputsDigest, "sha256:") || len(res.InputsDigest) != len("sha256:")+64 {
		t.Errorf("inputs digest %q", res.InputsDigest)
	}
	_, broken := byID(t, res, "testdata/export/posts.jsonl:6")
	if broken.Source() != "testdata/export/posts.jsonl:6" {
		t.Errorf("unreadable record source %q", broken.Source())
	}
}

// TestNearDuplicate: the copy is the later entry by created_at, then id,
// whichever file is read first.
func TestNearDuplicate(t *testing.T) {
	res := evaluate(t, loadRules(t, nil), []string{exportDir}, campaign.Options{})
	tests := []struct {
		copy, original, source string
	}{
		{copy: "dup-late", original: "dup-early", source: "testdata/export/posts.jsonl:2"}, // earlier created_at, later file
		{copy: "copy-b", original: "copy-a", source: "testdata/export/posts.jsonl:3"},      // same created_at: smaller id
	}
	for _, tt := range tests {
		t.Run(tt.copy, func(t *testing.T) {
			_, e := byID(t, res, tt.copy)
			r := reasonOf(t, e, check.NearDuplicate)
			want := check.Reason{Code: check.NearDuplicate, Other: tt.original, Measured: "1.00", Limit: "0.80",
				Message: "repeats " + tt.original + " (" + tt.source + ") at 100% similarity"}
			if r != want {
				t.Errorf("got  %+v\nwant %+v", r, want)
			}
			if _, orig := byID(t, res, tt.original); !orig.Valid() {
				t.Errorf("the original %s has reasons %s", tt.original, codesOf(orig))
			}
		})
	}
	var clusters [][]string
	for _, c := range res.Clusters {
		var ids []string
		for _, i := range c {
			ids = append(ids, res.Entries[i].ID)
		}
		slices.Sort(ids)
		clusters = append(clusters, ids)
	}
	slices.SortFunc(clusters, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	if want := [][]string{{"copy-a", "copy-b"}, {"dup-early", "dup-late"}}; !slices.EqualFunc(clusters, want, slices.Equal) {
		t.Errorf("clusters %v, want %v", clusters, want)
	}
}

func TestAuthorLimit(t *testing.T) {
	tests := []struct {
		name        string
		keep        string
		max         int
		limited     string
		kept, other string
		message     string
	}{
		{name: "keep first", keep: rules.KeepFirst, max: 1, limited: "carol-2", kept: "carol-1",
			message: "author carol has 2 valid entries, 1 is kept (earliest first: carol-1)"},
		{name: "keep best", keep: rules.KeepBest, max: 1, limited: "carol-1", kept: "carol-2",
			message: "author carol has 2 valid entries, 1 is kept (best first: carol-2)"},
		{name: "two allowed", keep: rules.KeepFirst, max: 2},
		{name: "unlimited", keep: rules.KeepBest, max: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := loadRules(t, func(r *rules.Rules) { r.Authors.Keep, r.Authors.MaxEntries = tt.keep, tt.max })
			res := evaluate(t, r, []string{exportDir}, campaign.Options{})
			var limited []string
			for i := range res.Entries {
				if res.Entries[i].Has(check.AuthorLimit) {
					limited = append(limited, res.Entries[i].ID)
				}
			}
			if tt.limited == "" {
				if len(limited) != 0 {
					t.Fatalf("limited %v, want none", limited)
				}
				return
			}
			if !slices.Equal(limited, []string{tt.limited}) {
				t.Fatalf("limited %v, want [%s]", limited, tt.limited)
			}
			_, e := byID(t, res, tt.limited)
			want := check.Reason{Code: check.AuthorLimit, Other: tt.kept, Measured: "2", Limit: "1", Message: tt.message}
			if got := reasonOf(t, e, check.AuthorLimit); got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
			if _, k := byID(t, res, tt.kept); !k.Valid() {
				t.Errorf("kept entry has %s", codesOf(k))
			}
		})
	}
}

// TestAuthorLimitCountsOnlyValid: an author's invalid entries do not use
// up the limit.
func TestAuthorLimitCountsOnlyValid(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.jsonl"),
		`{"id": "a1", "author": "amy", "created_at": "2025-07-16 10:00:00", "content": "#积分狂欢节# 太短"}`+"\n"+
			`{"id": "a2", "author": "amy", "created_at": "2025-07-17 10:00:00", "content": "#积分狂欢节# 这一篇写得足够长，讲清楚了我为什么喜欢这次活动的设计。"}`+"\n")
	res := evaluate(t, loadRules(t, nil), []string{dir}, campaign.Options{})
	if got := codesOf(&res.Entries[0]) + "|" + codesOf(&res.Entries[1]); got != "too-short|" {
		t.Errorf("codes %q, want %q", got, "too-short|")
	}
}

func TestRank(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(r *rules.Rules)
		ranks string
	}{
		{name: "ties share the cut-off place", edit: nil,
			ranks: "1 star 33.34|2 good 33.33|3 tie-a 16.67|3 tie-b 16.66|5 copy-a 0|6 dup-early 0|7 carol-1 0"},
		{name: "ties to the earliest", edit: func(r *rules.Rules) { r.Rewards.Ties = rules.TiesEarliest },
			ranks: "1 star 33.34|2 good 33.33|3 tie-a 33.33|4 tie-b 0|5 copy-a 0|6 dup-early 0|7 carol-1 0"},
		{name: "five winners", edit: func(r *rules.Rules) { r.Rewards.Winners = 5 },
			ranks: "1 star 20|2 good 20|3 tie-a 20|3 tie-b 20|5 copy-a 20|6 dup-early 0|7 carol-1 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := evaluate(t, loadRules(t, tt.edit), []string{exportDir}, campaign.Options{})
			st, err := res.Rank()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			sum := decimal.Zero
			for _, p := range st.Placings {
				got = append(got, strings.Join([]string{itoa(p.Rank), res.Entries[p.Entry].ID, p.Amount.String()}, " "))
				sum = sum.Add(p.Amount)
				if p.Paid != !p.Amount.IsZero() {
					t.Errorf("%s: paid %v with %s", res.Entries[p.Entry].ID, p.Paid, p.Amount)
				}
			}
			if g := strings.Join(got, "|"); g != tt.ranks {
				t.Errorf("ranking\n got %s\nwant %s", g, tt.ranks)
			}
			if !sum.Equal(decimal.NewFromInt(100)) || !st.Payout.Paid.Equal(sum) || !st.Payout.Leftover.IsZero() {
				t.Errorf("paid %s (payout says %s, leftover %s), want the pool 100", sum, st.Payout.Paid, st.Payout.Leftover)
			}
		})
	}
}

// TestTiedInputs: two entries with identical measurements score exactly
// the same.
func TestTiedInputs(t *testing.T) {
	res := evaluate(t, loadRules(t, nil), []string{exportDir}, campaign.Options{})
	a, ea := byID(t, res, "tie-a")
	b, eb := byID(t, res, "tie-b")
	ma, mb := ea.Measure, eb.Measure
	if !ea.CreatedAt.Equal(eb.CreatedAt) || ma.Length != mb.Length || ma.Topics != mb.Topics || ma.Likes != mb.Likes {
		t.Fatalf("the test data no longer ties: %+v / %+v", ea.Measure, eb.Measure)
	}
	if res.Scores[a].Score != res.Scores[b].Score || res.Scores[a].C != res.Scores[b].C {
		t.Errorf("scores %v / %v, want equal", res.Scores[a], res.Scores[b])
	}
}

func TestProportionalPaysThePool(t *testing.T) {
	r := loadRules(t, func(r *rules.Rules) {
		r.Rewards.Split, r.Rewards.Winners, r.Rewards.Pool = rules.SplitProportional, 7, decimal.RequireFromString("1250")
	})
	st, err := evaluate(t, r, []string{exportDir}, campaign.Options{}).Rank()
	if err != nil {
		t.Fatal(err)
	}
	sum := decimal.Zero
	for _, p := range st.Placings {
		sum = sum.Add(p.Amount)
		if p.Amount.Exponent() < -2 {
			t.Errorf("amount %s has more than 2 decimals", p.Amount)
		}
	}
	if !sum.Equal(decimal.NewFromInt(1250)) {
		t.Errorf("paid %s, want 1250", sum)
	}
	for k := 1; k < len(st.Placings); k++ {
		if st.Placings[k].Amount.GreaterThan(st.Placings[k-1].Amount) {
			t.Errorf("place %d is paid more than place %d", k+1, k)
		}
	}
}

// TestDeterminism: worker count, argument order and the folder the export
// sits in change nothing.
func TestDeterminism(t *testing.T) {
	r := loadRules(t, nil)
	base := t.TempDir()
	first := filepath.Join(base, "first-copy")
	second := filepath.Join(base, "an other folder")
	copyTree(t, exportDir, first)
	copyTree(t, exportDir, second)
	paths := func(root string) []string {
		return []string{filepath.Join(root, "posts.jsonl"), filepath.Join(root, "more.csv"), filepath.Join(root, "notes")}
	}
	reversed := func(root string) []string { p := paths(root); slices.Reverse(p); return p }
	runs := []struct {
		name  string
		root  string
		paths []string
		opt   campaign.Options
	}{
		{name: "one worker", root: first, paths: paths(first), opt: campaign.Options{Workers: 1}},
		{name: "eight workers", root: first, paths: paths(first), opt: campaign.Options{Workers: 8}},
		{name: "reversed", root: first, paths: reversed(first), opt: campaign.Options{Workers: 8}},
		{name: "other folder, reversed", root: second, paths: reversed(second), opt: campaign.Options{Workers: 3}},
		{name: "cpu count", root: second, paths: paths(second)},
	}
	var want, digest string
	for _, run := range runs {
		res := evaluate(t, r, run.paths, run.opt)
		got := dump(t, res, run.root)
		if want == "" {
			want, digest = got, res.InputsDigest
			if strings.Contains(got, base) {
				t.Fatalf("dump still names the temporary folder:\n%s", got)
			}
			continue
		}
		if got != want {
			t.Errorf("%s: result differs\n got:\n%s\nwant:\n%s", run.name, got, want)
		}
		if res.InputsDigest != digest {
			t.Errorf("%s: inputs digest %s, want %s", run.name, res.InputsDigest, digest)
		}
	}
	// Same inputs, same digest; other bytes, another digest.
	writeFile(t, filepath.Join(second, "notes", "good.md"), "---\nid: good\n---\n#积分狂欢节# 改过的内容，长度也足够二十个字了吧，应该是的。\n")
	if d := evaluate(t, r, paths(second), campaign.Options{}).InputsDigest; d == digest {
		t.Error("inputs digest did not change with the bytes of a file")
	}
}

// TestDigestIndependentOfFolder: the digest names relative paths, so the
// folder argument in two places gives one digest.
func TestDigestIndependentOfFolder(t *testing.T) {
	r := loadRules(t, nil)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "zz", "b")
	copyTree(t, exportDir, a)
	copyTree(t, exportDir, b)
	da := evaluate(t, r, []string{a}, campaign.Options{Workers: 1}).InputsDigest
	db := evaluate(t, r, []string{b}, campaign.Options{Workers: 4}).InputsDigest
	dt := evaluate(t, r, []string{exportDir}, campaign.Options{}).InputsDigest
	if da != db || da != dt {
		t.Errorf("digests %s %s %s, want one", da, db, dt)
	}
}

func TestNoInput(t *testing.T) {
	empty := t.TempDir()
	writeFile(t, filepath.Join(empty, "shot.png"), "not read")
	writeFile(t, filepath.Join(empty, "notes.xyz"), "not read")
	allBad := t.TempDir()
	makeUnopenable(t, filepath.Join(allBad, "posts.jsonl"))
	tests := []struct {
		name  string
		paths []string
		want  string
	}{
		{name: "missing path", paths: []string{filepath.Join(empty, "nope")}, want: "does not exist"},
		{name: "two missing paths, both named", paths: []string{filepath.Join(empty, "nope"), filepath.Join(empty, "nix")}, want: "nix does not exist; check the spelling, or pass the folder that holds the export; export path " + filepath.Join(empty, "nope") + " does not exist"},
		{name: "folder without exports", paths: []string{empty}, want: "no .jsonl, .ndjson, .json, .csv, .tsv, .txt or .md file"},
		{name: "no paths", paths: nil, want: "no .jsonl"},
		// Named itself: as root the unreadable file is a link out of the folder, which a walk does not follow.
		{name: "every file unreadable", paths: []string{filepath.Join(allBad, "posts.jsonl")}, want: "posts.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := campaign.Evaluate(context.Background(), loadRules(t, nil), tt.paths, campaign.Options{})
			if !errors.Is(err, campaign.ErrNoInput) {
				t.Fatalf("error %v, want ErrNoInput", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

// TestUnopenableFile: a file that cannot be read at all is one unreadable
// entry; the other files are judged as usual.
func TestUnopenableFile(t *testing.T) {
	root := filepath.Join(t.TempDir(), "export")
	copyTree(t, exportDir, root)
	bad := filepath.Join(root, "zz-locked.jsonl")
	makeUnopenable(t, bad)
	res := evaluate(t, loadRules(t, nil), []string{root, bad}, campaign.Options{Workers: 2})
	if len(res.Entries) != len(wantOrder)+1 || res.FileErrors != 1 {
		t.Fatalf("%d entries, %d file errors; want %d and 1", len(res.Entries), res.FileErrors, len(wantOrder)+1)
	}
	last := res.Entries[len(res.Entries)-1]
	name := filepath.ToSlash(bad)
	if last.ID != name || last.Source() != name || len(last.Reasons) != 1 || last.Reasons[0].Code != check.Unreadable {
		t.Fatalf("entry %+v", last)
	}
	if !strings.Contains(last.Reasons[0].Message, "zz-locked.jsonl") {
		t.Errorf("message %q", last.Reasons[0].Message)
	}
	if _, e := byID(t, res, "star"); !e.Valid() {
		t.Errorf("star has %s", codesOf(e))
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := campaign.Evaluate(ctx, loadRules(t, nil), []string{exportDir}, campaign.Options{Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestKeepAndProgress(t *testing.T) {
	var last int
	progress := make(chan int, 16)
	res := evaluate(t, loadRules(t, nil), []string{exportDir}, campaign.Options{Workers: 1, Keep: "good",
		Progress: func(n int) { progress <- n }})
	close(progress)
	for n := range progress {
		last = max(last, n)
	}
	if last != len(res.Entries) {
		t.Errorf("progress reached %d, want %d", last, len(res.Entries))
	}
	if len(res.Kept) != 1 || res.Kept[0].ID != "good" || !strings.Contains(res.Kept[0].Content, "质押挖矿") {
		t.Errorf("kept %+v", res.Kept)
	}
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

func writeFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// makeUnopenable leaves at path an export file that cannot be read: one
// without read permission, or, where permissions do not bind (root), a
// link to /proc/self/mem, whose first page cannot be read.
func makeUnopenable(t testing.TB, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		writeFile(t, path, "{}\n")
		if err := os.Chmod(path, 0); err != nil {
			t.Fatal(err)
		}
		return
	}
	if runtime.GOOS != "linux" {
		t.Skip("no unreadable file can be made here")
	}
	if err := os.Symlink("/proc/self/mem", path); err != nil {
		t.Fatal(err)
	}
}

// TestAfterRead: the hook runs once, after every post is read, and what
// it returns runs when Evaluate returns, on an error too.
func TestAfterRead(t *testing.T) {
	allBad := t.TempDir()
	makeUnopenable(t, filepath.Join(allBad, "posts.jsonl"))
	tests := []struct {
		name  string
		paths []string
		fails bool
	}{
		{"judged", []string{exportDir}, false},
		{"no input", []string{filepath.Join(allBad, "posts.jsonl")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls, dones int
			var entries atomic.Int64 // Progress may run on several goroutines
			opt := campaign.Options{
				Progress: func(n int) { entries.Store(int64(n)) },
				AfterRead: func() func() {
					calls++
					if entries.Load() == 0 && !tt.fails {
						t.Error("AfterRead ran before the posts were read")
					}
					return func() { dones++ }
				},
			}
			_, err := campaign.Evaluate(context.Background(), loadRules(t, nil), tt.paths, opt)
			if (err != nil) != tt.fails {
				t.Fatalf("error %v, want failure %v", err, tt.fails)
			}
			if calls != 1 || dones != 1 {
				t.Errorf("AfterRead called %d times and its done %d, want 1 and 1", calls, dones)
			}
		})
	}
}

// TestAfterCross: the hook runs once, after the cross-entry checks and
// before the scores.
func TestAfterCross(t *testing.T) {
	calls := 0
	opt := campaign.Options{AfterCross: func() { calls++ }}
	res, err := campaign.Evaluate(context.Background(), loadRules(t, nil), []string{exportDir}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("AfterCross called %d times, want 1", calls)
	}
	if len(res.Scores) != len(res.Entries) {
		t.Errorf("%d scores for %d entries", len(res.Scores), len(res.Entries))
	}
}
