package integrity

import (
	"image"
	"math"

	"github.com/corona10/goimagehash"
)

// PrintWidth is the width every image is reduced to for the tile
// comparison: a figure in a screenshot's text (about 3 % of the width
// tall) still covers a few of its pixels, and a print of a phone
// screenshot is about 64×140 = 9 KB.
const PrintWidth = 128

// maxPrintRows bounds a print's height (a long scrolling screenshot keeps
// its bottom 4 widths), so a print is at most 16 KB.
const maxPrintRows = 4 * PrintWidth

// statusShare is the top of a screenshot that holds the phone's status
// bar (clock, battery): about 5 % on phones. It is left out of the
// comparison, so the same screenshot taken a minute later still matches.
const statusShare = 0.06

// Print is a grey thumbnail of an image's content: uniform borders
// trimmed, scaled to PrintWidth columns, rows anchored at the bottom (so
// a copy with its top cropped off lines up row for row).
type Print struct {
	H    int     // rows; the width is PrintWidth
	Body int     // rows, counted from the bottom, below the status bar
	Pix  []uint8 // H×PrintWidth, row-major
	// Where the print sits in the image, to name a region in pixels.
	X0, Y1 float32 // left and bottom edge of the content box
	Scale  float32 // image pixels per print pixel
}

// fingerprint computes the perceptual hash and the print in one pass
// over the image's grey values. An image narrower than PrintWidth has no
// print: it is not a screenshot, and only its bytes compare.
func fingerprint(img image.Image) (uint64, *Print) {
	g := greyOf(img)
	box := frameBox(g)
	w, h := box.x1-box.x0, box.y1-box.y0
	ib := image.Rect(int(box.x0), int(box.y0), int(math.Ceil(box.x1)), int(math.Ceil(box.y1)))
	hash := phash(g, ib)
	if w < PrintWidth || h < PrintWidth/4 {
		return hash, nil
	}
	scale := w / PrintWidth
	p := &Print{X0: float32(box.x0), Y1: float32(box.y1), Scale: float32(scale)}
	p.H = max(1, min(maxPrintRows, int(h/scale)))
	strip := box.y0 + statusShare*h
	p.Body = max(0, min(p.H, int((box.y1-strip)/scale)))

	// Columns count from the box's left edge, rows from its bottom edge,
	// both in print pixels; an image pixel cut by a bin edge is shared.
	cols := newBins(ib.Min.X, ib.Max.X, func(x int) float64 { return (float64(x) - box.x0) / scale }, PrintWidth)
	rows := newBins(ib.Min.Y, ib.Max.Y, func(y int) float64 { return (box.y1 - float64(y)) / scale }, p.H)
	sum := make([]float32, PrintWidth*p.H)
	cnt := make([]float32, PrintWidth*p.H)
	line := make([]float32, PrintWidth)
	for y := ib.Min.Y; y < ib.Max.Y; y++ {
		parts := rows.parts(y)
		if len(parts) == 0 {
			continue
		}
		clear(line)
		row := g.row(y)
		for x := ib.Min.X; x < ib.Max.X; x++ {
			cols.add(line, x, float32(row[x-g.rect.Min.X]))
		}
		for _, part := range parts {
			base := (p.H - 1 - part.bin) * PrintWidth
			for c, v := range line {
				sum[base+c] += part.w * v
				cnt[base+c] += part.w * cols.weight[c]
			}
		}
	}
	for i := range sum {
		if cnt[i] > 0 {
			sum[i] /= cnt[i]
		}
	}
	p.Pix = smooth(sum, p.H)
	if p.Body >= 16 {
		hash = p.phash()
	}
	return hash, p
}

// phash hashes the bottom of the print's body: at most 1.5 widths of it,
// below the status bar. Copies that differ in their status bar or lost
// their top hash the same rows.
func (p *Print) phash() uint64 {
	var sum, cnt [64 * 64]uint32
	n := min(p.Body, 3*PrintWidth/2)
	for k := range n {
		hy := 63 - k*64/n
		row := p.Pix[(p.H-1-k)*PrintWidth : (p.H-k)*PrintWidth]
		for x, v := range row {
			i := hy*64 + x*64/PrintWidth
			sum[i] += uint32(v)
			cnt[i]++
		}
	}
	return hashThumb(&sum, &cnt)
}

// smooth blurs the box-filtered print with [1 2 1]/4 both ways. A box
// filter moves a bin's value abruptly when a thin stroke crosses a bin
// edge, and a resized copy shifts its strokes by half its pixel; the blur
// turns that jump into a slope, so copies agree within a few grey levels
// while a changed figure still changes a patch of pixels.
func smooth(v []float32, h int) []uint8 {
	tmp := make([]float32, len(v))
	for r := range h {
		row := v[r*PrintWidth : (r+1)*PrintWidth]
		for x := range row {
			l, c, rr := row[max(0, x-1)], row[x], row[min(PrintWidth-1, x+1)]
			tmp[r*PrintWidth+x] = (l + 2*c + rr) / 4
		}
	}
	out := make([]uint8, len(v))
	for r := range h {
		up, down := max(0, r-1), min(h-1, r+1)
		for x := range PrintWidth {
			f := (tmp[up*PrintWidth+x] + 2*tmp[r*PrintWidth+x] + tmp[down*PrintWidth+x]) / 4
			out[r*PrintWidth+x] = uint8(min(255, f+0.5))
		}
	}
	return out
}

// bins spreads the pixels lo..hi-1 over bins of a fractional width: pos
// maps a pixel's edge to bin units (increasing or decreasing), a pixel
// cut by a bin edge gives each bin its share, and what falls outside
// [0, n) is dropped. At a scale of at least one pixel a bin, a pixel
// touches at most two bins.
type bins struct {
	lo     int
	first  []int32      // the lower bin of pixel i, -1 for none
	w      [][2]float32 // pixel i's share in its first bin and the next
	weight []float32    // each bin's total share of one line
}

func newBins(lo, hi int, pos func(int) float64, n int) *bins {
	b := &bins{lo: lo, first: make([]int32, hi-lo), w: make([][2]float32, hi-lo), weight: make([]float32, n)}
	for i := lo; i < hi; i++ {
		a, c := pos(i), pos(i+1)
		if a > c {
			a, c = c, a
		}
		a, c = max(a, 0), min(c, float64(n))
		k := i - lo
		b.first[k] = -1
		if c <= a {
			continue
		}
		bin := int(a)
		b.first[k] = int32(bin)
		w0 := min(c, float64(bin+1)) - a
		b.w[k] = [2]float32{float32(w0), float32(c - a - w0)}
		b.weight[bin] += b.w[k][0]
		if bin+1 < n {
			b.weight[bin+1] += b.w[k][1]
		}
	}
	return b
}

// add spreads value v of pixel i over the bins of line.
func (b *bins) add(line []float32, i int, v float32) {
	k := i - b.lo
	bin := int(b.first[k])
	if bin < 0 {
		return
	}
	line[bin] += b.w[k][0] * v
	if w := b.w[k][1]; w > 0 && bin+1 < len(line) {
		line[bin+1] += w * v
	}
}

type part struct {
	bin int
	w   float32
}

func (b *bins) parts(i int) []part {
	k := i - b.lo
	bin := int(b.first[k])
	if bin < 0 {
		return nil
	}
	out := []part{{bin, b.w[k][0]}}
	if w := b.w[k][1]; w > 0 && bin+1 < len(b.weight) {
		out = append(out, part{bin + 1, w})
	}
	return out
}

// phash is the 64-bit DCT hash of a 64×64 grey thumbnail of the box.
func phash(g grey, box image.Rectangle) uint64 {
	var sum, cnt [64 * 64]uint32
	w, h := box.Dx(), box.Dy()
	for y := box.Min.Y; y < box.Max.Y; y++ {
		hy := (y - box.Min.Y) * 64 / h
		row := g.row(y)
		for x := box.Min.X; x < box.Max.X; x++ {
			hx := (x - box.Min.X) * 64 / w
			sum[hy*64+hx] += uint32(row[x-g.rect.Min.X])
			cnt[hy*64+hx]++
		}
	}
	return hashThumb(&sum, &cnt)
}

func hashThumb(sum, cnt *[64 * 64]uint32) uint64 {
	thumb := image.NewGray(image.Rect(0, 0, 64, 64))
	for i := range sum {
		if cnt[i] > 0 {
			thumb.Pix[i] = uint8((sum[i] + cnt[i]/2) / cnt[i])
		}
	}
	h64, err := goimagehash.PerceptionHash(thumb)
	if err != nil {
		return 0 // only for a nil image
	}
	return h64.GetHash()
}

// grey is an image's luma, one byte a pixel.
type grey struct {
	pix    []uint8
	stride int
	rect   image.Rectangle
}

func (g *grey) row(y int) []uint8 {
	off := (y - g.rect.Min.Y) * g.stride
	return g.pix[off : off+g.rect.Dx()]
}

func (g *grey) at(x, y int) uint8 { return g.pix[(y-g.rect.Min.Y)*g.stride+x-g.rect.Min.X] }

// greyOf returns the luma plane: a JPEG's and a lossy WebP's own (no
// copy), otherwise converted with the BT.601 weights JPEG uses, so a PNG
// and its JPEG re-encoding give the same grey.
func greyOf(img image.Image) grey {
	r := img.Bounds()
	switch m := img.(type) {
	case *image.YCbCr:
		return grey{m.Y[m.YOffset(r.Min.X, r.Min.Y):], m.YStride, r}
	case *image.NYCbCrA:
		return grey{m.Y[m.YOffset(r.Min.X, r.Min.Y):], m.YStride, r}
	case *image.Gray:
		return grey{m.Pix[m.PixOffset(r.Min.X, r.Min.Y):], m.Stride, r}
	}
	g := grey{pix: make([]uint8, r.Dx()*r.Dy()), stride: r.Dx(), rect: r}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		greyRow(img, y, g.row(y))
	}
	return g
}

func luma(r, g, b uint32) uint8 { return uint8((19595*r + 38470*g + 7471*b + 1<<15) >> 16) }

// lumaRow fills dst from interleaved pixels of size bytes (4: 8-bit RGBA,
// 8: 16-bit RGBA, of which the high bytes are taken), red first.
func lumaRow(p []uint8, size int, dst []uint8) {
	g, b := size/4, size/2
	for i := range dst {
		o := size * i
		dst[i] = luma(uint32(p[o]), uint32(p[o+g]), uint32(p[o+b]))
	}
}

func greyRow(img image.Image, y int, dst []uint8) {
	r := img.Bounds()
	switch m := img.(type) {
	case *image.RGBA:
		lumaRow(m.Pix[m.PixOffset(r.Min.X, y):], 4, dst)
	case *image.NRGBA:
		lumaRow(m.Pix[m.PixOffset(r.Min.X, y):], 4, dst)
	case *image.RGBA64:
		lumaRow(m.Pix[m.PixOffset(r.Min.X, y):], 8, dst)
	case *image.NRGBA64:
		lumaRow(m.Pix[m.PixOffset(r.Min.X, y):], 8, dst)
	case *image.Gray16:
		p := m.Pix[m.PixOffset(r.Min.X, y):]
		for i := range dst {
			dst[i] = p[2*i] // the high byte
		}
	case *image.Paletted:
		var lut [256]uint8
		for i, c := range m.Palette {
			cr, cg, cb, _ := c.RGBA()
			lut[i] = luma(cr>>8, cg>>8, cb>>8)
		}
		p := m.Pix[m.PixOffset(r.Min.X, y):]
		for i := range dst {
			dst[i] = lut[p[i]]
		}
	default:
		for i := range dst {
			cr, cg, cb, _ := img.At(r.Min.X+i, y).RGBA()
			dst[i] = luma(cr>>8, cg>>8, cb>>8)
		}
	}
}

// fbox is a rectangle with fractional edges, in image pixels.
type fbox struct{ x0, y0, x1, y1 float64 }

// frameBox finds the screenshot inside a frame: a band of one flat colour
// along all four edges that ends at a clear edge (a photo viewer's black
// around a screenshot of a screenshot). Each edge is placed to a fraction
// of a pixel where the grey crosses halfway from the frame to what is
// inside, so a frame added around a resized copy lines up with the
// original. A screenshot's own margins are no frame: its status bar
// reaches the top, or the band does not end at an edge.
func frameBox(g grey) fbox {
	r := g.rect
	full := fbox{float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y)}
	if r.Dx() < 16 || r.Dy() < 16 {
		return full
	}
	f := int(g.at(r.Min.X, r.Min.Y))
	for _, p := range []image.Point{{r.Max.X - 1, r.Min.Y}, {r.Min.X, r.Max.Y - 1}, {r.Max.X - 1, r.Max.Y - 1}} {
		if absInt(int(g.at(p.X, p.Y))-f) > frameFlat {
			return full
		}
	}
	var out fbox
	var ok bool
	// Each side as a scan: n lines inwards, each of m pixels.
	side := func(n, m int, at func(line, i int) int) (float64, bool) {
		t := 0
		for t < n/3 && flatLine(f, m, func(i int) int { return at(t, i) }) {
			t++
		}
		if t == 0 || t >= n/3 || t+edgeSearch+3 >= n {
			return 0, false
		}
		return edgeAt(f, t, m, at)
	}
	if out.x0, ok = side(r.Dx(), r.Dy(), func(l, i int) int { return int(g.at(r.Min.X+l, r.Min.Y+i)) }); !ok {
		return full
	}
	x1, ok := side(r.Dx(), r.Dy(), func(l, i int) int { return int(g.at(r.Max.X-1-l, r.Min.Y+i)) })
	if !ok {
		return full
	}
	y0, ok := side(r.Dy(), r.Dx(), func(l, i int) int { return int(g.at(r.Min.X+i, r.Min.Y+l)) })
	if !ok {
		return full
	}
	y1, ok := side(r.Dy(), r.Dx(), func(l, i int) int { return int(g.at(r.Min.X+i, r.Max.Y-1-l)) })
	if !ok {
		return full
	}
	return fbox{float64(r.Min.X) + out.x0, float64(r.Min.Y) + y0, float64(r.Max.X) - x1, float64(r.Max.Y) - y1}
}

// A frame is flat within frameFlat grey levels (JPEG noise on a flat
// area is a few levels); what it ends at differs by more than frameEdge
// along at least half its length.
const (
	frameFlat = 12
	frameEdge = 64
)

func flatLine(f, m int, at func(i int) int) bool {
	for i := range m {
		if absInt(at(i)-f) > frameFlat {
			return false
		}
	}
	return true
}

// edgeAt places the inner edge of a band t lines thick. Along the band,
// it finds the first pixel clearly unlike the frame (JPEG ringing may
// have ended the flat band a few lines early), takes the value two lines
// further in as the inside, and places the edge where the grey crosses
// halfway between frame and inside, interpolated between pixel centres.
// The positions are averaged over the pixels where the contrast is clear,
// which must be most of the band's length.
func edgeAt(f, t, m int, at func(line, i int) int) (float64, bool) {
	sum, n := 0.0, 0
	for i := range m {
		l1 := t
		for l1 < t+edgeSearch && absInt(at(l1, i)-f) <= frameEdge {
			l1++
		}
		if l1 == t+edgeSearch {
			continue
		}
		in := at(l1+2, i)
		if absInt(in-f) <= frameEdge {
			continue
		}
		half := float64(in+f) / 2
		prev := float64(f)
		pos := float64(l1)
		for l := max(0, t-1); l <= l1+2; l++ {
			v := float64(at(l, i))
			if (v-half)*(float64(in)-half) >= 0 {
				pos = float64(l) - 0.5 + (half-prev)/(v-prev+1e-9)
				break
			}
			prev = v
		}
		sum += pos
		n++
	}
	if n < m/2 {
		return 0, false
	}
	return sum / float64(n), true
}

// edgeSearch is how far past a flat band the frame's edge may lie.
const edgeSearch = 12

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
