package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
	"github.com/shopspring/decimal"
)

// object is a JSON object with its keys in document order, which a map
// forgets.
type object struct {
	keys []string
	vals map[string]any
}

func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := &object{vals: map[string]any{}}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			o.keys = append(o.keys, k.(string))
			o.vals[k.(string)] = v
		}
		_, err = dec.Token()
		return o, err
	case json.Delim('['):
		list := []any{}
		for dec.More() {
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err = dec.Token()
		return list, err
	}
	return tok, nil
}

func parseOrdered(t *testing.T, data []byte) *object {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeOrdered(dec)
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, data)
	}
	o, ok := v.(*object)
	if !ok {
		t.Fatalf("top level is %T, want an object", v)
	}
	return o
}

// at walks a path of keys and list indexes.
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch p := p.(type) {
		case string:
			o, ok := v.(*object)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, p)
			}
			v = o.vals[p]
		case int:
			l, ok := v.([]any)
			if !ok || p >= len(l) {
				t.Fatalf("%v: no element %d", path, p)
			}
			v = l[p]
		}
	}
	return v
}

func keysAt(t *testing.T, root *object, path ...any) []string {
	t.Helper()
	o, ok := at(t, root, path...).(*object)
	if !ok {
		t.Fatalf("%v is not an object", path)
	}
	return o.keys
}

func jsonOf(t *testing.T, f func(io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJSONFieldOrder(t *testing.T) {
	s := sampleStandings()
	doc := parseOrdered(t, jsonOf(t, func(w io.Writer) error { return StandingsJSON(w, s) }))
	tests := []struct {
		name string
		path []any
		want []string
	}{
		{"top level", nil, []string{"campaign", "rules_digest", "inputs_digest", "summary", "entries", "clusters", "ranking", "rewards"}},
		{"summary", []any{"summary"}, []string{"entries", "valid", "invalid", "unreadable", "by_reason"}},
		{"entry", []any{"entries", 0}, []string{"id", "author", "source", "valid", "reasons", "length"}},
		{"reason with measure", []any{"entries", 1, "reasons", 1}, []string{"code", "message", "measured", "limit"}},
		{"reason naming another entry", []any{"entries", 4, "reasons", 0}, []string{"code", "message", "measured", "limit", "other"}},
		{"place", []any{"ranking", 0}, []string{"rank", "id", "author", "score", "components", "reward"}},
		{"components", []any{"ranking", 0, "components"}, []string{"engagement", "judges", "length", "media", "originality", "topics"}},
		{"rewards", []any{"rewards"}, []string{"pool", "token", "paid", "leftover"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keysAt(t, doc, tt.path...); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("keys %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValidationJSONHasNoRanking(t *testing.T) {
	doc := parseOrdered(t, jsonOf(t, func(w io.Writer) error { return ValidationJSON(w, sampleValidation()) }))
	want := []string{"campaign", "rules_digest", "inputs_digest", "summary", "entries", "clusters"}
	if !reflect.DeepEqual(doc.keys, want) {
		t.Errorf("keys %q, want %q", doc.keys, want)
	}
}

func TestJSONOtherDocumentsFieldOrder(t *testing.T) {
	tests := []struct {
		name   string
		render func(io.Writer) error
		want   []string
	}{
		{"split", func(w io.Writer) error { return SplitJSON(w, sampleSplit()) }, []string{"pool", "token", "paid", "leftover", "winners"}},
		{"draw", func(w io.Writer) error { return DrawJSON(w, sampleDraw()) }, []string{"seed", "eligible", "eligible_digest", "winners", "alternates"}},
		{"explanation", func(w io.Writer) error { return ExplanationJSON(w, sampleExplanation()) },
			[]string{"id", "author", "source", "valid", "checks", "length", "score", "components", "rank", "reward", "token"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseOrdered(t, jsonOf(t, tt.render)).keys; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("keys %q, want %q", got, tt.want)
			}
		})
	}
}

// findNull reports the path of the first null in a decoded document.
func findNull(v any, path string) string {
	switch v := v.(type) {
	case nil:
		return path
	case map[string]any:
		for k, x := range v {
			if p := findNull(x, path+"."+k); p != "" {
				return p
			}
		}
	case []any:
		for i, x := range v {
			if p := findNull(x, fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
	}
	return ""
}

// emptyModels have every list empty or nil: the case where a careless DTO
// writes null or drops the key.
func emptyModels() []renderCase {
	return []renderCase{
		{"validation", func(w io.Writer) error { return ValidationJSON(w, &Validation{}) }},
		{"standings", func(w io.Writer) error { return StandingsJSON(w, &Standings{}) }},
		{"explanation", func(w io.Writer) error { return ExplanationJSON(w, &campaign.Explanation{Entry: &check.Entry{}}) }},
		{"draw", func(w io.Writer) error { return DrawJSON(w, &DrawResult{}) }},
		{"split", func(w io.Writer) error { return SplitJSON(w, &SplitResult{}) }},
		{"entry without reasons", func(w io.Writer) error {
			return ValidationJSON(w, &Validation{Entries: []Entry{{ID: "p001"}}})
		}},
	}
}

func TestJSONNeverNull(t *testing.T) {
	var cases []renderCase
	for _, c := range renderCases() {
		if strings.HasSuffix(c.name, ".json") {
			cases = append(cases, c)
		}
	}
	cases = append(cases, emptyModels()...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(render(t, c), &doc); err != nil {
				t.Fatal(err)
			}
			if p := findNull(doc, "$"); p != "" {
				t.Errorf("null at %s", p)
			}
		})
	}
}

func TestJSONEmptyListsArePresent(t *testing.T) {
	tests := []struct {
		name string
		c    renderCase
		keys []string
	}{
		{"validation", emptyModels()[0], []string{"entries", "clusters"}},
		{"standings", emptyModels()[1], []string{"entries", "clusters", "ranking"}},
		{"explanation", emptyModels()[2], []string{"checks", "components"}},
		{"draw", emptyModels()[3], []string{"winners", "alternates"}},
		{"split", emptyModels()[4], []string{"winners"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(render(t, tt.c), &doc); err != nil {
				t.Fatal(err)
			}
			for _, k := range tt.keys {
				l, ok := doc[k].([]any)
				if !ok || len(l) != 0 {
					t.Errorf("%s = %#v, want []", k, doc[k])
				}
			}
		})
	}
	var doc map[string]any
	if err := json.Unmarshal(render(t, emptyModels()[5]), &doc); err != nil {
		t.Fatal(err)
	}
	if r := doc["entries"].([]any)[0].(map[string]any)["reasons"]; !reflect.DeepEqual(r, []any{}) {
		t.Errorf("reasons of a valid entry = %#v, want []", r)
	}
}

// TestJSONAmountsAreStrings: amounts go through JSON as text so that no
// reader turns 33.34 into a float.
func TestJSONAmountsAreStrings(t *testing.T) {
	var rank struct {
		Ranking []map[string]any `json:"ranking"`
		Rewards map[string]any   `json:"rewards"`
	}
	if err := json.Unmarshal(jsonOf(t, func(w io.Writer) error { return StandingsJSON(w, sampleStandings()) }), &rank); err != nil {
		t.Fatal(err)
	}
	wantRewards := map[string]any{"pool": "100", "token": "ES", "paid": "100.00", "leftover": "0.00"}
	if !reflect.DeepEqual(rank.Rewards, wantRewards) {
		t.Errorf("rewards = %#v, want %#v", rank.Rewards, wantRewards)
	}
	var rewards []any
	for _, p := range rank.Ranking {
		rewards = append(rewards, p["reward"])
	}
	if want := []any{"33.34", "33.33", "16.67", "16.66"}; !reflect.DeepEqual(rewards, want) {
		t.Errorf("rewards %#v, want %#v", rewards, want)
	}
	var split struct {
		Pool, Paid, Leftover any
		Winners              []map[string]any
	}
	if err := json.Unmarshal(jsonOf(t, func(w io.Writer) error { return SplitJSON(w, sampleSplit()) }), &split); err != nil {
		t.Fatal(err)
	}
	if split.Pool != "1250" || split.Paid != "1249.95" || split.Leftover != "0.05" || split.Winners[3]["amount"] != "92.85" {
		t.Errorf("split amounts %#v %#v %#v %#v, want strings 1250, 1249.95, 0.05, 92.85", split.Pool, split.Paid, split.Leftover, split.Winners[3]["amount"])
	}
}

func TestJSONSummaryAddsUp(t *testing.T) {
	var doc struct {
		Summary struct {
			Entries, Valid, Invalid, Unreadable int
			ByReason                            map[string]int `json:"by_reason"`
		}
	}
	if err := json.Unmarshal(jsonOf(t, func(w io.Writer) error { return ValidationJSON(w, sampleValidation()) }), &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Summary
	if s.Entries != 8 || s.Valid != 4 || s.Invalid != 3 || s.Unreadable != 1 {
		t.Errorf("summary %+v, want 8 entries: 4 valid, 3 invalid, 1 unreadable", s)
	}
	want := map[string]int{"missing-tag": 1, "too-short": 1, "no-image": 1, "unreadable": 1, "near-duplicate": 1}
	if !reflect.DeepEqual(s.ByReason, want) {
		t.Errorf("by_reason %v, want %v", s.ByReason, want)
	}
}

// largeStandings is a judged campaign of n entries, a few of them with
// reasons, ranked with every third entry paid: enough entries for the
// JSON writer to encode them in many chunks.
func largeStandings(n int, all bool) *Standings {
	res := &campaign.Result{Rules: &rules.Rules{Name: "large"}}
	st := &campaign.Standings{}
	noImage := []check.Reason{{Code: check.NoImage, Message: "0 images attached, at least 1 needed", Measured: "0", Limit: "1"}}
	for i := range n {
		e := check.Entry{ID: fmt.Sprintf("g%07d", i), Author: fmt.Sprintf("用户%d\"", i%977), File: "posts.jsonl", Line: i + 1}
		if i%7 == 0 {
			e.Reasons = noImage
		}
		res.Entries = append(res.Entries, e)
		res.Scores = append(res.Scores, score.Result{Score: float64(i%1000) / 7})
		if i%7 != 0 {
			p := campaign.Placing{Entry: i, Rank: len(st.Placings) + 1, Paid: i%3 == 0}
			if p.Paid {
				p.Amount = decimal.New(int64(i), -2)
			}
			st.Placings = append(st.Placings, p)
		}
	}
	return NewStandings(res, st, all)
}

// oneByOne is the entries and ranking arrays as written one item after
// another, which the chunked writer must match byte for byte.
func oneByOne(s *Standings) string {
	var b []byte
	b = append(b, "  \"entries\": [\n"...)
	i := 0
	s.Each(func(e Entry) {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = appendEntry(append(b, "    "...), e)
		i++
	})
	b = append(b, "\n  ],\n  \"clusters\": [],\n  \"ranking\": [\n"...)
	i = 0
	for p := range s.Places() {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = appendPlace(append(b, "    "...), p)
		i++
	}
	return string(append(b, "\n  ],\n"...))
}

func TestJSONChunksWriteItemsInOrder(t *testing.T) {
	for _, tt := range []struct {
		name  string
		n     int
		all   bool
		procs int
	}{
		{"one chunk", 10, true, 4},
		{"many chunks, one core", 3*chunkItems + 5, true, 1},
		{"many chunks, four cores", 3*chunkItems + 5, true, 4},
		{"paid places only", 3*chunkItems + 5, false, 4},
		{"no paid place in the first chunk", 2 * chunkItems, false, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := largeStandings(tt.n, tt.all)
			if tt.name == "no paid place in the first chunk" {
				for k := range s.st.Placings[:chunkItems] {
					s.st.Placings[k].Paid = false
				}
				s = NewStandings(s.res, s.st, false)
			}
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(tt.procs))
			got := string(jsonOf(t, func(w io.Writer) error { return StandingsJSON(w, s) }))
			if want := oneByOne(s); !strings.Contains(got, want) {
				t.Errorf("the arrays differ from the items written one by one")
			}
			if !json.Valid([]byte(got)) {
				t.Errorf("not valid JSON")
			}
		})
	}
}

// failingWriter fails every write once n bytes have gone through.
type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestJSONChunksStopOnWriteError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	s := largeStandings(20*chunkItems, true)
	err := ValidationJSON(&failingWriter{n: 1 << 20}, &s.Validation)
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("error %v, want disk full", err)
	}
}

func TestSummaryInRangesAddsUp(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	s := largeStandings(70000, true)
	var entries []Entry
	s.Each(func(e Entry) { entries = append(entries, e) })
	if want := Summarize(entries); !reflect.DeepEqual(s.Summary, want) {
		t.Errorf("summary %+v, want %+v", s.Summary, want)
	}
}

// largestWrite records the largest single write it is given.
type largestWrite struct{ max int }

func (l *largestWrite) Write(p []byte) (int, error) {
	l.max = max(l.max, len(p))
	return len(p), nil
}

// TestJSONChunksHoldBoundedBytes: a chunk of 8,192 items is cut at
// chunkBytes, so that large items cannot make one chunk hold hundreds of
// megabytes; the bytes written are the same.
func TestJSONChunksHoldBoundedBytes(t *testing.T) {
	defer func(was int) { chunkBytes = was }(chunkBytes)
	chunkBytes = 128 << 10
	for _, procs := range []int{1, 4} {
		t.Run(fmt.Sprintf("%d cores", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			s := largeStandings(3*chunkItems+5, true)
			var w largestWrite
			if err := ValidationJSON(&w, &s.Validation); err != nil {
				t.Fatal(err)
			}
			// An item is far below 128 KiB, and so is the writer's own buffer.
			if limit := 2 * chunkBytes; w.max > limit {
				t.Errorf("a write of %d bytes, want at most %d", w.max, limit)
			}
			got := string(jsonOf(t, func(w io.Writer) error { return StandingsJSON(w, s) }))
			if want := oneByOne(s); !strings.Contains(got, want) {
				t.Errorf("the arrays differ from the items written one by one")
			}
		})
	}
}

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// TestJSONChunkBuffersAreMadeOnce: the chunks' buffers are made at their
// size once and reused, for the ranking too. Grown by append, they were
// made over and over, a report's size and more in garbage, which under the
// memory held after the read cost page faults and a collection of every
// entry; made again for the ranking, they were pages handed back to the
// system and faulted in again.
func TestJSONChunkBuffersAreMadeOnce(t *testing.T) {
	for _, procs := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d cores", procs), func(t *testing.T) { testChunkBuffersMadeOnce(t, procs) })
	}
}

func testChunkBuffersMadeOnce(t *testing.T, procs int) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	defer func(was int) { chunkBytes = was }(chunkBytes)
	chunkBytes = 1 << 20
	s := largeStandings(60000, true)
	for k := range s.st.Placings {
		s.st.Placings[k].Paid = false // no reward strings to make
	}
	s = NewStandings(s.res, s.st, true)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var w countingWriter
	if err := StandingsJSON(&w, s); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	// the window's buffers, and a little for the rest of the document
	window := procs + 2
	limit := uint64(window*(chunkTarget()+chunkTarget()/4) + 1<<20)
	if got := after.TotalAlloc - before.TotalAlloc; got > limit || uint64(w.n) < limit {
		t.Errorf("%d bytes allocated to write %d, want at most %d", got, w.n, limit)
	}
}
