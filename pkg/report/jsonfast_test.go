package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/score"
)

func encoderString(t testing.TB, s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// encoderEntry is entry e as encoding/json writes it inside the report.
func encoderEntry(t testing.TB, e Entry) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(entryDTO(e)); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

func TestAppendEntryMatchesEncoder(t *testing.T) {
	entries := []Entry{
		{ID: "p01", Author: "链上老王", Source: "export/posts.jsonl:1", Valid: true, Length: 259},
		{ID: "p02", Author: "b", Source: "a/posts.jsonl:2", AlsoIn: []string{"b/posts.jsonl:2", "c\"d.csv:3"}, Length: 9},
		{ID: "a\x1b[31m\"b\\", Author: "=1+2 <b>&", Source: "x.csv:2", Length: 3, Reasons: []check.Reason{
			{Code: check.TooShort, Message: "3 graphemes\n\tok\u2028", Measured: "3", Limit: "60"},
			{Code: check.NearDuplicate, Message: "repeats", Other: "p06", Measured: "0.87"},
			{Code: check.Unreadable, Message: "bad \xff byte \b\f\x00"},
		}},
	}
	for _, e := range entries {
		want := encoderEntry(t, e)
		if got := string(appendEntry(nil, e)); got != want {
			t.Errorf("entry %q:\n got %s\nwant %s", e.ID, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "链上", "\x00\x1f\"\\", "\u2028\u2029", "\xff\xfe", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendString(nil, s)), encoderString(t, s); got != want {
			t.Fatalf("appendString(%q) = %s, encoding/json %s", s, got, want)
		}
	})
}

// The entry DTO below is what appendEntry must write, byte for byte, when
// json.Encoder encodes it: field names, order and omitempty as SPEC's JSON
// output says.

type jsonEntry struct {
	ID      string       `json:"id"`
	Author  string       `json:"author"`
	Source  string       `json:"source"`
	AlsoIn  []string     `json:"also_in,omitempty"`
	Valid   bool         `json:"valid"`
	Reasons []jsonReason `json:"reasons"`
	Length  int          `json:"length"`
}

type jsonReason struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Measured string `json:"measured,omitempty"`
	Limit    string `json:"limit,omitempty"`
	Other    string `json:"other,omitempty"`
}

func entryDTO(e Entry) any {
	return jsonEntry{ID: e.ID, Author: e.Author, Source: e.Source, AlsoIn: e.AlsoIn, Valid: e.Valid, Reasons: reasonsDTO(e.Reasons), Length: e.Length}
}

func reasonsDTO(rs []check.Reason) []jsonReason {
	out := make([]jsonReason, 0, len(rs))
	for _, r := range rs {
		out = append(out, jsonReason{Code: string(r.Code), Message: r.Message, Measured: r.Measured, Limit: r.Limit, Other: r.Other})
	}
	return out
}

// The place DTO below is what appendPlace must write, byte for byte: the
// components are a map, whose keys the encoder sorts.

type jsonPlace struct {
	Rank       int                `json:"rank"`
	ID         string             `json:"id"`
	Author     string             `json:"author"`
	Score      float64            `json:"score"`
	Components map[string]float64 `json:"components"`
	Reward     string             `json:"reward"`
}

func placeDTO(p Place) any {
	return jsonPlace{Rank: p.Rank, ID: p.ID, Author: p.Author, Score: round(p.Score, 4), Components: componentMap(p), Reward: p.Reward}
}

func componentMap(p Place) map[string]float64 {
	c := p.Components
	return map[string]float64{
		"length": round(c.Length, 4), "topics": round(c.Topics, 4), "engagement": round(c.Engagement, 4),
		"media": round(c.Media, 4), "originality": round(c.Originality, 4), "judges": round(c.Judges, 4),
	}
}

func TestAppendPlaceMatchesEncoder(t *testing.T) {
	places := []Place{
		{Rank: 1, ID: "p01", Author: "链上老王", Score: 100, Components: score.Components{Length: 1, Topics: 1, Engagement: 1, Media: 1, Originality: 1}, Reward: "125.00"},
		{Rank: 2, ID: "a\x1b\"b", Author: "=1+2 <b>&", Score: 99.85321, Components: score.Components{Length: 0.123456, Topics: 1.0 / 3, Engagement: 0.99999, Judges: 1e-7}},
		{Rank: 30, ID: "p03", Score: 1e-9, Components: score.Components{Originality: -1e-9, Media: 2.5e21}},
		{Rank: 4, ID: "p04", Score: 0.00015, Components: score.Components{Topics: 0.00005, Length: 123456789.98765}},
	}
	for _, p := range places {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		if err := enc.Encode(placeDTO(p)); err != nil {
			t.Fatal(err)
		}
		want := string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if got := string(appendPlace(nil, p)); got != want {
			t.Errorf("place %q:\n got %s\nwant %s", p.ID, got, want)
		}
	}
}

// TestAppendSource: the source written from an entry's place is the
// quoted Source, for files whose names need escaping too.
func TestAppendSource(t *testing.T) {
	entries := []check.Entry{
		{File: "export/posts.jsonl", Line: 12},
		{File: "posts.json", Line: 1, Col: 57},
		{File: "x.md"},
		{File: "a\"b\\c\x01.csv", Line: 100000},
		{File: "cut\xe4\xb8", Line: 3, Col: 2},
		{File: "line\u2028sep.jsonl", Line: 9},
		{File: "", Line: 0},
	}
	for _, e := range entries {
		if got, want := string(appendSource(nil, &e)), string(appendString(nil, e.Source())); got != want {
			t.Errorf("%q: got %s, want %s", e.Source(), got, want)
		}
	}
}

func FuzzAppendSource(f *testing.F) {
	f.Add("export/posts.jsonl", 12, int32(0))
	f.Add("cut\xe4\xb8", 3, int32(2))
	f.Add("q\"\u2029", 0, int32(4))
	f.Fuzz(func(t *testing.T, file string, line int, col int32) {
		e := check.Entry{File: file, Line: line, Col: col}
		if got, want := string(appendSource(nil, &e)), string(appendString(nil, e.Source())); got != want {
			t.Fatalf("%q: got %s, want %s", e.Source(), got, want)
		}
	})
}

// TestPlainASCII8: a word is plain when each of its 8 bytes is, whatever
// the byte and wherever it stands, with plain bytes or others around it.
func TestPlainASCII8(t *testing.T) {
	plain := func(c byte) bool { return c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\' }
	for _, fill := range []byte{'a', ' ', '~', 0x1f, '"', 0x80, 0xff} {
		for pos := range 8 {
			for c := range 256 {
				w := bytes.Repeat([]byte{fill}, 8)
				w[pos] = byte(c)
				want := plain(byte(c)) && plain(fill)
				if got := plainASCII8(string(w)); got != want {
					t.Errorf("plainASCII8(%q) = %v, want %v", w, got, want)
				}
			}
		}
	}
}

// FuzzAppendEntry holds appendEntry to the encoder for entries with and
// without also_in, valid or not, with zero to three reasons whose optional
// fields are set or empty, and for entries named by their place.
func FuzzAppendEntry(f *testing.F) {
	f.Add("p01", "链上老王", "x.jsonl", "3 graphemes\n", "3", "", "p06", uint8(0b101101), 259)
	f.Add("a\"b", "\xff", "a\u2028.csv", "", "", "60", "", uint8(0b011010), -1)
	f.Fuzz(func(t *testing.T, id, author, file, msg, measured, limit, other string, shape uint8, length int) {
		e := Entry{ID: id, Author: author, Source: file + ":7", Valid: shape&1 != 0, Length: length}
		if shape&2 != 0 {
			e.AlsoIn = []string{file + ":9", id}
		}
		codes := []check.Code{check.TooShort, check.NearDuplicate, check.Unreadable}
		for i := range int(shape>>2) % 4 {
			r := check.Reason{Code: codes[i], Message: msg}
			if shape&(16<<i) != 0 {
				r.Measured, r.Limit, r.Other = measured, limit, other
			}
			e.Reasons = append(e.Reasons, r)
		}
		want := encoderEntry(t, e)
		if got := string(appendEntry(nil, e)); got != want {
			t.Fatalf("got %s\nwant %s", got, want)
		}
		at := check.Entry{File: file, Line: 7}
		e.Source, e.at = "", &at
		if got := string(appendEntry(nil, e)); got != want {
			t.Fatalf("named by its place: got %s\nwant %s", got, want)
		}
	})
}

// TestAppendStringThreeBytes checks the three-byte sequences appendString
// passes without the decoder, and those next to them it must not pass,
// against encoding/json.
func TestAppendStringThreeBytes(t *testing.T) {
	for _, s := range []string{"链上", "\u2027\u2028\u2029\u202a", "\xe2\x80\xa8x", "\xe0\xa0\x80\xe0\x80\x80", "\xed\x9f\xbf\xed\xa0\x80",
		"\xef\xbf\xbf\xef\xbf", "\xe4\xbd", "\xe4\xbdx", "\xe4a\xa0", "\xf0\x9f\x98\x80", "中\x00文\"字\\"} {
		if got, want := string(appendString(nil, s)), encoderString(t, s); got != want {
			t.Errorf("appendString(%q) = %s, encoding/json %s", s, got, want)
		}
	}
}
