package campaign_test

import (
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
)

// imagePost is one JSONL line of an entry with one image; each day's
// text is its own, so only the images can make entries alike.
func imagePost(id, author, day, img string) string {
	texts := map[string]string{
		"16": "这是我自己的质押页面截图，记录一下今天的收益和年化。",
		"17": "第一次参加活动，选了灵活期限，随时可以赎回很方便。",
		"18": "分享我的持仓，三十天后再来看看收益有没有变化。",
	}
	return `{"id": "` + id + `", "author": "` + author + `", "created_at": "2025-07-` + day + ` 10:00:00", "images": ["` + img +
		`"], "content": "#积分狂欢节# ` + texts[day] + `"}` + "\n"
}

func imageRules(t *testing.T, dir string) *rules.Rules {
	t.Helper()
	r, err := rules.Parse(filepath.Join(dir, "rules.yaml"), []byte("tags: {all_of: [\"#积分狂欢节#\"]}\nmedia: {min_images: 1, verify: true}\nauthors: {max_entries: 0}\n"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReusedImageTooLargeToDecode: the same 8000×8000 file attached by two
// authors is reused-image: it is too large to decode, but an exact copy of
// its bytes always counts.
func TestReusedImageTooLargeToDecode(t *testing.T) {
	dir := t.TempDir()
	b := []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}
	b = binary.BigEndian.AppendUint32(b, 8000)
	b = binary.BigEndian.AppendUint32(b, 8000)
	b = append(b, 8, 2, 0, 0, 0)
	b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[12:]))
	writeFile(t, filepath.Join(dir, "big.png"), string(b))
	writeFile(t, filepath.Join(dir, "big-copy.png"), string(b))
	writeFile(t, filepath.Join(dir, "posts.jsonl"),
		imagePost("first", "ann", "16", "big.png")+imagePost("same-file", "bob", "17", "big.png")+imagePost("copy", "cat", "18", "big-copy.png"))
	res := evaluate(t, imageRules(t, dir), []string{dir}, campaign.Options{Workers: 2})
	for id, want := range map[string]string{"first": "image-unreadable", "same-file": "image-unreadable reused-image", "copy": "image-unreadable reused-image"} {
		_, e := byID(t, res, id)
		if got := codesOf(e); got != want {
			t.Errorf("%s: codes %q, want %q", id, got, want)
		}
	}
	_, e := byID(t, res, "copy")
	if r := reasonOf(t, e, check.ReusedImage); r.Other != "first" || !strings.HasSuffix(r.Message, "; the same file") {
		t.Errorf("reason %+v", r)
	}
}

// TestReusedImageScreens: two entrants' screenshots of the same page with
// different figures are both valid; a re-encoded copy is reused-image with
// its evidence, and explain tells the honest one why it is not a copy.
func TestReusedImageScreens(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"s06.png", "s06-other.png", "s06-jpeg50.jpg"} {
		data, err := os.ReadFile(filepath.Join("..", "integrity", "testdata", "screens", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), string(data))
	}
	writeFile(t, filepath.Join(dir, "posts.jsonl"),
		imagePost("mine", "ann", "16", "s06.png")+imagePost("theirs", "bob", "17", "s06-other.png")+imagePost("copied", "cat", "18", "s06-jpeg50.jpg"))
	res := evaluate(t, imageRules(t, dir), []string{dir}, campaign.Options{Workers: 2})
	for id, want := range map[string]string{"mine": "", "theirs": "", "copied": "reused-image"} {
		_, e := byID(t, res, id)
		if got := codesOf(e); got != want {
			t.Errorf("%s: codes %q, want %q", id, got, want)
		}
	}
	_, e := byID(t, res, "copied")
	if r := reasonOf(t, e, check.ReusedImage); r.Other != "mine" || !strings.Contains(r.Message, "tiles match (100%)") {
		t.Errorf("reason %+v", r)
	}
	i, _ := byID(t, res, "theirs")
	x := res.Explain(i, nil, nil)
	var msg string
	for _, r := range x.Checks {
		if r.Code == check.ReusedImage {
			msg = r.Message
		}
	}
	if !strings.HasPrefix(msg, "closest screenshot mine by ann (") || !strings.Contains(msg, "tiles match") || !strings.Contains(msg, "differs in x ") {
		t.Errorf("explain: %q", msg)
	}
}
