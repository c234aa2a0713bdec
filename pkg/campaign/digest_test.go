package campaign_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/rules"
)

// digestCampaign writes a campaign that uses every kind of input: two
// export folders, a brief, a judges' sheet, a local image that exists and
// one that does not.
func digestCampaign(t *testing.T, dir string) {
	t.Helper()
	files := map[string]string{
		"rules.yaml": tagRule + "media: {verify: false}\ncontent: {brief: brief.txt}\n" +
			"scoring: {judges: judges.csv, weights: {judges: 1}}\n",
		"brief.txt":      "活动说明：写一篇关于质押的文章。\n",
		"judges.csv":     "id,judge,score\np1,ann,7\n",
		"a/posts.jsonl":  `{"id": "p1", "author": "amy", "images": ["pics/one.png", "pics/gone.png"], "content": "#积分狂欢节# ` + essay + `"}` + "\n",
		"a/pics/one.png": "first image bytes",
		"b/more.jsonl":   jsonPost("p2", "bo", "16 11:00:00", another),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, name), data)
	}
}

func inputsDigest(t *testing.T, dir string, opt campaign.Options, args ...string) string {
	t.Helper()
	r := loadRulesFile(t, filepath.Join(dir, "rules.yaml"))
	paths := make([]string, len(args))
	for i, a := range args {
		paths[i] = filepath.Join(dir, a)
	}
	return evaluate(t, r, paths, opt).InputsDigest
}

// TestInputsDigestPinsEveryInput: each input that can change a verdict
// changes the digest. The brief, the judges' sheet and the images used to
// be left out, so editing them flipped verdicts under the same digest.
func TestInputsDigestPinsEveryInput(t *testing.T) {
	base := t.TempDir()
	digestCampaign(t, base)
	want := inputsDigest(t, base, campaign.Options{}, "a", "b")
	tests := []struct {
		name   string
		change func(dir string) error
		opt    campaign.Options
	}{
		{name: "an export file", change: appendTo("b/more.jsonl", "\n")},
		{name: "the brief", change: appendTo("brief.txt", "再加一句。\n")},
		{name: "the judges' sheet", change: appendTo("judges.csv", "p2,ann,5\n")},
		{name: "an image's bytes", change: appendTo("a/pics/one.png", "!")},
		{name: "a missing image added", change: appendTo("a/pics/gone.png", "now here")},
		{name: "an image removed", change: func(dir string) error { return os.Remove(filepath.Join(dir, "a/pics/one.png")) }},
		{name: "--encoding", change: func(string) error { return nil }, opt: campaign.Options{Encoding: "gbk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			digestCampaign(t, dir)
			if err := tt.change(dir); err != nil {
				t.Fatal(err)
			}
			if got := inputsDigest(t, dir, tt.opt, "a", "b"); got == want {
				t.Errorf("the digest did not change")
			}
		})
	}
}

// TestInputsDigestStays: nothing changed, nothing renamed: the same digest
// in another folder, with the arguments in another order, with any number
// of workers.
func TestInputsDigestStays(t *testing.T) {
	base := t.TempDir()
	digestCampaign(t, base)
	want := inputsDigest(t, base, campaign.Options{Workers: 1}, "a", "b")
	other := filepath.Join(t.TempDir(), "elsewhere")
	digestCampaign(t, other)
	for name, got := range map[string]string{
		"again":          inputsDigest(t, base, campaign.Options{Workers: 1}, "a", "b"),
		"argument order": inputsDigest(t, base, campaign.Options{Workers: 4}, "b", "a"),
		"another folder": inputsDigest(t, other, campaign.Options{}, "a", "b"),
	} {
		if got != want {
			t.Errorf("%s: digest %s, want %s", name, got, want)
		}
	}
}

func appendTo(name, data string) func(dir string) error {
	return func(dir string) error {
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = f.WriteString(data)
		return err
	}
}

func loadRulesFile(t *testing.T, path string) *rules.Rules {
	t.Helper()
	r, err := rules.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestOverlappingArguments: a file under two arguments (a and a/sub) is
// read once, under the same root whatever the order, so its image inside
// a but outside a/sub gets one verdict and the digest one value.
func TestOverlappingArguments(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "rules.yaml"), tagRule+"media: {verify: false}\n")
	writeFile(t, filepath.Join(dir, "a", "pics", "img.png"), "image bytes")
	writeFile(t, filepath.Join(dir, "a", "sub", "p.jsonl"),
		`{"id": "p1", "author": "amy", "images": ["../pics/img.png"], "content": "#积分狂欢节# `+essay+`"}`+"\n")
	r := loadRulesFile(t, filepath.Join(dir, "rules.yaml"))
	a, sub := filepath.Join(dir, "a"), filepath.Join(dir, "a", "sub")
	one := evaluate(t, r, []string{a, sub}, campaign.Options{})
	two := evaluate(t, r, []string{sub, a}, campaign.Options{Workers: 3})
	if one.InputsDigest != two.InputsDigest {
		t.Errorf("digests differ by argument order: %s %s", one.InputsDigest, two.InputsDigest)
	}
	if len(one.Entries) != 1 || len(two.Entries) != 1 || codesOf(&one.Entries[0]) != codesOf(&two.Entries[0]) {
		t.Fatalf("verdicts differ: %q / %q", codesOf(&one.Entries[0]), codesOf(&two.Entries[0]))
	}
	if !one.Entries[0].Valid() {
		t.Errorf("the image is inside the folder a: %s", codesOf(&one.Entries[0]))
	}
}
