package campaign_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
)

const tagRule = "tags: {all_of: [\"#积分狂欢节#\"]}\n"

func parseRules(t testing.TB, dir, yaml string) *rules.Rules {
	t.Helper()
	r, err := rules.Parse(filepath.Join(dir, "rules.yaml"), []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func jsonPost(id, author, when, text string) string {
	s := `{"id": "` + id + `", "author": "` + author + `"`
	if when != "" {
		s += `, "created_at": "2025-07-` + when + `"`
	}
	return s + `, "content": "#积分狂欢节# ` + text + `"}` + "\n"
}

const (
	essay   = "这一篇写得足够长，讲清楚了我为什么喜欢这次活动的设计，还有质押的收益和代币解锁的安排，全部都说明白了。"
	another = "另外一篇完全不同的文章，谈谈质押和代币解锁的安排，以及我对这个项目未来的看法和期待。"
)

// TestExplainWithoutText: an entry explained without its text shows the
// findings recorded on it, and an unreadable entry shows only why it could
// not be read. Both used to show three passed cross checks and nothing
// else, though the entry was invalid.
func TestExplainWithoutText(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.jsonl"),
		jsonPost("short", "bo", "16 10:00:00", "短")+`{"id": "broken", "author": 3`+"\n")
	res := evaluate(t, parseRules(t, dir, tagRule+"length: {min: 10}\n"), []string{dir}, campaign.Options{})
	st, err := res.Rank()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		i    int
		want string
	}{
		{name: "too short", i: 0, want: "too-short fail|near-duplicate pass|reused-image pass|author-limit pass"},
		{name: "unreadable", i: 1, want: "unreadable fail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := res.Explain(tt.i, nil, st)
			var got []string
			for _, r := range x.Checks {
				got = append(got, string(r.Code)+map[bool]string{true: " pass", false: " fail"}[r.Pass])
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("checks %s, want %s", g, tt.want)
			}
		})
	}
}

// TestSameIDEarlierByLine: two records with one id and one time are told
// apart by their line as a number, so line 9 is the original and line 10
// the copy (compared as text, "p.jsonl:10" sorted first). Different
// authors make them different posts, so both also get duplicate-id.
func TestSameIDEarlierByLine(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for n := 1; n <= 8; n++ {
		b.WriteString(jsonPost("x"+strconv.Itoa(n), "u"+strconv.Itoa(n), "16 09:00:00", "第"+strconv.Itoa(n)+"篇"))
	}
	b.WriteString(jsonPost("same", "nine", "16 10:00:00", essay))
	b.WriteString(jsonPost("same", "ten", "16 10:00:00", essay))
	writeFile(t, filepath.Join(dir, "p.jsonl"), b.String())
	res := evaluate(t, parseRules(t, dir, tagRule), []string{dir}, campaign.Options{Workers: 3})
	nine, ten := &res.Entries[8], &res.Entries[9]
	if nine.Line != 9 || ten.Line != 10 {
		t.Fatalf("entries at lines %d and %d", nine.Line, ten.Line)
	}
	if codes, want := codesOf(nine)+"|"+codesOf(ten), "duplicate-id|duplicate-id near-duplicate"; codes != want {
		t.Errorf("codes %q, want %q", codes, want)
	}
	if r := reasonOf(t, ten, check.NearDuplicate); !strings.HasSuffix(r.Message, "p.jsonl:9) at 100% similarity") {
		t.Errorf("message %q", r.Message)
	}
}

// TestAuthorLimitAfterNearDuplicate: an author's entry that repeats their
// own earlier one is a near-duplicate and does not count against the
// limit; only the entries that pass every other check compete.
func TestAuthorLimitAfterNearDuplicate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.jsonl"),
		jsonPost("a1", "amy", "16 10:00:00", essay)+
			strings.Replace(jsonPost("a2", "amy", "17 10:00:00", essay+"！"), `"author"`, `"likes": 900, "author"`, 1)+
			strings.Replace(jsonPost("a3", "amy", "18 10:00:00", another), `"author"`, `"likes": 50, "author"`, 1))
	tests := []struct {
		keep string
		want string
	}{
		{keep: rules.KeepFirst, want: "a1: | a2:near-duplicate | a3:author-limit(2/1, kept a1)"},
		{keep: rules.KeepBest, want: "a1:author-limit(2/1, kept a3) | a2:near-duplicate | a3:"},
	}
	for _, tt := range tests {
		t.Run(tt.keep, func(t *testing.T) {
			res := evaluate(t, parseRules(t, dir, tagRule+"authors: {max_entries: 1, keep: "+tt.keep+"}\n"), []string{dir}, campaign.Options{})
			var got []string
			for i := range res.Entries {
				e := &res.Entries[i]
				s := e.ID + ":" + codesOf(e)
				if e.Has(check.AuthorLimit) {
					r := reasonOf(t, e, check.AuthorLimit)
					s += "(" + r.Measured + "/" + r.Limit + ", kept " + r.Other + ")"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

// TestReusedImageUnnamedAuthors: entries without an author are each their
// own author, as for author-limit, so two of them sharing a screenshot is
// reuse; before, the empty names compared equal and both passed.
func TestReusedImageUnnamedAuthors(t *testing.T) {
	dir := t.TempDir()
	writeShot(t, filepath.Join(dir, "shot.png"), 1)
	withShot := func(s string) string { return strings.Replace(s, `"author"`, `"images": ["shot.png"], "author"`, 1) }
	writeFile(t, filepath.Join(dir, "posts.jsonl"),
		withShot(jsonPost("second", "", "17 10:00:00", essay))+withShot(jsonPost("first", "", "16 10:00:00", another)))
	res := evaluate(t, parseRules(t, dir, tagRule+"media: {min_images: 1, verify: true, reuse_distance: 4}\n"), []string{dir}, campaign.Options{Workers: 2})
	if codes := codesOf(&res.Entries[0]) + "|" + codesOf(&res.Entries[1]); codes != "reused-image|" {
		t.Fatalf("codes %q, want %q", codes, "reused-image|")
	}
	r := reasonOf(t, &res.Entries[0], check.ReusedImage)
	if r.Other != "first" || !strings.HasPrefix(r.Message, "same screenshot as first by an unnamed author (") {
		t.Errorf("reason %+v", r)
	}
}
