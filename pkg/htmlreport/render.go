package htmlreport

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
)

//go:embed assets/page.html assets/style.css assets/app.js
var assets embed.FS

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"funnelSVG":    funnelSVG,
	"histogramSVG": histogramSVG,
	"uri":          func(s string) template.URL { return template.URL(s) }, // data: URIs made by thumb
	"kb":           func(n int) string { return fmt.Sprintf("%.0f KB", math.Ceil(float64(n)/1024)) },
}).ParseFS(assets, "assets/page.html"))

// view is the page with its inlined assets.
type view struct {
	*Page
	CSS template.CSS
	JS  template.JS
}

// Write renders the page. The table's rows and the entries' details go
// into JSON blocks between the page and its script, written as they are
// encoded rather than built in memory first.
func Write(w io.Writer, p *Page) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	v := view{Page: p, CSS: template.CSS(asset("style.css"))}
	if !p.Public {
		v.JS = template.JS(asset("app.js"))
	}
	if err := page.ExecuteTemplate(bw, "top", v); err != nil {
		return err
	}
	if !p.Public {
		if err := writeData(bw, p); err != nil {
			return err
		}
	}
	if err := page.ExecuteTemplate(bw, "bottom", v); err != nil {
		return err
	}
	return bw.Flush()
}

func asset(name string) string {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return string(b)
}

var verdicts = []string{"valid", "invalid", "unreadable"}

// writeData writes the data the script reads: promo-meta, the reason
// codes and verdicts the rows refer to; promo-rows blocks, what the table
// needs of every entry; promo-details blocks, each entry's explanation and
// text. Each is cut into many script elements, as a browser parses one
// huge element far more slowly than many small ones. JSON escapes <, >
// and &, and base64 has none, so no text can close an element.
func writeData(w *bufio.Writer, p *Page) error {
	var codes []string
	for _, rc := range p.Reasons {
		codes = append(codes, rc.Code)
	}
	meta, err := json.Marshal(map[string]any{"codes": orEmpty(codes), "verdicts": verdicts, "entries": len(p.Entries), "chunk": chunkSize})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "<script type=\"application/json\" id=\"promo-meta\">%s</script>\n", meta)
	for start := 0; start < len(p.Entries); start += rowsChunk {
		rows := p.Entries[start:min(start+rowsChunk, len(p.Entries))]
		b, err := json.Marshal(rowsJSON(rows, codes))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "<script type=\"application/json\" class=\"promo-rows\">%s</script>\n", b)
	}
	packed := p.packed
	if packed == nil { // a page made by hand rather than by Build
		for start := 0; start < len(p.Details); start += chunkSize {
			c, err := packChunk(p.Details[start:min(start+chunkSize, len(p.Details))])
			if err != nil {
				return err
			}
			packed = append(packed, c)
		}
	}
	for _, c := range packed {
		w.WriteString("<script type=\"application/x-promo-details\" class=\"promo-details\">")
		w.Write(c)
		w.WriteString("</script>\n")
	}
	return nil
}

// rowsChunk is how many rows one promo-rows element holds.
const rowsChunk = 5000

func rowsJSON(entries []Row, codes []string) [][]any {
	rows := make([][]any, len(entries))
	for i, e := range entries {
		idx := make([]int, 0, len(e.Codes))
		for _, c := range e.Codes {
			idx = append(idx, slices.Index(codes, c))
		}
		rows[i] = []any{e.ID, e.Author, e.Source, slices.Index(verdicts, e.Verdict), idx, e.Length, round2(e.Score), e.Rank, e.Reward}
	}
	return rows
}

// chunkSize is how many entries' details share one compressed element.
// Opening an entry inflates its chunk only; the text search inflates
// them one after another.
const chunkSize = 500

// writeChunk writes the details as JSON lines, gzipped and in base64:
// post texts and explanations are most of a large page, and compress to
// an eighth at the default level (a third smaller than at the fastest,
// which matters more than the seconds it costs: every byte of the page is
// parsed by the browser). gzip's header carries no time or name, so the
// bytes depend on the details alone.
func packChunk(details []Detail) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeChunk(&buf, details); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeChunk(w io.Writer, details []Detail) error {
	b64 := base64.NewEncoder(base64.StdEncoding, w)
	zw, err := gzip.NewWriterLevel(b64, gzip.DefaultCompression)
	if err != nil {
		return err
	}
	for i, d := range details {
		if i > 0 {
			zw.Write([]byte{'\n'})
		}
		b, err := json.Marshal(detailJSON(d))
		if err != nil {
			return err
		}
		zw.Write(b)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return b64.Close()
}

// detailJSON is a detail as arrays, not objects: a large campaign has
// a hundred thousand of them, and the keys would be most of the bytes.
func detailJSON(d Detail) []any {
	var segs any
	if d.Text != nil {
		s := make([]any, len(d.Text))
		for i, g := range d.Text {
			switch g.Kind {
			case "":
				s[i] = g.Text
			case "near":
				s[i] = []string{g.Kind, g.Text, g.Diff, g.Tail}
			default:
				s[i] = []string{g.Kind, g.Text}
			}
		}
		segs = s
	}
	checks := make([][]any, len(d.Checks))
	for i, c := range d.Checks {
		checks[i] = []any{c.Code, b2i(c.Pass), c.Measured, c.Limit, c.Message}
	}
	comps := make([][]any, len(d.Components))
	for i, c := range d.Components {
		comps[i] = []any{c.Name, round4(c.Value), c.Weight, c.Detail}
	}
	return []any{segs, checks, comps, round2(d.Score), b2i(d.Ranked)}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
