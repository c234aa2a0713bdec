package integrity

import (
	"fmt"
	"image"
	"math"
	"strconv"
)

// TileSize is the side of a tile, in print pixels: a phone screenshot's
// print has 16 columns of tiles and about 35 rows.
const TileSize = 4

// tileTolerance and tileContrastFloor set when a tile differs (see
// tileMatches). Measured on the screenshot corpus (testdata/screens):
// copies reach 19 % at most, the least visible honest change (a pale
// figure in small type) 25 %.
const (
	tileTolerance     = 0.22
	tileContrastFloor = 32
)

// maxShift is how many print rows the comparison slides one print against
// the other, for crops that do not line up at the bottom.
const maxShift = 2

// minOverlap is the least share of either print's body the other must
// cover: a copy may lose its status bar, not half its content.
const minOverlap = 0.85

// Evidence is what the tile comparison of two prints found.
type Evidence struct {
	Tiles    int             // tiles compared (status bar left out)
	Matching int             // tiles equal up to re-encoding noise
	Region   image.Rectangle // where tiles differ, in the later image's pixels; empty when none do
}

// Share is the share of matching tiles, 0 when nothing was compared.
func (e Evidence) Share() float64 {
	if e.Tiles == 0 {
		return 0
	}
	return float64(e.Matching) / float64(e.Tiles)
}

// String words the evidence for explain.
func (e Evidence) String() string {
	// Rounded down, so that only every tile reads 100 %.
	pct := strconv.FormatFloat(math.Floor(1000*e.Share())/10, 'f', -1, 64)
	s := fmt.Sprintf("%d of %d tiles match (%s%%)", e.Matching, e.Tiles, pct)
	if !e.Region.Empty() {
		s += fmt.Sprintf("; differs in x %d–%d, y %d–%d", e.Region.Min.X, e.Region.Max.X, e.Region.Min.Y, e.Region.Max.Y)
	}
	return s
}

// ComparePrints lines b (the later image) up with a and compares them
// tile by tile, below the status bar. Prints too different in height to
// be the same screen compare as 0 tiles.
func ComparePrints(a, b *Print) Evidence {
	al, ok := align(a, b)
	if !ok {
		return Evidence{}
	}
	return al.evidence(-1)
}

// samePrints reports whether b matches a in at least minTiles of its
// tiles, stopping at the first tile too many.
func samePrints(a, b *Print, minTiles float64) (Evidence, bool) {
	al, ok := align(a, b)
	if !ok {
		return Evidence{}, false
	}
	tiles := al.tiles()
	allowed := int(float64(tiles)*(1-minTiles) + 1e-9)
	ev := al.evidence(allowed)
	if ev.Tiles < tiles {
		return ev, false // stopped early
	}
	return ev, ev.Share() >= minTiles
}

// align lines b up with a: the bottom rows that fit best, grey levels
// matched, then a resampled where b's pixels fall on it.
func align(a, b *Print) (*aligned, bool) {
	dy, ok := bestShift(a, b)
	if !ok {
		return nil, false
	}
	n := overlapRows(a, b, dy)
	al := newAligned(a, b, dy, n, matchGrey(a, b, dy, n))
	return al, true
}

func (al *aligned) tiles() int {
	return (al.n + TileSize - 1) / TileSize * (PrintWidth / TileSize)
}

// evidence compares tile by tile, from the bottom up like the rows;
// with stop >= 0 it returns early once more than stop tiles differ.
func (al *aligned) evidence(stop int) Evidence {
	var ev Evidence
	for t := 0; t*TileSize < al.n; t++ {
		rows := min(TileSize, al.n-t*TileSize)
		for c := 0; c < PrintWidth; c += TileSize {
			ev.Tiles++
			if al.tileScore(t*TileSize, rows, c) <= tileTolerance {
				ev.Matching++
				continue
			}
			ev.Region = ev.Region.Union(al.b.region(t*TileSize, rows, c))
			if stop >= 0 && ev.Tiles-ev.Matching > stop {
				return ev
			}
		}
	}
	return ev
}

// aligned is a's grey levels mapped onto b's and resampled where b's
// pixels fall on a: frame edges and scaling place the two prints' pixel
// grids up to a pixel apart, and at a sharp edge a third of a pixel is a
// large difference.
type aligned struct {
	a      []float32 // a's rows from the bottom, mapped, one spare row each end
	w      []float32 // a resampled at (fx, fy, sx, sy), n rows of b's grid
	b      *Print
	dyB    int // b's first compared row from the bottom
	n      int
	fx, fy float32 // b's pixel (x, k) lies on a's (x·(1+sx)+fx, k·(1+sy)+fy)
	sx, sy float32
}

func newAligned(a, b *Print, dy, n int, lut *[256]uint8) *aligned {
	al := &aligned{b: b, dyB: max(-dy, 0), n: n, a: make([]float32, (n+2)*PrintWidth), w: make([]float32, n*PrintWidth)}
	for k := -1; k <= n; k++ {
		ka := min(a.H-1, max(0, k+max(dy, 0)))
		for x, v := range rowOf(a, ka) {
			al.a[(k+1)*PrintWidth+x] = float32(lut[v])
		}
	}
	al.warp()
	if al.evidence(0).Matching < al.tiles() {
		al.fit() // not equal as they lie: find the offset and scale
	}
	return al
}

// warp resamples a at the current transform onto b's grid.
func (al *aligned) warp() {
	for k := range al.n {
		for x := range PrintWidth {
			al.w[k*PrintWidth+x] = al.atf(float32(x), float32(k))
		}
	}
}

// fit finds where b's pixels fall on a by Gauss-Newton on the squared
// differences (Lucas-Kanade): an offset and a scale on each axis, a few
// steps from the identity, each solving the normal equations of the
// resampled a's gradients over a sample of pixels. The scales absorb a
// frame edge placed a pixel off, which over a print's height is a row.
func (al *aligned) fit() {
	for range 5 {
		var m [4][5]float64 // normal equations, augmented
		for k := 2; k < al.n-2; k += fitStep {
			rb := rowOf(al.b, k+al.dyB)
			kf := float32(k)
			for x := 2; x < PrintWidth-2; x += fitStep {
				xf := float32(x)
				r := float64(al.atf(xf, kf) - float32(rb[x]))
				gx := float64(al.atf(xf+1, kf)-al.atf(xf-1, kf)) / 2
				gy := float64(al.atf(xf, kf+1)-al.atf(xf, kf-1)) / 2
				j := [4]float64{gx, gy, gx * float64(x), gy * float64(k)}
				for a := range 4 {
					for b := a; b < 4; b++ {
						m[a][b] += j[a] * j[b]
					}
					m[a][4] -= j[a] * r
				}
			}
		}
		for a := range 4 {
			for b := range a {
				m[a][b] = m[b][a]
			}
		}
		d, ok := solve4(m)
		if !ok {
			break
		}
		al.fx = clamp32(al.fx+float32(d[0]), 2)
		al.fy = clamp32(al.fy+float32(d[1]), 2)
		al.sx = clamp32(al.sx+float32(d[2]), 0.02)
		al.sy = clamp32(al.sy+float32(d[3]), 0.02)
		if d[0]*d[0]+d[1]*d[1] < 1e-4 && d[2]*d[2]+d[3]*d[3] < 1e-10 {
			break
		}
	}
	al.warp()
}

// fitStep samples every other pixel each way for the fit: a quarter of
// the work, and the same offset to a hundredth of a pixel.
const fitStep = 2

func clamp32(v, lim float32) float32 { return min(lim, max(-lim, v)) }

// solve4 solves the 4×4 system by Gaussian elimination with pivoting.
func solve4(m [4][5]float64) ([4]float64, bool) {
	var x [4]float64
	for c := range 4 {
		p := c
		for r := c + 1; r < 4; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-9 {
			return x, false
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < 4; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k < 5; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	for r := 3; r >= 0; r-- {
		v := m[r][4]
		for k := r + 1; k < 4; k++ {
			v -= m[r][k] * x[k]
		}
		x[r] = v / m[r][r]
	}
	return x, true
}

// at is a's value at b's pixel (x, k), at the fitted transform.
func (al *aligned) at(x, k int) float32 { return al.w[k*PrintWidth+x] }

// atf is a's value at b's point (x, k), bilinearly interpolated.
func (al *aligned) atf(x, k float32) float32 {
	fx, fy := x*(1+al.sx)+al.fx, k*(1+al.sy)+al.fy
	fx = min(PrintWidth-1, max(0, fx))
	x0, y0 := int(fx), int(fy+1)-1
	if fy < 0 && float32(y0) > fy {
		y0--
	}
	tx, ty := fx-float32(x0), fy-float32(y0)
	x1 := min(PrintWidth-1, x0+1)
	r0, r1 := al.row(y0), al.row(y0+1)
	top := r0[x0]*(1-tx) + r0[x1]*tx
	bot := r1[x0]*(1-tx) + r1[x1]*tx
	return top*(1-ty) + bot*ty
}

func (al *aligned) row(k int) []float32 {
	k = min(al.n, max(-1, k)) + 1
	return al.a[k*PrintWidth : (k+1)*PrintWidth]
}

// tileScore is the tile's largest 2×2 patch difference over its contrast
// (its range of grey, plus tileContrastFloor); the tile differs above
// tileTolerance. Re-encoding, resizing and brightness leave a few per cent
// at edges, a changed figure changes whole patches. The print's outermost
// pixels are left out: at an offset, a's values there would be read
// beyond its edge.
func (al *aligned) tileScore(k0, rows, c int) float32 {
	x0, x1 := max(c, 1), min(c+TileSize, PrintWidth-2)
	ka, kb := max(k0, 1), min(k0+rows, al.n-2)
	lo, hi, worst := float32(255), float32(0), float32(0)
	for k := ka; k < kb; k++ {
		for x := x0; x < x1; x++ {
			v := al.at(x, k)
			lo, hi = min(lo, v), max(hi, v)
			worst = max(worst, al.patch(x, k))
		}
	}
	return worst / (hi - lo + tileContrastFloor)
}

// patch is the mean difference over the 2×2 pixels from (x, k).
func (al *aligned) patch(x, k int) float32 {
	sum := float32(0)
	for dk := range 2 {
		rb := rowOf(al.b, k+dk+al.dyB)
		for dx := range 2 {
			sum += abs32(al.at(x+dx, k+dk) - float32(rb[x+dx]))
		}
	}
	return sum / 4
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// rowOf is a print's row k counted from the bottom (k = 0 is the bottom
// row); b's row k lies on a's row k+dy.
func rowOf(p *Print, k int) []uint8 {
	r := p.H - 1 - k
	return p.Pix[r*PrintWidth : (r+1)*PrintWidth]
}
func overlapRows(a, b *Print, dy int) int {
	return min(a.Body-max(dy, 0), b.Body-max(-dy, 0))
}

// bestShift picks the alignment with the least mean difference, among
// those that leave enough overlap.
func bestShift(a, b *Print) (int, bool) {
	best, bestCost, found := 0, int64(-1), false
	for dy := -maxShift; dy <= maxShift; dy++ {
		n := overlapRows(a, b, dy)
		if float64(n) < minOverlap*float64(max(a.Body, b.Body)) || n <= 0 {
			continue
		}
		var cost int64
		for k := range n {
			ra, rb := rowOf(a, k+max(dy, 0)), rowOf(b, k+max(-dy, 0))
			for x := range ra {
				cost += int64(absInt(int(ra[x]) - int(rb[x])))
			}
		}
		cost = cost * 1024 / int64(n)
		if !found || cost < bestCost {
			best, bestCost, found = dy, cost, true
		}
	}
	return best, found
}

// matchGrey maps a's grey levels onto b's: for each band of 8 levels,
// the mean of b where a is in the band, interpolated between bands. That
// undoes any global change of brightness or contrast, even one that clips
// at white or differs by colour, while a local change (a figure, a few
// tiles) barely moves the means.
func matchGrey(a, b *Print, dy, n int) *[256]uint8 {
	const bands = 32
	var sa, sb, cnt [bands]float64
	for k := range n {
		ra, rb := rowOf(a, k+max(dy, 0)), rowOf(b, k+max(-dy, 0))
		for x, va := range ra {
			band := va / (256 / bands)
			sa[band] += float64(va)
			sb[band] += float64(rb[x])
			cnt[band]++
		}
	}
	var xs, ys []float64
	for band := range bands {
		if cnt[band] >= 4 {
			xs, ys = append(xs, sa[band]/cnt[band]), append(ys, sb[band]/cnt[band])
		}
	}
	var lut [256]uint8
	for v := range 256 {
		lut[v] = uint8(min(255, max(0, interpolate(xs, ys, float64(v))+0.5)))
	}
	return &lut
}

// interpolate reads the polyline through (xs, ys) at x, extending the
// end segments with slope 1 (an unseen level keeps its distance).
func interpolate(xs, ys []float64, x float64) float64 {
	switch {
	case len(xs) == 0:
		return x
	case x <= xs[0]:
		return ys[0] + x - xs[0]
	case x >= xs[len(xs)-1]:
		return ys[len(ys)-1] + x - xs[len(xs)-1]
	}
	i := 1
	for xs[i] < x {
		i++
	}
	t := (x - xs[i-1]) / (xs[i] - xs[i-1])
	return ys[i-1] + t*(ys[i]-ys[i-1])
}

// region is the image rectangle of the print rows [k0, k0+rows) from the
// bottom and the tile's columns.
func (p *Print) region(k0, rows, c int) image.Rectangle {
	s, x0, y1 := float64(p.Scale), float64(p.X0), float64(p.Y1)
	return image.Rect(int(x0+float64(c)*s), int(y1-float64(k0+rows)*s),
		int(math.Ceil(x0+float64(c+TileSize)*s)), int(math.Ceil(y1-float64(k0)*s)))
}
