package score_test

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
)

const baseRules = `
scoring:
  weights: {length: 1, topics: 2, engagement: 1, media: 0.5, originality: 1, judges: 0}
  length_target: 200
  topics:
    - {name: a, keywords: [x]}
    - {name: b, keywords: [y]}
`

func mustRules(t testing.TB, yaml string) *rules.Rules {
	t.Helper()
	r, err := rules.Parse("rules.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("rules.Parse: %v", err)
	}
	return r
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }

func assertComponents(t *testing.T, got, want score.Components) {
	t.Helper()
	g := []float64{got.Length, got.Topics, got.Engagement, got.Media, got.Originality, got.Judges}
	w := []float64{want.Length, want.Topics, want.Engagement, want.Media, want.Originality, want.Judges}
	for i, name := range []string{"length", "topics", "engagement", "media", "originality", "judges"} {
		if !near(g[i], w[i]) {
			t.Errorf("%s = %v, want %v", name, g[i], w[i])
		}
	}
}

// field is three entries worked out by hand:
//
//	a: length 100/200, 1 of 2 topics, log1p(10+2·2+3·1) = log 18 (the
//	   field's highest), 1 image, similarity 0.3 beats brief 0.1
//	b: length 300 (capped), 2 of 2 topics, no engagement, 3 images
//	   (capped), brief 0.5
//	c: invalid, so its larger engagement does not set the field's highest
func field() ([]check.Entry, []float64) {
	entries := []check.Entry{
		{ID: "a", Measure: check.Measure{Length: 100, Topics: 1, Likes: 10, Comments: 2, Reposts: 1, Images: 1, Brief: 0.1}},
		{ID: "b", Measure: check.Measure{Length: 300, Topics: 2, Images: 3, Brief: 0.5}},
		{ID: "c", Measure: check.Measure{Length: 50, Likes: 1000, Brief: 0.9},
			Reasons: []check.Reason{{Code: check.TooShort}}},
	}
	return entries, []float64{0.3, 0, 0.2}
}

func TestComponents(t *testing.T) {
	entries, sims := field()
	res := score.New(mustRules(t, baseRules), nil).Score(entries, sims)
	top := math.Log(18)
	want := []struct {
		c          score.Components
		score, eng float64
	}{
		{c: score.Components{Length: 0.5, Topics: 0.5, Engagement: 1, Media: 0.5, Originality: 0.7}, score: 100 * 3.45 / 5.5, eng: top},
		{c: score.Components{Length: 1, Topics: 1, Engagement: 0, Media: 1, Originality: 0.5}, score: 100 * 4 / 5.5, eng: 0},
		// Engagement above the field's highest is capped: components stay in [0,1].
		{c: score.Components{Length: 0.25, Topics: 0, Engagement: 1, Media: 0, Originality: 0.1}, score: 100 * 1.35 / 5.5, eng: math.Log(1001)},
	}
	for i, w := range want {
		t.Run(entries[i].ID, func(t *testing.T) {
			assertComponents(t, res[i].C, w.c)
			if !near(res[i].Score, w.score) {
				t.Errorf("score %v, want %v", res[i].Score, w.score)
			}
			if !near(res[i].Engagement, w.eng) {
				t.Errorf("engagement %v, want %v", res[i].Engagement, w.eng)
			}
			if res[i].Similarity != sims[i] {
				t.Errorf("similarity %v, want %v", res[i].Similarity, sims[i])
			}
		})
	}
}

// TestHugeEngagement: counts near the int64 limit are summed without
// overflow. The overflowed sum was negative, its logarithm NaN, and the
// NaN field highest gave every entry an engagement of 0.
func TestHugeEngagement(t *testing.T) {
	const huge = math.MaxInt64
	entries := []check.Entry{
		{ID: "viral", Measure: check.Measure{Likes: huge, Comments: huge, Reposts: huge}},
		{ID: "small", Measure: check.Measure{Likes: 10}},
		{ID: "negative", Measure: check.Measure{Likes: -5, Comments: math.MinInt64, Reposts: 2}},
	}
	res := score.New(mustRules(t, baseRules), nil).Score(entries, []float64{0, 0, 0})
	top := math.Log1p(6 * float64(huge))
	want := []struct{ eng, c float64 }{
		{eng: top, c: 1},
		{eng: math.Log(11), c: math.Log(11) / top},
		{eng: math.Log(7), c: math.Log(7) / top},
	}
	for i, w := range want {
		if !near(res[i].Engagement, w.eng) || !near(res[i].C.Engagement, w.c) {
			t.Errorf("%s: engagement %v, component %v; want %v, %v", entries[i].ID, res[i].Engagement, res[i].C.Engagement, w.eng, w.c)
		}
	}
}

// TestUnreadableScoresNothing: an entry that could not be read has no
// text to be original with; it used to show originality 1 and a score.
func TestUnreadableScoresNothing(t *testing.T) {
	entries := []check.Entry{{ID: "broken", Reasons: []check.Reason{{Code: check.Unreadable}}}}
	res := score.New(mustRules(t, baseRules), nil).Score(entries, []float64{0})
	if res[0].Score != 0 || res[0].C != (score.Components{}) {
		t.Errorf("score %v, components %+v; want 0 and none", res[0].Score, res[0].C)
	}
}

func TestWeights(t *testing.T) {
	entries, sims := field()
	tests := []struct {
		name    string
		weights string
		want    float64 // score of entry a
	}{
		{name: "topics only", weights: "{length: 0, topics: 1, engagement: 0, media: 0, originality: 0}", want: 50},
		{name: "engagement only", weights: "{length: 0, topics: 0, engagement: 3, media: 0, originality: 0}", want: 100},
		{name: "length and media", weights: "{length: 1, topics: 0, engagement: 0, media: 1, originality: 0}", want: 50},
		{name: "originality twice length", weights: "{length: 1, topics: 0, engagement: 0, media: 0, originality: 2}", want: 100 * 1.9 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRules(t, strings.Replace(baseRules, "{length: 1, topics: 2, engagement: 1, media: 0.5, originality: 1, judges: 0}", tt.weights, 1))
			got := score.New(r, nil).Score(entries, sims)[0].Score
			if !near(got, tt.want) {
				t.Errorf("score %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNoTopicsNoEngagement(t *testing.T) {
	r := mustRules(t, "scoring: {length_target: 10}\n")
	res := score.New(r, nil).Score([]check.Entry{{ID: "a", Measure: check.Measure{Length: 5}}}, []float64{0})
	assertComponents(t, res[0].C, score.Components{Length: 0.5, Originality: 1})
	// (1·0.5 + 2·0 + 1·0 + 0.5·0 + 1·1) / 5.5
	if !near(res[0].Score, 100*1.5/5.5) {
		t.Errorf("score %v", res[0].Score)
	}
}

func TestJudges(t *testing.T) {
	const yaml = "scoring:\n  weights: {length: 0, topics: 0, engagement: 0, media: 0, originality: 0, judges: 1}\n  judges_scale: {min: 1, max: 5}\n"
	r := mustRules(t, yaml)
	judges := score.Judges{"a": {4, 5, 3}, "b": {1}, "c": {5, 5}}
	entries := []check.Entry{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}
	res := score.New(r, judges).Score(entries, make([]float64, 4))
	for i, want := range []float64{0.75, 0, 1, 0} {
		if !near(res[i].C.Judges, want) {
			t.Errorf("%s: judges %v, want %v", entries[i].ID, res[i].C.Judges, want)
		}
		if !near(res[i].Score, 100*want) {
			t.Errorf("%s: score %v, want %v", entries[i].ID, res[i].Score, 100*want)
		}
	}
}

var (
	t0 = time.Date(2025, 7, 16, 0, 0, 0, 0, time.UTC)
	t1 = t0.Add(time.Second)
)

func TestEarlier(t *testing.T) {
	tests := []struct {
		name string
		a, b check.Entry
		want int
	}{
		{name: "earlier time first", a: check.Entry{ID: "z", CreatedAt: t0, HasTime: true}, b: check.Entry{ID: "a", CreatedAt: t1, HasTime: true}, want: -1},
		{name: "later time last", a: check.Entry{ID: "a", CreatedAt: t1, HasTime: true}, b: check.Entry{ID: "z", CreatedAt: t0, HasTime: true}, want: 1},
		{name: "no time after any time", a: check.Entry{ID: "a"}, b: check.Entry{ID: "z", CreatedAt: t1, HasTime: true}, want: 1},
		{name: "time before no time", a: check.Entry{ID: "z", CreatedAt: t1, HasTime: true}, b: check.Entry{ID: "a"}, want: -1},
		{name: "same time: id byte order, upper case first", a: check.Entry{ID: "B", CreatedAt: t0, HasTime: true}, b: check.Entry{ID: "a", CreatedAt: t0, HasTime: true}, want: -1},
		{name: "same time: p10 before p2", a: check.Entry{ID: "p10", CreatedAt: t0, HasTime: true}, b: check.Entry{ID: "p2", CreatedAt: t0, HasTime: true}, want: -1},
		{name: "no times: id order", a: check.Entry{ID: "b"}, b: check.Entry{ID: "a"}, want: 1},
		{name: "same instant in two zones", a: check.Entry{ID: "b", CreatedAt: t0.In(time.FixedZone("CST", 8*3600)), HasTime: true}, b: check.Entry{ID: "a", CreatedAt: t0, HasTime: true}, want: 1},
		{name: "same id: source order", a: check.Entry{ID: "x", File: "a.jsonl", Line: 9}, b: check.Entry{ID: "x", File: "b.jsonl", Line: 1}, want: -1},
		{name: "same id, same file: line 9 before line 10", a: check.Entry{ID: "x", File: "a.jsonl", Line: 9}, b: check.Entry{ID: "x", File: "a.jsonl", Line: 10}, want: -1},
		{name: "same id: file before line", a: check.Entry{ID: "x", File: "a.jsonl", Line: 10}, b: check.Entry{ID: "x", File: "a.jsonl.bak.jsonl", Line: 9}, want: -1},
		{name: "same id, same line: column 9 before column 10", a: check.Entry{ID: "x", File: "a.json", Line: 1, Col: 10}, b: check.Entry{ID: "x", File: "a.json", Line: 1, Col: 9}, want: 1},
		{name: "same id, same line: first of the line first", a: check.Entry{ID: "x", File: "a.json", Line: 1}, b: check.Entry{ID: "x", File: "a.json", Line: 1, Col: 40}, want: -1},
		{name: "identical", a: check.Entry{ID: "x", File: "a.jsonl", Line: 1}, b: check.Entry{ID: "x", File: "a.jsonl", Line: 1}, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := score.Earlier(&tt.a, &tt.b); got != tt.want {
				t.Errorf("Earlier = %d, want %d", got, tt.want)
			}
			if got := score.Earlier(&tt.b, &tt.a); got != -tt.want {
				t.Errorf("Earlier reversed = %d, want %d", got, -tt.want)
			}
		})
	}
}

func TestOrder(t *testing.T) {
	early := check.Entry{ID: "z", CreatedAt: t0, HasTime: true}
	late := check.Entry{ID: "a", CreatedAt: t1, HasTime: true}
	tests := []struct {
		name   string
		sa, sb float64
		want   int
	}{
		{name: "higher score first", sa: 60, sb: 50, want: -1},
		{name: "lower score last", sa: 50, sb: 60, want: 1},
		{name: "tie: earlier first", sa: 50, sb: 50, want: -1},
		{name: "exact values, not rounded", sa: 50.000000000001, sb: 50.000000000002, want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := score.Order(&early, &late, tt.sa, tt.sb); got != tt.want {
				t.Errorf("Order = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestRank(t *testing.T) {
	entries := []check.Entry{
		{ID: "late", CreatedAt: t1, HasTime: true},
		{ID: "bad", CreatedAt: t0, HasTime: true, Reasons: []check.Reason{{Code: check.MissingTag}}},
		{ID: "best", CreatedAt: t1, HasTime: true},
		{ID: "early", CreatedAt: t0, HasTime: true},
		{ID: "notime"},
		{ID: "limited", CreatedAt: t0, HasTime: true, Reasons: []check.Reason{{Code: check.AuthorLimit}}},
		{ID: "b-same", CreatedAt: t1, HasTime: true},
	}
	scores := []float64{50, 99, 90, 50, 50, 95, 50}
	results := make([]score.Result, len(scores))
	for i, s := range scores {
		results[i].Score = s
	}
	var got []string
	for _, i := range score.Rank(entries, results, 2) {
		got = append(got, entries[i].ID)
	}
	want := []string{"best", "early", "b-same", "late", "notime"}
	if !slices.Equal(got, want) {
		t.Errorf("Rank = %v, want %v", got, want)
	}
	if n := len(score.Rank(nil, nil, 2)); n != 0 {
		t.Errorf("Rank of nothing has %d entries", n)
	}
}

func TestCompetes(t *testing.T) {
	tests := []struct {
		name    string
		reasons []check.Reason
		want    bool
	}{
		{name: "valid", want: true},
		{name: "author limit only", reasons: []check.Reason{{Code: check.AuthorLimit}}, want: true},
		{name: "author limit and another", reasons: []check.Reason{{Code: check.AuthorLimit}, {Code: check.NearDuplicate}}},
		{name: "unreadable", reasons: []check.Reason{{Code: check.Unreadable}}},
		// Passes, recorded for explain, are not findings (as in Entry.Valid).
		{name: "passes only", reasons: []check.Reason{{Code: check.MissingTag, Pass: true}, {Code: check.TooShort, Pass: true}}, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := score.Competes(&check.Entry{Reasons: tt.reasons}); got != tt.want {
				t.Errorf("Competes = %v, want %v", got, tt.want)
			}
		})
	}
}

const quoteHint = "; quote a cell holding a comma or a quote, and double the quotes inside it"

func TestReadJudges(t *testing.T) {
	tests := []struct {
		name, csv string
		want      score.Judges
		err       string
	}{
		{name: "rows", csv: "p1,ann,8\np1,bo,6.5\np2,ann,0\n", want: score.Judges{"p1": {8, 6.5}, "p2": {0}}},
		{name: "header row", csv: "id,judge,score\np1,ann,8\n", want: score.Judges{"p1": {8}}},
		{name: "header in capitals, spaces, CRLF", csv: "ID, Judge, Score\r\n p1 , ann , 10 \r\n", want: score.Judges{"p1": {10}}},
		{name: "byte-order mark", csv: "\ufeffid,judge,score\np1,ann,7\n", want: score.Judges{"p1": {7}}},
		{name: "blank lines skipped", csv: "p1,ann,8\n\n\np2,ann,9\n", want: score.Judges{"p1": {8}, "p2": {9}}},
		{name: "empty file", csv: "", want: score.Judges{}},
		{name: "not a number", csv: "id,judge,score\np1,ann,8\np2,bo,eight\n", err: `judges.csv:3: score "eight" of entry p2 is not a number`},
		{name: "NaN", csv: "p1,ann,NaN\n", err: `judges.csv:1: score "NaN" of entry p1 is not a number`},
		{name: "empty score", csv: "p1,ann,\n", err: `judges.csv:1: score "" of entry p1 is not a number`},
		{name: "above the scale", csv: "p1,ann,8\np2,ann,11\n", err: "judges.csv:2: score 11 of entry p2 is outside the scale 0–10 (scoring.judges_scale)"},
		{name: "below the scale", csv: "p1,ann,-1\n", err: "judges.csv:1: score -1 of entry p1 is outside the scale 0–10 (scoring.judges_scale)"},
		{name: "infinity", csv: "p1,ann,+Inf\n", err: "judges.csv:1: score +Inf of entry p1 is outside the scale 0–10 (scoring.judges_scale)"},
		{name: "two columns", csv: "p1,ann,8\np2,9\n", err: "judges.csv:2: want 3 columns id,judge,score, got 2"},
		{name: "four columns", csv: "p1,ann,8,extra\n", err: "judges.csv:1: want 3 columns id,judge,score, got 4"},
		{name: "line of a quoted newline", csv: "\"p\n1\",ann,8\np2,ann,x\n", err: `judges.csv:3: score "x" of entry p2 is not a number`},
		{name: "broken quotes", csv: "p1,ann,8\np2,a\"nn,9\n", err: "judges.csv:2:5: bare \" in non-quoted-field" + quoteHint},
		// The reader has no field positions for a first record it cannot
		// read: asking for them panicked.
		{name: "broken quotes on the first line", csv: "p\"1,ann,8\n", err: "judges.csv:1:2: bare \" in non-quoted-field" + quoteHint},
		{name: "unclosed quote on the first line", csv: "\"p1,ann,8\n", err: "judges.csv:1:11: extraneous or missing \" in quoted-field" + quoteHint},
		{name: "quote left open over lines", csv: "id,judge,score\n\"p1,ann,8\np2,ann,7\n", err: "judges.csv:2: extraneous or missing \" in quoted-field" + quoteHint},
		{name: "unclosed quote after the header", csv: "id,judge,score\n\"p1,ann,8", err: "judges.csv:2:10: extraneous or missing \" in quoted-field" + quoteHint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "judges.csv")
			if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			sheet, err := score.ReadJudges(path, 0, 0, 10)
			if tt.err != "" {
				if err == nil || err.Error() != filepath.Join(dir, tt.err) {
					t.Fatalf("error %v\nwant %s", err, filepath.Join(dir, tt.err))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := sheet.Judges(score.NormalizeNone)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for id, w := range tt.want {
				if !slices.Equal(got[id], w) {
					t.Errorf("%s: %v, want %v", id, got[id], w)
				}
			}
		})
	}
}

func TestReadJudgesMissingFile(t *testing.T) {
	_, err := score.ReadJudges(filepath.Join(t.TempDir(), "none.csv"), 0, 0, 10)
	if err == nil || !strings.HasPrefix(err.Error(), "judges file: open ") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v", err)
	}
}
