package rules

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/text"
	"github.com/shopspring/decimal"
)

func mustLoad(t *testing.T, path string) *Rules {
	t.Helper()
	r, err := Load(path)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	return r
}

func TestLoadFull(t *testing.T) {
	r := mustLoad(t, filepath.Join("testdata", "full.yaml"))
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	tests := []struct {
		name      string
		got, want any
	}{
		{"name", r.Name, "Gate Alpha 第三届积分狂欢节 & ES Launchpool"},
		{"window set", r.Window.Set, true},
		{"window start", r.Window.Start, time.Date(2025, 7, 15, 10, 0, 0, 0, shanghai)},
		{"window end", r.Window.End, time.Date(2025, 7, 22, 23, 59, 59, 0, shanghai)},
		{"window zone", r.Window.Location.String(), "Asia/Shanghai"},
		{"export zone", r.Export.Location.String(), "Asia/Shanghai"},
		{"encoding", r.Export.Encoding, "utf-8"},
		{"fields", r.Fields, Fields{ID: "post_id", Author: "user", Content: "text", Images: "pics", CreatedAt: "time", Likes: "likes", Comments: "comments", Reposts: "shares", Views: "views"}},
		{"all_of", r.Tags.AllOf, []string{"#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"}},
		{"any_of", r.Tags.AnyOf, []string{"#ES", "$ES"}},
		{"fold", r.Tags.Fold, text.AllFolds},
		{"length", [2]int{r.Length.Min, r.Length.Max}, [2]int{60, 2000}},
		{"unit", r.Length.Unit, text.Weibo},
		{"exclude", r.Length.Exclude, text.ExcludeTags | text.ExcludeURLs | text.ExcludeMentions | text.ExcludeWhitespace | text.ExcludeEmoji},
		{"media", r.Media, Media{MinImages: 1, Verify: true, MinWidth: 200, MinHeight: 200, ReuseDistance: 8, ReuseTiles: 0.98}},
		{"authors", r.Authors, Authors{MaxEntries: 1, Keep: KeepBest, Blocklist: []string{"spam_bot_01"}}},
		{"banned", r.Content.Banned, []string{"稳赚不赔", "guaranteed profit"}},
		{"brief path", r.Content.BriefPath, filepath.Join("testdata", "announcement.txt")},
		{"thresholds", [2]float64{r.Content.BriefThreshold, r.Content.DuplicateThreshold}, [2]float64{0.6, 0.8}},
		{"weights", r.Scoring.Weights, Weights{Length: 1, Topics: 2, Engagement: 1, Media: 0.5, Originality: 1, Judges: 1}},
		{"length target", r.Scoring.LengthTarget, 300},
		{"topics", r.Scoring.Topics, []Topic{
			{Name: "项目亮点", Keywords: []string{"Eclipse", "SVM", "Solana", "以太坊", "Layer 2"}},
			{Name: "代币机制", Keywords: []string{"代币", "总量", "解锁", "tokenomics"}},
		}},
		{"judges path", r.Scoring.JudgesPath, filepath.Join("testdata", "judges.csv")},
		{"judges scale", r.Scoring.JudgesScale, Scale{Min: 1, Max: 5}},
		{"pool", r.Rewards.Pool.String(), "1250"},
		{"token", r.Rewards.Token, "ES"},
		{"decimals", r.Rewards.Decimals, 2},
		{"winners", r.Rewards.Winners, 10},
		{"split", r.Rewards.Split, SplitTiered},
		{"ties", r.Rewards.Ties, TiesShare},
		{"max per winner", r.Rewards.MaxPerWinner.String(), "400"},
		{"tiers", tierText(r.Rewards.Tiers), []string{"1-1:300", "2-3:150", "4-10:92.85"}},
		{"dir", r.Dir(), "testdata"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %#v, want %#v", tt.got, tt.want)
			}
		})
	}
}

func tierText(tiers []Tier) []string {
	var out []string
	for _, t := range tiers {
		out = append(out, decimal.NewFromInt(int64(t.From)).String()+"-"+decimal.NewFromInt(int64(t.To)).String()+":"+t.Amount.String())
	}
	return out
}

func TestLoadJSON(t *testing.T) {
	r := mustLoad(t, filepath.Join("testdata", "rules.json"))
	tests := []struct {
		name      string
		got, want any
	}{
		{"name", r.Name, "JSON campaign"},
		{"start is start of day", r.Window.Start, time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC)},
		{"end is end of day", r.Window.End, time.Date(2025, 7, 22, 23, 59, 59, 999999999, time.UTC)},
		{"export zone falls back on window zone", r.Export.Location.String(), "UTC"},
		{"unit", r.Length.Unit, text.Runes},
		{"pool from a JSON number", r.Rewards.Pool.String(), "100.5"},
		{"tiers with integer ranks", tierText(r.Rewards.Tiers), []string{"1-1:50", "2-3:25.2"}},
		{"defaults kept", r.Length.Exclude, text.ExcludeTags | text.ExcludeURLs | text.ExcludeMentions | text.ExcludeWhitespace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %#v, want %#v", tt.got, tt.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "nope.yaml"))
	want := "testdata/nope.yaml: cannot read the rule file: no such file or directory; check the rule file's path (-r/--rules, or the argument of rules check)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestParseDefaults checks that a minimal file means exactly Default().
func TestParseDefaults(t *testing.T) {
	r, err := Parse("rules.yaml", []byte("name: x\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	d.Name, d.Path = "x", "rules.yaml"
	d.data, d.pos = r.data, r.pos
	if !reflect.DeepEqual(r, d) {
		t.Errorf("got\n%#v\nwant\n%#v", r, d)
	}
	if r.Window.Set || r.Rewards.Winners != 0 || !r.Rewards.Pool.IsZero() {
		t.Errorf("no window and no rewards expected: %+v %+v", r.Window, r.Rewards)
	}
}

func TestParseValidForms(t *testing.T) {
	tests := []struct {
		name, in string
		check    func(*Rules) any
		want     any
	}{
		{"null keeps default", "length: {unit: ~}\n", func(r *Rules) any { return r.Length.Unit }, text.Graphemes},
		{"empty exclude counts everything", "length: {exclude: []}\n", func(r *Rules) any { return r.Length.Exclude }, text.Exclude(0)},
		{"offset zone", "window: {start: \"2025-07-15 10:00\", timezone: \"+08:00\"}\n", func(r *Rules) any { return r.Window.Start.UTC() }, time.Date(2025, 7, 15, 2, 0, 0, 0, time.UTC)},
		{"utc offset zone", "export: {timezone: UTC-5}\n", func(r *Rules) any { _, off := time.Date(2025, 1, 1, 0, 0, 0, 0, r.Export.Location).Zone(); return off }, -5 * 3600},
		{"rfc3339 keeps its offset", "window: {end: \"2025-07-22T23:59:59+09:00\", timezone: UTC}\n", func(r *Rules) any { return r.Window.End.UTC() }, time.Date(2025, 7, 22, 14, 59, 59, 0, time.UTC)},
		{"only end", "window: {end: \"2025-07-22\"}\n", func(r *Rules) any { return [2]bool{r.Window.Set, r.Window.Start.IsZero()} }, [2]bool{true, true}},
		{"date order upper case", "export: {date_order: DMY}\n", func(r *Rules) any { return r.Export.DateOrder }, "dmy"},
		{"encoding upper case", "export: {encoding: GBK}\n", func(r *Rules) any { return r.Export.Encoding }, "gbk"},
		{"window zone falls back on export zone", "export: {timezone: Asia/Tokyo}\nwindow: {start: \"2025-07-15\"}\n", func(r *Rules) any { return r.Window.Start.Location().String() }, "Asia/Tokyo"},
		{"anchors and aliases", "tags: {all_of: &t [\"#ES\"], any_of: *t}\n", func(r *Rules) any { return r.Tags.AnyOf }, []string{"#ES"}},
		{"folds off", "tags: {match: {fold_script: false}}\n", func(r *Rules) any { return r.Tags.Fold }, text.Fold{Width: true, Case: true, Space: true}},
		{"pool with trailing zero", "rewards: {pool: \"10.50\", winners: 1, decimals: 1}\n", func(r *Rules) any { return r.Rewards.Pool.String() }, "10.5"},
		{"tiers sorted", "rewards:\n  pool: 100\n  winners: 3\n  tiers: [{ranks: \"2 - 3\", amount: 10}, {ranks: 1, amount: 50}]\n", func(r *Rules) any { return tierText(r.Rewards.Tiers) }, []string{"1-1:50", "2-3:10"}},
		{"tiers exactly the pool", "rewards:\n  pool: \"1249.95\"\n  winners: 10\n  tiers: [{ranks: \"1\", amount: \"300\"}, {ranks: \"2-3\", amount: \"150\"}, {ranks: \"4-10\", amount: \"92.85\"}]\n", func(r *Rules) any { return len(r.Rewards.Tiers) }, 3},
		{"unlimited entries", "authors: {max_entries: 0, keep: first}\n", func(r *Rules) any { return r.Authors }, Authors{MaxEntries: 0, Keep: KeepFirst}},
		{"fullwidth sigil", "tags: {all_of: [\"＃积分狂欢节＃\"]}\n", func(r *Rules) any { return r.Tags.AllOf[0] }, "＃积分狂欢节＃"},
		{"utf-8 bom", "\ufeffname: bom\n", func(r *Rules) any { return r.Name }, "bom"},
		{"utf-16le with bom", "\xff\xfen\x00a\x00m\x00e\x00:\x00 \x00\xef\x79\n\x00", func(r *Rules) any { return r.Name }, "积"},
		{"comment after a filled tag list", "tags:\n  all_of: [\"#ES\"]  # required\n", func(r *Rules) any { return r.Tags.AllOf }, []string{"#ES"}},
		{"a real comment after an empty any_of", "tags:\n  any_of:   # none yet\n", func(r *Rules) any { return len(r.Tags.AnyOf) }, 0},
		{"comment after an empty any_of", "tags:\n  any_of: []  # none\n", func(r *Rules) any { return len(r.Tags.AnyOf) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("rules.yaml", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.check(r); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestWindowContains(t *testing.T) {
	start := time.Date(2025, 7, 15, 10, 0, 0, 0, time.UTC)
	end := time.Date(2025, 7, 22, 23, 59, 59, 0, time.UTC)
	tests := []struct {
		name string
		w    Window
		at   time.Time
		want bool
	}{
		{"no window", Window{}, start.AddDate(-5, 0, 0), true},
		{"at start", Window{Start: start, End: end}, start, true},
		{"before start", Window{Start: start, End: end}, start.Add(-time.Second), false},
		{"at end", Window{Start: start, End: end}, end, true},
		{"after end", Window{Start: start, End: end}, end.Add(time.Second), false},
		{"open end", Window{Start: start}, end.AddDate(1, 0, 0), true},
		{"open start", Window{End: end}, start.AddDate(-1, 0, 0), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Contains(tt.at); got != tt.want {
				t.Errorf("Contains(%v) = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
}

// TestUnfilledDefault: the rule for empty places follows the split unless
// the file names one, also after an override.
func TestUnfilledDefault(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"equal", "rewards: {pool: 10, winners: 2}\n", UnfilledRedistribute},
		{"proportional", "rewards: {pool: 10, winners: 2, split: proportional}\n", UnfilledRedistribute},
		{"tiered", "rewards: {pool: 10, winners: 1, split: tiered, tiers: [{ranks: \"1\", amount: 5}]}\n", UnfilledLeave},
		{"equal, leave", "rewards: {pool: 10, winners: 2, unfilled: leave}\n", UnfilledLeave},
		{"tiered, redistribute", "rewards: {pool: 10, winners: 1, split: tiered, unfilled: redistribute, tiers: [{ranks: \"1\", amount: 5}]}\n", UnfilledRedistribute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("rules.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Apply(Overrides{Pool: ptr("9")}); err != nil {
				t.Fatal(err)
			}
			if r.Rewards.Unfilled != tt.want {
				t.Errorf("unfilled %q, want %q", r.Rewards.Unfilled, tt.want)
			}
		})
	}
}
