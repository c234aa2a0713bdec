package announce

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestInferSeed(t *testing.T) {
	in, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Infer(string(in))
	lines := map[string]int{}
	for k, src := range got.From {
		lines[k] = src.Line
	}
	got.From = nil
	want := Inferred{
		Name:      "Gate Alpha 第三届积分狂欢节 & ES Launchpool",
		Tags:      []string{"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"},
		MinLength: 60, Unit: "graphemes", MinImages: 1, Winners: 10, Pool: "1250", Token: "ES",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Infer(seed) = %+v\nwant %+v", got, want)
	}
	wantLines := map[string]int{
		"name": 1, "tags.all_of": 8, "tags.all_of[0]": 8, "length.min": 10, "length.unit": 10,
		"media.min_images": 6, "rewards.winners": 12, "rewards.pool": 2, "rewards.token": 2,
	}
	if !reflect.DeepEqual(lines, wantLines) {
		t.Errorf("source lines = %v\nwant %v", lines, wantLines)
	}
}

func TestDefaultTemplate(t *testing.T) {
	out := DefaultTemplate()
	doc := checkRuleFile(t, out)
	rw := doc["rewards"].(map[string]any)
	if rw["pool"] != defaultPool || rw["token"] != defaultToken || rw["winners"] != defaultWinners {
		t.Errorf("rewards = %v; want the placeholder pool, token and winners", rw)
	}
	if got := doc["tags"].(map[string]any)["all_of"]; !reflect.DeepEqual(got, []any{}) {
		t.Errorf("tags.all_of = %#v; want an empty list", got)
	}
	if got := doc["content"].(map[string]any)["brief"]; got != "" {
		t.Errorf("content.brief = %#v; want \"\"", got)
	}
	if n := strings.Count(string(out), "# TODO:"); n != 11 {
		t.Errorf("default template has %d TODOs; want 11 (name, window x3, tags, length, media, brief, pool, token, winners)", n)
	}
	if strings.Contains(string(out), "# from line") {
		t.Error("default template names a source line")
	}
}

func TestTemplateValues(t *testing.T) {
	tests := []struct {
		name  string
		inf   Inferred
		brief string
		check func(t *testing.T, doc map[string]any)
	}{
		{"brief path", Inferred{}, "announcement.txt", func(t *testing.T, doc map[string]any) {
			if got := doc["content"].(map[string]any)["brief"]; got != "announcement.txt" {
				t.Errorf("content.brief = %#v", got)
			}
		}},
		{"pool decimals", Inferred{Pool: "12.345", Token: "BTC"}, "", func(t *testing.T, doc map[string]any) {
			rw := doc["rewards"].(map[string]any)
			if rw["pool"] != "12.345" || rw["decimals"] != 3 || rw["token"] != "BTC" {
				t.Errorf("rewards = %v; want pool 12.345, decimals 3, token BTC", rw)
			}
		}},
		{"length target follows a long minimum", Inferred{MinLength: 400, Unit: "han"}, "", func(t *testing.T, doc map[string]any) {
			if got := doc["scoring"].(map[string]any)["length_target"]; got != 800 {
				t.Errorf("length_target = %v; want 800", got)
			}
			if got := doc["length"].(map[string]any)["unit"]; got != "han" {
				t.Errorf("length.unit = %v; want han", got)
			}
		}},
		{"hostile text stays in its scalar", Inferred{
			Name: "a\"b\\c\n# x: y\u2028z\x00", Tags: []string{"#a: b#", "$YES"}, Token: "NO", Pool: "1",
			From: map[string]Source{"name": {Line: 1, Text: "x\u2028y: z\r\n- w\u0085\ufeff\xff"}, "tags.all_of[0]": {Line: 2, Text: "#]\t{"}},
		}, "", func(t *testing.T, doc map[string]any) {
			if got := doc["name"]; got != "a\"b\\c\n# x: y\u2028z\x00" {
				t.Errorf("name = %q", got)
			}
			tags := doc["tags"].(map[string]any)["all_of"]
			if !reflect.DeepEqual(tags, []any{"#a: b#", "$YES"}) {
				t.Errorf("tags.all_of = %#v", tags)
			}
			if got := doc["rewards"].(map[string]any)["token"]; got != "NO" {
				t.Errorf("token = %#v; want the string NO", got)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.check(t, checkRuleFile(t, Template(&tc.inf, tc.brief)))
		})
	}
}

func TestTemplateNil(t *testing.T) {
	if got, want := string(Template(nil, "")), string(DefaultTemplate()); got != want {
		t.Error("Template(nil) differs from DefaultTemplate()")
	}
}

func TestCommentText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"short", "本次活動總獎池:1,250 枚 ES", "本次活動總獎池:1,250 枚 ES"},
		{"line breaks become spaces", "a\u2028b\u0085c\rd", "a b c d"},
		{"clipped by columns", strings.Repeat("字", 40), strings.Repeat("字", 30) + "…"},
		{"clipped latin", strings.Repeat("a", 70), strings.Repeat("a", 60) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := commentText(tc.in); got != tc.want {
				t.Errorf("commentText(%q) = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}
