package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
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
	// spare are the chunk buffers of the last inOrder, for the next: rank
	// writes the ranking after the entries, and buffers made again for it
	// were pages handed back to the system and faulted in again.
	spare [][]byte
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
	if s.PlaceCount() == 0 {
		jw.raw("  \"ranking\": [],\n")
		return
	}
	jw.raw("  \"ranking\": [\n")
	if s.Ranking != nil || s.st == nil {
		jw.inOrder(len(s.Ranking), func(b []byte, lo, hi int) []byte {
			for _, p := range s.Ranking[lo:hi] {
				b = appendPlace(append(b, itemSep...), p)
			}
			return b
		})
	} else {
		jw.inOrder(len(s.st.Placings), func(b []byte, lo, hi int) []byte {
			for _, p := range s.st.Placings[lo:hi] {
				if s.All || p.Paid {
					b = appendPlace(append(b, itemSep...), placeOf(s.res, s.st, p, false))
				}
			}
			return b
		})
	}
	jw.raw("\n  ],\n")
}

// entries writes the entries array with appendEntry.
func (jw *jsonWriter) entries(v *Validation) {
	n := v.Len()
	if n == 0 {
		jw.raw("  \"entries\": [],\n")
		return
	}
	jw.raw("  \"entries\": [\n")
	jw.inOrder(n, func(b []byte, lo, hi int) []byte {
		for i := lo; i < hi; i++ {
			b = appendEntry(append(b, itemSep...), v.entryAt(i))
		}
		return b
	})
	jw.raw("\n  ],\n")
}

// itemSep comes before every item of an array at depth two; inOrder drops
// the first one's comma and line break.
const itemSep = ",\n    "

// chunkItems is the most items a chunk of inOrder holds. A chunk is
// meant to hold about chunkBytes/4 (chunkTarget): the first chunks hold
// firstChunkItems, and each one after as many as that many bytes took
// items in the chunks encoded so far. Each chunk is handed from goroutine
// to goroutine twice, and on a busy machine a hand-over can wait
// milliseconds for a thread to be woken, so chunks are few (about 170 for
// a million entries); the chunks in flight are a few whatever the size of
// the report.
const (
	chunkItems      = 8192
	firstChunkItems = 1024
)

// chunkBytes bounds what a chunk holds, whatever its items weigh: items
// can be large (an entry whose id thousands of records share names every
// other one), and a chunk of 8,192 of them held hundreds of megabytes. A
// chunk stops at the first item past it, and the writer encodes the rest
// of that chunk itself, a piece at a time. Ordinary chunks stay under it.
var chunkBytes = 8 << 20

// chunkTarget is what a chunk is meant to hold, and its buffer is made
// that large and a quarter more at once. Grown by append from nothing,
// the buffers of a report were made several times over (a large slice
// grows by a quarter at a time), and under the memory held after the read
// every new one made the runtime hand pages back to the system and fault
// them in again, and the garbage they left started a collection of every
// entry halfway through the writing.
func chunkTarget() int { return chunkBytes / 4 }

// nextChunkItems is how many items the next chunk gets, from the bytes
// and items of the chunks encoded so far.
func nextChunkItems(bytes, items int64) int {
	if items == 0 {
		return firstChunkItems
	}
	if bytes == 0 { // every item left out so far
		return chunkItems
	}
	return int(min(max(int64(chunkTarget())*items/bytes, 1), chunkItems))
}

// inOrder writes the items [0, n) that encode appends, each after itemSep,
// chunk by chunk. Encoding the entries of a large report took as long as
// the checks after the read together, and each item is encoded alone, so
// the chunks are encoded on every core at once, a few ahead of the one
// being written, and written in order: the bytes are those of one encoder
// going through the items in turn, however the items fall into chunks.
// encode may leave items out; the first item written loses the comma of
// its itemSep.
func (jw *jsonWriter) inOrder(n int, encode func(b []byte, lo, hi int) []byte) {
	workers := min(runtime.GOMAXPROCS(0), (n+firstChunkItems-1)/firstChunkItems)
	first := true
	emit := func(b []byte) {
		if first && len(b) > 0 {
			b, first = b[len(",\n"):], false
		}
		if jw.err == nil && len(b) > 0 {
			_, jw.err = jw.w.Write(b)
		}
	}
	// rest writes items [lo, hi) a piece of about chunkTarget at a time,
	// in b, and returns b for reuse: the pieces fit a chunk's buffer.
	rest := func(b []byte, lo, hi int) []byte {
		for lo < hi && jw.err == nil {
			var next int
			b, next = encodeUpTo(b[:0], lo, hi, chunkTarget(), encode)
			emit(b)
			lo = next
		}
		return b
	}
	if workers <= 1 {
		var b []byte
		if len(jw.spare) > 0 {
			b = jw.spare[0]
		} else if n > firstChunkItems {
			b = make([]byte, 0, chunkTarget()+chunkTarget()/4)
		}
		jw.spare = append(jw.spare[:0], rest(b, 0, n)[:0])
		return
	}
	type done struct {
		buf      []byte
		next, hi int // the items [next, hi) did not fit in buf
	}
	type job struct {
		lo, hi int
		buf    []byte
		done   chan done
	}
	// window chunks are encoded or waiting at most: free holds their
	// buffers, which come back once written.
	window := workers + 2
	free := make(chan []byte, window)
	for i := range window {
		var b []byte
		if i < len(jw.spare) {
			b = jw.spare[i]
		}
		free <- b
	}
	jobs := make(chan job, window)
	queue := make(chan chan done, window)
	stop := make(chan struct{})
	var encodedBytes, encodedItems atomic.Int64
	go func() {
		defer close(queue)
		defer close(jobs)
		for lo := 0; lo < n; {
			var buf []byte
			select {
			case <-stop: // checked first: select picks at random among ready cases
				return
			default:
			}
			select {
			case buf = <-free:
			case <-stop:
				return
			}
			if buf == nil {
				buf = make([]byte, 0, chunkTarget()+chunkTarget()/4)
			}
			items := encodedItems.Load() // before the bytes, added after them
			hi := min(lo+nextChunkItems(encodedBytes.Load(), items), n)
			j := job{lo, hi, buf[:0], make(chan done, 1)}
			jobs <- j
			queue <- j.done
			lo = hi
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				b, next := encodeUpTo(j.buf, j.lo, j.hi, chunkBytes, encode)
				// bytes first: items counted without their bytes would
				// make the next chunk larger than it should be
				encodedBytes.Add(int64(len(b)))
				encodedItems.Add(int64(next - j.lo))
				j.done <- done{b, next, j.hi}
			}
		})
	}
	stopped := false
	for ch := range queue {
		d := <-ch
		emit(d.buf)
		b := rest(d.buf, d.next, d.hi)
		if jw.err != nil && !stopped {
			close(stop) // a failed write: encode no more
			stopped = true
		}
		free <- b[:0]
	}
	wg.Wait()
	// the producer and the workers are done: the buffers are back
	jw.spare = jw.spare[:0]
	for range window {
		select {
		case b := <-free:
			if b != nil {
				jw.spare = append(jw.spare, b)
			}
		default:
		}
	}
}

// encodeUpTo appends items from lo on to b, one at a time, until b holds
// limit bytes or the items end at hi, and returns b and the first item it
// did not encode.
func encodeUpTo(b []byte, lo, hi, limit int, encode func(b []byte, lo, hi int) []byte) ([]byte, int) {
	for lo < hi && len(b) < limit {
		b = encode(b, lo, lo+1)
		lo++
	}
	return b, lo
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
