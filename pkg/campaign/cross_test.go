package campaign_test

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
)

// TestReusedImage: the same screenshot under another author's later entry
// is reused-image naming the earlier entry; an author reusing their own is
// not.
func TestReusedImage(t *testing.T) {
	dir := t.TempDir()
	writeShot(t, filepath.Join(dir, "shot.png"), 1)
	writeShot(t, filepath.Join(dir, "shot-copy.png"), 1) // the same picture, another file
	writeShot(t, filepath.Join(dir, "other.png"), 7)
	post := func(id, author, when, img, text string) string {
		return `{"id": "` + id + `", "author": "` + author + `", "created_at": "2025-07-` + when + `", "images": ["` + img +
			`"], "content": "#积分狂欢节# ` + text + `"}` + "\n"
	}
	writeFile(t, filepath.Join(dir, "posts.jsonl"),
		post("thief", "tom", "17 10:00:00", "shot-copy.png", "今天第一次质押成功，截图留念，收益每天都能看到，感觉很踏实。")+
			post("owner", "una", "16 10:00:00", "shot.png", "分享一下我的理财页面，选择了三十天的期限，年化还算可以。")+
			post("owner-again", "una", "16 11:00:00", "shot.png", "再发一次自己的截图，这次说说为什么我更喜欢灵活期限的产品。")+
			post("fresh", "vic", "19 10:00:00", "other.png", "我的截图和别人都不一样，这是在手机上拍的交易页面记录。"))
	r, err := rules.Parse(filepath.Join(dir, "rules.yaml"), []byte(
		"tags: {all_of: [\"#积分狂欢节#\"]}\nmedia: {min_images: 1, verify: true, min_width: 16, min_height: 16, reuse_distance: 4}\nauthors: {max_entries: 0}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := evaluate(t, r, []string{dir}, campaign.Options{Workers: 2})
	got := map[string]string{}
	for i := range res.Entries {
		got[res.Entries[i].ID] = codesOf(&res.Entries[i])
	}
	want := map[string]string{"thief": "reused-image", "owner": "", "owner-again": "", "fresh": ""}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: codes %q, want %q", id, got[id], w)
		}
	}
	_, thief := byID(t, res, "thief")
	rr := reasonOf(t, thief, check.ReusedImage)
	if rr.Other != "owner" || rr.Measured != "0" || rr.Limit != "4" ||
		!strings.HasPrefix(rr.Message, "same screenshot as owner by una (") || !strings.HasSuffix(rr.Message, "posts.jsonl:2), 0 of 64 bits apart; the same file") {
		t.Errorf("reason %+v", rr)
	}
}

// writeShot writes a 64×64 picture; the same seed draws the same picture.
func writeShot(t testing.TB, path string, seed int) {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 64, 64))
	for y := range 64 {
		for x := range 64 {
			img.Pix[y*img.Stride+x] = uint8((x*seed*5 + y*y*3 + x*y*seed) % 256)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestExplain: explain lists every check, passes too, the cross-entry
// ones, the components and the placing.
func TestExplain(t *testing.T) {
	res := evaluate(t, loadRules(t, nil), []string{exportDir}, campaign.Options{Keep: "star"})
	st, err := res.Rank()
	if err != nil {
		t.Fatal(err)
	}
	i, _ := byID(t, res, "star")
	x := res.Explain(i, &res.Kept[0], st)
	var codes []string
	for _, r := range x.Checks {
		if !r.Pass {
			t.Errorf("failed check %+v", r)
		}
		codes = append(codes, string(r.Code))
	}
	want := "missing-tag too-short outside-window blocked-author banned-word copies-brief near-duplicate reused-image author-limit"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("checks\n got %s\nwant %s", got, want)
	}
	if x.Placing == nil || x.Placing.Rank != 1 || x.Placing.Amount.String() != "33.34" || x.Ranked != 7 {
		t.Errorf("placing %+v of %d", x.Placing, x.Ranked)
	}
	if len(x.Components) != 6 || x.Components[1].Name != "topics" || x.Components[1].Detail != "2 of 2 groups (项目: Eclipse, SVM; 代币: 代币, 解锁)" {
		t.Errorf("components %+v", x.Components)
	}
	if x.Counts.Graphemes != 124 {
		t.Errorf("counts %+v", x.Counts)
	}
	// Without the post: the entry's own reasons and the cross checks.
	j, _ := byID(t, res, "dup-late")
	y := res.Explain(j, nil, st)
	if y.Placing != nil || len(y.Checks) != 3 || y.Checks[0].Code != check.NearDuplicate || y.Checks[0].Pass {
		t.Errorf("explain without post: %+v", y.Checks)
	}
}
