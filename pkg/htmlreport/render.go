package htmlreport

import (
	"bufio"
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

// writeData writes the two JSON blocks: promo-rows, what the table
// needs for every entry, and promo-details, one line per entry. JSON
// escapes <, > and &, so no text can close the script element.
func writeData(w *bufio.Writer, p *Page) error {
	var codes []string
	for _, rc := range p.Reasons {
		codes = append(codes, rc.Code)
	}
	rows := make([][]any, len(p.Entries))
	for i, e := range p.Entries {
		idx := make([]int, 0, len(e.Codes))
		for _, c := range e.Codes {
			idx = append(idx, slices.Index(codes, c))
		}
		rows[i] = []any{e.ID, e.Author, e.Source, slices.Index(verdicts, e.Verdict), idx, e.Length, round2(e.Score), e.Rank, e.Reward}
	}
	w.WriteString("<script type=\"application/json\" id=\"promo-rows\">")
	if err := json.NewEncoder(w).Encode(map[string]any{"codes": orEmpty(codes), "verdicts": verdicts, "rows": rows}); err != nil {
		return err
	}
	fmt.Fprintf(w, "</script>\n<script type=\"application/x-promo-details\" id=\"promo-details\" data-chunk=\"%d\">", chunkSize)
	for start := 0; start < len(p.Details); start += chunkSize {
		if start > 0 {
			w.WriteByte('\n')
		}
		if err := writeChunk(w, p.Details[start:min(start+chunkSize, len(p.Details))]); err != nil {
			return err
		}
	}
	_, err := w.WriteString("</script>\n")
	return err
}

// chunkSize is how many entries' details share one compressed chunk.
// Opening an entry inflates its chunk only; the text search inflates
// them one after another.
const chunkSize = 500

// writeChunk writes the details as JSON lines, gzipped and in base64:
// post texts and explanations are most of a large page, and compress to
// a fifth. gzip's header carries no time or name, so the bytes depend on
// the details alone.
func writeChunk(w io.Writer, details []Detail) error {
	b64 := base64.NewEncoder(base64.StdEncoding, w)
	zw, err := gzip.NewWriterLevel(b64, gzip.BestSpeed)
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
