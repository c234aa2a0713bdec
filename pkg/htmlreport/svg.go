package htmlreport

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

// Chart geometry, in SVG user units; the SVG scales to its box.
const (
	chartW, chartH       = 640, 220
	padL, padR           = 44, 12
	padT, padB           = 24, 34
	funnelRow, funnelGap = 16, 4
)

// histogramSVG draws h as bars with its marks as labelled lines. The
// numbers are in the page as text too; the drawing is a picture of them.
func histogramSVG(h Histogram, title string) template.HTML {
	var b strings.Builder
	plotW, plotH := float64(chartW-padL-padR), float64(chartH-padT-padB)
	top := 1
	for _, c := range h.Counts {
		top = max(top, c)
	}
	span := h.Width * float64(len(h.Counts))
	x := func(v float64) float64 { return padL + plotW*(v-h.From)/span }
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-t"><title id="%s-t">%s</title>`,
		chartW, chartH, idOf(title), idOf(title), template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padL, chartH-padB, chartW-padR, chartH-padB)
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padL, padT, padL, chartH-padB)
	fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d" text-anchor="end">%d</text>`, padL-4, padT+4, top)
	fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d" text-anchor="end">0</text>`, padL-4, chartH-padB)
	bw := plotW / float64(len(h.Counts))
	for i, c := range h.Counts {
		if c == 0 {
			continue
		}
		bh := plotH * float64(c) / float64(top)
		lo := h.From + h.Width*float64(i)
		fmt.Fprintf(&b, `<rect class="bar" x="%s" y="%s" width="%s" height="%s"><title>%s–%s: %d</title></rect>`,
			num(x(lo)+0.5), num(float64(chartH-padB)-bh), num(bw-1), num(bh), num(lo), num(lo+h.Width), c)
	}
	for _, v := range ticks(h) {
		fmt.Fprintf(&b, `<text class="tick" x="%s" y="%d" text-anchor="middle">%s</text>`, num(x(v)), chartH-padB+14, num(v))
	}
	fmt.Fprintf(&b, `<text class="label" x="%d" y="%d" text-anchor="middle">%s</text>`, padL+int(plotW/2), chartH-4, template.HTMLEscapeString(h.Label))
	for k, m := range h.Marks {
		mx := num(x(m.At))
		fmt.Fprintf(&b, `<line class="mark" x1="%s" y1="%d" x2="%s" y2="%d"/>`, mx, padT-6, mx, chartH-padB)
		anchor := "start"
		if x(m.At) > chartW*0.75 {
			anchor = "end"
		}
		fmt.Fprintf(&b, `<text class="mark-label" x="%s" y="%d" text-anchor="%s">%s</text>`, mx, padT-10+12*k, anchor, template.HTMLEscapeString(m.Label))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// ticks are five evenly spaced values along the x axis.
func ticks(h Histogram) []float64 {
	span := h.Width * float64(len(h.Counts))
	var out []float64
	for k := 0; k <= 4; k++ {
		out = append(out, h.From+span*float64(k)/4)
	}
	return out
}

// funnelSVG draws the funnel: one bar per step, as long as the entries
// still in the running after it.
func funnelSVG(f Funnel) template.HTML {
	type row struct {
		label string
		n     int
		cls   string
	}
	rows := []row{{"read", f.Read, "bar"}}
	for _, s := range f.Steps {
		rows = append(rows, row{"− " + s.Code + " (" + strconv.Itoa(s.Removed) + ")", s.Remaining, "bar"})
	}
	rows = append(rows, row{"valid", f.Valid, "bar ok"}, row{"paid", f.Paid, "bar paid"})
	labelW := 230.0
	h := len(rows)*(funnelRow+funnelGap) + padT
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart funnel" viewBox="0 0 %d %d" role="img" aria-labelledby="funnel-t"><title id="funnel-t">Funnel: %d entries read, %d valid, %d paid</title>`,
		chartW, h, f.Read, f.Valid, f.Paid)
	plotW := float64(chartW) - labelW - 60
	for i, r := range rows {
		y := padT/2 + i*(funnelRow+funnelGap)
		w := 0.0
		if f.Read > 0 {
			w = plotW * float64(r.n) / float64(f.Read)
		}
		fmt.Fprintf(&b, `<text class="tick" x="%s" y="%d" text-anchor="end">%s</text>`, num(labelW-6), y+funnelRow-7, template.HTMLEscapeString(r.label))
		fmt.Fprintf(&b, `<rect class="%s" x="%s" y="%d" width="%s" height="%d"/>`, r.cls, num(labelW), y, num(max(w, 1)), funnelRow)
		fmt.Fprintf(&b, `<text class="tick" x="%s" y="%d">%d</text>`, num(labelW+max(w, 1)+4), y+funnelRow-7, r.n)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// num writes a coordinate with at most two decimals, the same on every
// platform.
func num(f float64) string {
	return strconv.FormatFloat(float64(int64(f*100+0.5))/100, 'f', -1, 64)
}

func idOf(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
