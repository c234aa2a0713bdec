package htmlreport_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/htmlreport"
	"github.com/promo-cli/promo/pkg/rules"
)

const sample = "../../testdata/sample"

// render judges the sample campaign and renders its page.
func render(t testing.TB, public bool, workers int, paths ...string) (*htmlreport.Page, []byte) {
	t.Helper()
	r, err := rules.Load(filepath.Join(sample, "rules.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		paths = []string{filepath.Join(sample, "export")}
	}
	run := campaign.Options{Workers: workers}
	res, err := campaign.Evaluate(context.Background(), r, paths, run)
	if err != nil {
		t.Fatal(err)
	}
	st, err := res.Rank()
	if err != nil {
		t.Fatal(err)
	}
	p, err := htmlreport.Build(context.Background(), res, st, htmlreport.Options{Public: public, Version: "test", Run: run})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := htmlreport.Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	return p, buf.Bytes()
}

// The sample's page, judged once per audience and shared by the tests
// that only read it; TestDeterministic renders its own.
var (
	sampleMu    sync.Mutex
	samplePages = map[bool]*renderedPage{}
)

type renderedPage struct {
	once sync.Once
	page *htmlreport.Page
	html []byte
}

func samplePage(t *testing.T, public bool) (*htmlreport.Page, []byte) {
	t.Helper()
	sampleMu.Lock()
	r, ok := samplePages[public]
	if !ok {
		r = &renderedPage{}
		samplePages[public] = r
	}
	sampleMu.Unlock()
	r.once.Do(func() { r.page, r.html = render(t, public, 2) })
	if r.page == nil {
		t.Fatal("the sample page could not be rendered")
	}
	return r.page, r.html
}

func parse(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func byID(doc *html.Node, id string) *html.Node {
	var found *html.Node
	walk(doc, func(n *html.Node) {
		if v, ok := attr(n, "id"); ok && v == id && found == nil {
			found = n
		}
	})
	return found
}

func byClass(doc *html.Node, class string) []*html.Node {
	var out []*html.Node
	walk(doc, func(n *html.Node) {
		if v, ok := attr(n, "class"); ok && v == class {
			out = append(out, n)
		}
	})
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// TestNoNetwork: no element loads anything from elsewhere. Every
// reference is in-page (#…) or a data: URI, there is no external script,
// style sheet or frame, and the styles fetch nothing.
func TestNoNetwork(t *testing.T) {
	t.Parallel()
	for _, public := range []bool{false, true} {
		_, b := samplePage(t, public)
		walk(parse(t, b), func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch n.Data {
			case "link", "iframe", "object", "embed", "base", "frame", "audio", "video", "source":
				t.Errorf("element <%s> in the page", n.Data)
			case "script":
				if _, ok := attr(n, "src"); ok {
					t.Errorf("script with src")
				}
			case "style":
				if strings.Contains(textOf(n), "url(") || strings.Contains(textOf(n), "@import") {
					t.Errorf("the styles load something")
				}
			}
			for _, a := range n.Attr {
				switch a.Key {
				case "src", "href", "action", "formaction", "poster", "srcset", "data", "xlink:href", "background", "ping":
					v := strings.ToLower(strings.TrimSpace(a.Val))
					if !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "data:") {
						t.Errorf("<%s %s=%q> is not in the page", n.Data, a.Key, a.Val)
					}
				}
				if v := strings.ToLower(a.Val); strings.Contains(v, "http:") || strings.Contains(v, "https:") {
					if n.Data != "meta" {
						t.Errorf("<%s %s=%q> names a web address", n.Data, a.Key, a.Val)
					}
				}
			}
		})
	}
}

// TestStructure: the page's sections, its tables' semantics, labelled
// form controls, and the JSON blocks the script reads.
func TestStructure(t *testing.T) {
	t.Parallel()
	p, b := samplePage(t, false)
	doc := parse(t, b)
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "html" {
			if lang, _ := attr(n, "lang"); lang == "" {
				t.Error("no lang on <html>")
			}
		}
	})
	for _, id := range []string{"rules", "funnel", "lengths", "scores", "winners", "entries", "clusters", "reused", "detail", "main"} {
		if byID(doc, id) == nil {
			t.Errorf("no #%s", id)
		}
	}
	checkTables(t, doc)
	checkLabels(t, doc)

	var meta struct {
		Codes    []string `json:"codes"`
		Verdicts []string `json:"verdicts"`
		Entries  int      `json:"entries"`
	}
	if err := json.Unmarshal([]byte(textOf(byID(doc, "promo-meta"))), &meta); err != nil {
		t.Fatalf("promo-meta: %v", err)
	}
	var rows [][]any
	for _, n := range byClass(doc, "promo-rows") {
		var some [][]any
		if err := json.Unmarshal([]byte(textOf(n)), &some); err != nil {
			t.Fatalf("promo-rows: %v", err)
		}
		rows = append(rows, some...)
	}
	if len(rows) != 46 || meta.Entries != 46 || len(p.Entries) != 46 {
		t.Errorf("%d rows, meta %d, %d entries, want 46", len(rows), meta.Entries, len(p.Entries))
	}
	var lines []string
	for _, n := range byClass(doc, "promo-details") {
		lines = append(lines, detailLines(t, textOf(n))...)
	}
	if len(lines) != 46 {
		t.Fatalf("%d detail lines, want 46", len(lines))
	}
	for i, l := range lines {
		var d []any
		if err := json.Unmarshal([]byte(l), &d); err != nil || len(d) != 5 {
			t.Errorf("detail %d: %v %q", i, err, l)
		}
	}

	funnel := map[string]string{}
	walk(byID(doc, "funnel-table"), func(n *html.Node) {
		if s, ok := attr(n, "data-step"); ok {
			funnel[s] = strings.TrimSpace(textOf(n.FirstChild.NextSibling.NextSibling))
		}
	})
	if funnel["read"] != "46" || funnel["valid"] != "22" || funnel["paid"] != "11" {
		t.Errorf("funnel %v", funnel)
	}
	if len(p.Clusters) != 1 || len(p.Reused) != 1 || p.Reused[0].Left.Thumb.URI == "" {
		t.Errorf("clusters %d, reused %+v", len(p.Clusters), p.Reused)
	}
}

// checkTables: every table has a caption and column headers with a scope.
func checkTables(t *testing.T, doc *html.Node) {
	t.Helper()
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "table":
			var caption, head bool
			walk(n, func(c *html.Node) {
				caption = caption || c.Data == "caption"
				head = head || c.Data == "thead"
			})
			if !caption || !head {
				t.Errorf("table %v: caption %v, thead %v", n.Attr, caption, head)
			}
		case "th":
			if s, _ := attr(n, "scope"); s != "col" && s != "row" {
				t.Errorf("<th> without scope: %q", textOf(n))
			}
		}
	})
}

// checkLabels: every form control sits in a label or has an aria-label.
func checkLabels(t *testing.T, doc *html.Node) {
	t.Helper()
	inLabel := func(n *html.Node) bool {
		for p := n.Parent; p != nil; p = p.Parent {
			if p.Data == "label" {
				return true
			}
		}
		return false
	}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || (n.Data != "input" && n.Data != "select" && n.Data != "textarea") {
			return
		}
		if _, ok := attr(n, "aria-label"); !ok && !inLabel(n) {
			t.Errorf("<%s %v> has no label", n.Data, n.Attr)
		}
	})
}

// TestNearMiss: p09 writes the tag with 第二届 for 第三届; its text marks
// the tag as a near-miss with 二 as the difference.
func TestNearMiss(t *testing.T) {
	t.Parallel()
	p, b := render(t, false, 1)
	doc := parse(t, b)
	var lines []string
	for _, n := range byClass(doc, "promo-details") {
		lines = append(lines, detailLines(t, textOf(n))...)
	}
	for i, e := range p.Entries {
		if e.ID != "p09" {
			continue
		}
		var d []json.RawMessage
		if err := json.Unmarshal([]byte(lines[i]), &d); err != nil {
			t.Fatal(err)
		}
		var segs []json.RawMessage
		if err := json.Unmarshal(d[0], &segs); err != nil {
			t.Fatal(err)
		}
		for _, s := range segs {
			var near []string
			if json.Unmarshal(s, &near) == nil && len(near) == 4 && near[0] == "near" {
				if whole := near[1] + near[2] + near[3]; !strings.Contains(whole, "第二届") || near[2] != "二" {
					t.Errorf("near-miss %q", near)
				}
				return
			}
		}
		t.Fatalf("p09 has no near-miss: %s", d[0])
	}
	t.Fatal("no p09")
}

// TestPublic: the public page names the winners and no other author, and
// holds no entry data.
func TestPublic(t *testing.T) {
	t.Parallel()
	full, _ := samplePage(t, false)
	p, b := samplePage(t, true)
	winners := map[string]bool{}
	for _, w := range p.Winners {
		winners[w.Author] = true
	}
	page := string(b)
	for _, w := range p.Winners {
		if !strings.Contains(page, w.Author) {
			t.Errorf("winner %s not named", w.Author)
		}
	}
	for _, e := range full.Entries {
		if e.Author != "" && !winners[e.Author] && strings.Contains(page, e.Author) {
			t.Errorf("author %s named on the public page", e.Author)
		}
	}
	doc := parse(t, b)
	for _, id := range []string{"promo-meta", "entries", "clusters", "reused"} {
		if byID(doc, id) != nil {
			t.Errorf("public page has #%s", id)
		}
	}
	if n := len(byClass(doc, "promo-rows")) + len(byClass(doc, "promo-details")); n != 0 {
		t.Errorf("public page has %d data blocks", n)
	}
	if byID(doc, "reasons-table") == nil {
		t.Error("public page has no counts per reason")
	}
}

// TestDeterministic: the same inputs give the same bytes, whatever the
// number of workers or the order the exports are named in.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	a := filepath.Join(sample, "export", "posts.jsonl")
	b := filepath.Join(sample, "export", "more.ndjson")
	_, one := render(t, false, 1, a, b)
	_, two := render(t, false, 4, b, a)
	if !bytes.Equal(one, two) {
		t.Error("the page differs between runs")
	}
	_, again := render(t, false, 1, a, b)
	if !bytes.Equal(one, again) {
		t.Error("the page differs between two identical runs")
	}
}

// detailLines undoes what the page's script undoes: each line of the
// block is a chunk of detail lines, gzipped and in base64.
func detailLines(t *testing.T, block string) []string {
	t.Helper()
	var out []string
	for _, chunk := range strings.Split(block, "\n") {
		zr, err := gzip.NewReader(base64.NewDecoder(base64.StdEncoding, strings.NewReader(chunk)))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Split(string(b), "\n")...)
	}
	return out
}
