package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
)

// The JSON DTOs below fix the field names and order of the contract; they
// are kept apart from the domain types so the domain can change without
// breaking anyone's jq script. Lists are never null.

// The report document is campaign, rules_digest, inputs_digest, summary,
// entries, clusters, then for rank ranking and rewards; writeReport writes
// it in that order.

type jsonSummary struct {
	Entries    int            `json:"entries"`
	Valid      int            `json:"valid"`
	Invalid    int            `json:"invalid"`
	Unreadable int            `json:"unreadable"`
	ByReason   map[string]int `json:"by_reason"`
}

type jsonRewards struct {
	Pool     string `json:"pool"`
	Token    string `json:"token"`
	Paid     string `json:"paid"`
	Leftover string `json:"leftover"`
	Unfilled int    `json:"unfilled,omitempty"`
}

// ValidationJSON writes validate's JSON document.
func ValidationJSON(w io.Writer, v *Validation) error {
	return writeReport(w, v, nil)
}

// StandingsJSON writes rank's JSON document: validate's plus ranking and
// rewards.
func StandingsJSON(w io.Writer, s *Standings) error {
	return writeReport(w, &s.Validation, s)
}

// writeReport streams the document one entry at a time: a million entries
// are written without building a million DTOs first. The bytes are those
// json.Encoder with a two-space indent would write for the whole document.
func writeReport(w io.Writer, v *Validation, s *Standings) error {
	jw := newJSONWriter(w)
	jw.raw("{\n")
	jw.field("campaign", v.Campaign, true)
	jw.field("rules_digest", v.RulesDigest, true)
	jw.field("inputs_digest", v.InputsDigest, true)
	jw.field("summary", summaryDTO(v.Summary), true)
	jw.entries(v)
	clusters := v.Clusters
	if clusters == nil {
		clusters = [][]string{}
	}
	jw.field("clusters", clusters, s != nil)
	if s != nil {
		jw.ranking(s)
		jw.field("rewards", jsonRewards{Pool: s.Rewards.Pool, Token: s.Rewards.Token, Paid: s.Rewards.Paid, Leftover: s.Rewards.Leftover, Unfilled: s.Rewards.Unfilled}, false)
	}
	jw.raw("}\n")
	return jw.flush()
}

func summaryDTO(s Summary) jsonSummary {
	out := jsonSummary{Entries: s.Entries, Valid: s.Valid, Invalid: s.Invalid, Unreadable: s.Unreadable, ByReason: map[string]int{}}
	for c, n := range s.ByReason {
		out.ByReason[string(c)] = n
	}
	return out
}

// jsonWriter writes an indented JSON object piece by piece; the first
// error sticks and later writes do nothing.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

// newJSONWriter buffers 64 KB: a report of 100,000 entries is tens of
// megabytes, which 4 KB writes cut into thousands of system calls.
func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// value writes v as the encoder would at the given depth of indentation.
func (jw *jsonWriter) value(prefix string, v any) {
	if jw.err != nil {
		return
	}
	jw.buf.Reset()
	enc := json.NewEncoder(&jw.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if jw.err = enc.Encode(v); jw.err == nil {
		_, jw.err = jw.w.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
	}
}

func (jw *jsonWriter) field(key string, v any, more bool) {
	jw.raw("  " + quote(key) + ": ")
	jw.value("  ", v)
	jw.raw(sep(more))
}

// ranking writes the ranking array with appendPlace.
func (jw *jsonWriter) ranking(s *Standings) {
	n := s.PlaceCount()
	if n == 0 {
		jw.raw("  \"ranking\": [],\n")
		return
	}
	jw.raw("  \"ranking\": [\n")
	var b []byte
	i := 0
	for p := range s.placesOf(false) {
		i++
		b = append(appendPlace(append(b[:0], "    "...), p), sep(i < n)...)
		if jw.err == nil {
			_, jw.err = jw.w.Write(b)
		}
	}
	jw.raw("  ],\n")
}

// entries writes the entries array with appendEntry.
func (jw *jsonWriter) entries(v *Validation) {
	n := v.Len()
	if n == 0 {
		jw.raw("  \"entries\": [],\n")
		return
	}
	jw.raw("  \"entries\": [\n")
	var b []byte
	i := 0
	v.each(false, func(e Entry) {
		i++
		b = append(appendEntry(append(b[:0], "    "...), e), sep(i < n)...)
		if jw.err == nil {
			_, jw.err = jw.w.Write(b)
		}
	})
	jw.raw("  ],\n")
}

func (jw *jsonWriter) flush() error {
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

func sep(more bool) string {
	if more {
		return ",\n"
	}
	return "\n"
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// round keeps JSON readable; ranking itself compared the exact values.
func round(f float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(f*p) / p
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
