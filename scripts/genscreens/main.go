// Command genscreens writes the screenshot corpus that measures
// reused-image: app screens drawn from a seed, each with an honest
// sibling (the same screen of another account: some figures differ) and a
// reuse (the same screenshot re-encoded, resized, cropped, brightened,
// retaken a minute later, or photographed on screen with a border).
//
//	go run ./scripts/genscreens -out pkg/integrity/testdata/screens
//
// The output is deterministic; manifest.txt lists the pairs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Screens is the number of base screens; each gives one honest pair and
// one reuse.
const Screens = 48

// The reuses, in turn.
var transforms = []string{"jpeg50", "half", "crop5", "bright10", "statustime", "border"}

func main() {
	out := flag.String("out", "pkg/integrity/testdata/screens", "folder to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genscreens:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var manifest strings.Builder
	manifest.WriteString("# kind variant earlier later (written by scripts/genscreens)\n")
	for i := range Screens {
		s := newScreen(uint64(i + 1))
		base := fmt.Sprintf("s%02d.png", i)
		if err := writePNG(filepath.Join(out, base), s.draw()); err != nil {
			return err
		}
		h := s.sibling()
		honest := fmt.Sprintf("s%02d-other.png", i)
		if err := writePNG(filepath.Join(out, honest), h.draw()); err != nil {
			return err
		}
		fmt.Fprintf(&manifest, "honest %s %s %s\n", h.changed, base, honest)
		t := transforms[i%len(transforms)]
		name, data, err := s.reuse(t, i)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&manifest, "reuse %s %s %s\n", t, base, name)
	}
	return os.WriteFile(filepath.Join(out, "manifest.txt"), []byte(manifest.String()), 0o644)
}

// screen is one app screen: the layout comes from the seed, the figures
// and the clock are what differ between two accounts' screenshots.
type screen struct {
	seed    uint64
	w, h    int
	kind    int // 0 staking, 1 subscription receipt, 2 balance with chart
	dark    bool
	accent  color.RGBA
	clock   string
	title   string
	labels  []string
	figures []string
	changed string       // for a sibling: which figures differ
	shown   map[int]bool // the figures draw put on screen
}

var (
	titles = [][]string{
		{"Staking", "Launchpool", "Earn", "Simple Earn", "ES Staking"},
		{"Subscription", "Order details", "Subscribed", "Receipt"},
		{"Assets", "Spot balance", "Portfolio", "Wallet"},
	}
	coins  = []string{"ES", "GT", "USDT", "BTC", "ETH", "SOL", "BNB", "TON", "ARB", "OP"}
	fields = []string{"Order ID", "Time", "Product", "Amount", "Est. APR", "Est. rewards", "Lock period", "Status", "Fee"}
)

func newScreen(seed uint64) *screen {
	rng := rand.New(rand.NewPCG(seed, 7))
	sizes := [][2]int{{360, 780}, {390, 844}, {414, 896}, {360, 720}, {432, 936}}
	sz := sizes[rng.IntN(len(sizes))]
	s := &screen{seed: seed, w: sz[0], h: sz[1], kind: int(seed % 3), dark: rng.IntN(4) == 0}
	s.accent = color.RGBA{uint8(30 + rng.IntN(170)), uint8(60 + rng.IntN(150)), uint8(90 + rng.IntN(160)), 255}
	s.clock = fmt.Sprintf("%d:%02d", 8+rng.IntN(12), rng.IntN(60))
	s.title = titles[s.kind][rng.IntN(len(titles[s.kind]))]
	n := 4 + rng.IntN(4)
	for i := range n {
		switch s.kind {
		case 1:
			s.labels = append(s.labels, fields[(int(seed)+i)%len(fields)])
		default:
			s.labels = append(s.labels, coins[(int(seed)+i*3)%len(coins)])
		}
	}
	s.figures = make([]string, n+2)
	for i := range s.figures {
		s.figures[i] = figure(rng, i)
	}
	return s
}

// figure draws a random value: the headline amount, a percentage, or an
// amount of a row.
func figure(rng *rand.Rand, i int) string {
	switch i {
	case 0:
		return fmt.Sprintf("%d,%03d.%02d", 1+rng.IntN(98), rng.IntN(1000), rng.IntN(100))
	case 1:
		return fmt.Sprintf("%d.%02d%%", 1+rng.IntN(40), rng.IntN(100))
	}
	return fmt.Sprintf("%d.%04d", rng.IntN(9000)+10, rng.IntN(10000))
}

// sibling is the same screen from another account: one to three figures
// differ, and often the clock.
func (s *screen) sibling() *screen {
	rng := rand.New(rand.NewPCG(s.seed, 99))
	s.draw() // learns which figures are on screen
	var shown []int
	for i := range s.figures {
		if s.shown[i] {
			shown = append(shown, i)
		}
	}
	o := *s
	o.figures = append([]string(nil), s.figures...)
	k := 1 + rng.IntN(3)
	var changed []string
	for _, j := range rng.Perm(len(shown))[:k] {
		i := shown[j]
		for o.figures[i] == s.figures[i] {
			o.figures[i] = figure(rng, i)
		}
		changed = append(changed, fmt.Sprint(i))
	}
	o.changed = "figures:" + strings.Join(changed, ",")
	if rng.IntN(2) == 0 {
		o.clock = fmt.Sprintf("%d:%02d", 8+rng.IntN(12), rng.IntN(60))
		o.changed += "+clock"
	}
	return &o
}

func (s *screen) reuse(t string, i int) (string, []byte, error) {
	img := s.draw()
	b := img.Bounds()
	name := fmt.Sprintf("s%02d-%s.png", i, t)
	var out image.Image = img
	switch t {
	case "jpeg50":
		return encodeJPEG(fmt.Sprintf("s%02d-%s.jpg", i, t), img, 50)
	case "half":
		dst := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
		draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		out = dst
	case "crop5":
		out = img.SubImage(image.Rect(0, b.Dy()*5/100, b.Dx(), b.Dy()))
	case "bright10":
		dst := image.NewRGBA(b)
		for k, v := range img.Pix {
			dst.Pix[k] = uint8(min(255, int(v)*110/100))
		}
		out = dst
	case "statustime":
		o := *s
		o.clock = fmt.Sprintf("%d:%02d", 8+(i*7)%12, (i*13+1)%60)
		if o.clock == s.clock {
			o.clock = "23:59"
		}
		out = o.draw()
	case "border":
		// A photo viewer's background around the screenshot: dark around
		// a light screen, light around a dark one (a frame of the screen's
		// own background colour cannot be told from its margins).
		frames := []color.RGBA{{0, 0, 0, 255}, {32, 32, 36, 255}, {60, 60, 64, 255}}
		frame := frames[i/6%3]
		if s.dark {
			frame = color.RGBA{255 - frame.R, 255 - frame.G, 255 - frame.B, 255}
		}
		dst := image.NewRGBA(b)
		draw.Draw(dst, b, image.NewUniform(frame), image.Point{}, draw.Src)
		inner := image.Rect(b.Dx()*6/100, b.Dy()*6/100, b.Dx()*94/100, b.Dy()*94/100)
		draw.CatmullRom.Scale(dst, inner, img, b, draw.Src, nil)
		return encodeJPEG(fmt.Sprintf("s%02d-%s.jpg", i, t), dst, 85)
	}
	var buf bytes.Buffer
	err := png.Encode(&buf, out)
	return name, buf.Bytes(), err
}

func encodeJPEG(name string, img image.Image, q int) (string, []byte, error) {
	var buf bytes.Buffer
	err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q})
	return name, buf.Bytes(), err
}

func writePNG(path string, img image.Image) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// painter draws text and boxes on one screen.
type painter struct {
	img      *image.RGBA
	fg, bg   color.RGBA
	muted    color.RGBA
	regular  func(size float64) font.Face
	boldFace func(size float64) font.Face
}

func (s *screen) draw() *image.RGBA {
	s.shown = map[int]bool{0: true, 1: true}
	if s.kind == 0 {
		s.shown[2] = true
	}
	p := newPainter(s)
	w, h := s.w, s.h
	u := float64(w) / 390 // layout unit: 1 at an iPhone's 390 points
	// Status bar: clock, signal bars, battery.
	p.text(p.boldFace(15*u), s.clock, int(28*u), int(34*u), p.fg)
	for k := range 4 {
		x := w - int((110-float64(k)*6)*u)
		p.box(image.Rect(x, int((30-float64(k)*3)*u), x+int(4*u), int(34*u)), p.fg)
	}
	p.box(image.Rect(w-int(60*u), int(22*u), w-int(30*u), int(35*u)), p.fg)
	// Navigation bar.
	p.text(p.boldFace(18*u), "<", int(16*u), int(84*u), p.fg)
	p.textCentered(p.boldFace(18*u), s.title, w/2, int(84*u), p.fg)
	y := int(110 * u)
	switch s.kind {
	case 0:
		y = p.card(s, y, u)
		y = p.rows(s, y, u)
	case 1:
		p.circle(w/2, y+int(40*u), int(32*u), s.accent)
		p.textCentered(p.boldFace(28*u), "✓", w/2, y+int(50*u), p.bg)
		p.textCentered(p.regular(16*u), "Subscription successful", w/2, y+int(100*u), p.fg)
		p.textCentered(p.boldFace(30*u), s.figures[0]+" ES", w/2, y+int(145*u), p.fg)
		p.textCentered(p.regular(14*u), "APR "+s.figures[1], w/2, y+int(172*u), p.muted)
		y = p.table(s, y+int(200*u), u)
	default:
		p.text(p.regular(14*u), "Total balance (USDT)", int(20*u), y+int(20*u), p.muted)
		p.text(p.boldFace(32*u), s.figures[0], int(20*u), y+int(62*u), p.fg)
		p.text(p.regular(14*u), "+"+s.figures[1]+" today", int(20*u), y+int(88*u), s.accent)
		p.chart(s, image.Rect(int(20*u), y+int(105*u), w-int(20*u), y+int(215*u)))
		y = p.rows(s, y+int(230*u), u)
	}
	// Button near the bottom.
	by := max(y+int(20*u), h-int(90*u))
	if by+int(48*u) < h {
		p.box(image.Rect(int(20*u), by, w-int(20*u), by+int(48*u)), s.accent)
		p.textCentered(p.boldFace(16*u), []string{"Stake more", "Done", "Deposit"}[s.kind], w/2, by+int(30*u), color.RGBA{255, 255, 255, 255})
	}
	return p.img
}

func newPainter(s *screen) *painter {
	p := &painter{img: image.NewRGBA(image.Rect(0, 0, s.w, s.h))}
	p.fg, p.bg, p.muted = color.RGBA{20, 20, 24, 255}, color.RGBA{255, 255, 255, 255}, color.RGBA{120, 124, 132, 255}
	if s.dark {
		p.fg, p.bg, p.muted = color.RGBA{236, 236, 240, 255}, color.RGBA{18, 18, 22, 255}, color.RGBA{140, 144, 152, 255}
	}
	draw.Draw(p.img, p.img.Bounds(), image.NewUniform(p.bg), image.Point{}, draw.Src)
	p.regular, p.boldFace = faces(goregular.TTF), faces(gobold.TTF)
	return p
}

func faces(ttf []byte) func(float64) font.Face {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic(err)
	}
	cache := map[float64]font.Face{}
	return func(size float64) font.Face {
		if face, ok := cache[size]; ok {
			return face
		}
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			panic(err)
		}
		cache[size] = face
		return face
	}
}

func (p *painter) text(face font.Face, s string, x, y int, c color.Color) {
	d := &font.Drawer{Dst: p.img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

func (p *painter) textCentered(face font.Face, s string, cx, y int, c color.Color) {
	w := font.MeasureString(face, s).Round()
	p.text(face, s, cx-w/2, y, c)
}

func (p *painter) textRight(face font.Face, s string, right, y int, c color.Color) {
	w := font.MeasureString(face, s).Round()
	p.text(face, s, right-w, y, c)
}

func (p *painter) box(r image.Rectangle, c color.Color) {
	draw.Draw(p.img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

func (p *painter) circle(cx, cy, r int, c color.Color) {
	for y := -r; y <= r; y++ {
		for x := -r; x <= r; x++ {
			if x*x+y*y <= r*r {
				p.img.Set(cx+x, cy+y, c)
			}
		}
	}
}

// card is the staking screen's headline: total staked, APR and rewards.
func (p *painter) card(s *screen, y int, u float64) int {
	w := s.w
	p.box(image.Rect(int(16*u), y, w-int(16*u), y+int(150*u)), s.accent)
	white := color.RGBA{255, 255, 255, 255}
	p.text(p.regular(14*u), "Total staked", int(32*u), y+int(32*u), white)
	p.text(p.boldFace(30*u), s.figures[0]+" ES", int(32*u), y+int(74*u), white)
	p.text(p.regular(13*u), "APR", int(32*u), y+int(108*u), white)
	p.text(p.boldFace(15*u), s.figures[1], int(32*u), y+int(130*u), white)
	p.text(p.regular(13*u), "Yesterday's rewards", w/2, y+int(108*u), white)
	p.text(p.boldFace(15*u), s.figures[2], w/2, y+int(130*u), white)
	return y + int(170*u)
}

// rows is a list of coins with an amount each.
func (p *painter) rows(s *screen, y int, u float64) int {
	w := s.w
	for i, label := range s.labels {
		if y+int(56*u) > s.h-int(100*u) {
			break
		}
		p.circle(int(36*u), y+int(22*u), int(14*u), s.accent)
		p.text(p.boldFace(15*u), label, int(60*u), y+int(20*u), p.fg)
		p.text(p.regular(12*u), "Flexible", int(60*u), y+int(38*u), p.muted)
		p.textRight(p.boldFace(15*u), s.figures[(i+3)%len(s.figures)], w-int(20*u), y+int(28*u), p.fg)
		s.shown[(i+3)%len(s.figures)] = true
		p.box(image.Rect(int(60*u), y+int(52*u), w, y+int(53*u)), p.muted)
		y += int(56 * u)
	}
	return y
}

// table is the receipt's label: value lines.
func (p *painter) table(s *screen, y int, u float64) int {
	w := s.w
	for i, label := range s.labels {
		if y+int(40*u) > s.h-int(100*u) {
			break
		}
		p.text(p.regular(14*u), label, int(20*u), y+int(24*u), p.muted)
		p.textRight(p.regular(14*u), s.figures[(i+2)%len(s.figures)], w-int(20*u), y+int(24*u), p.fg)
		s.shown[(i+2)%len(s.figures)] = true
		y += int(40 * u)
	}
	return y
}

// chart is a price line drawn from the seed alone: two accounts see the
// same chart.
func (p *painter) chart(s *screen, r image.Rectangle) {
	rng := rand.New(rand.NewPCG(s.seed, 3))
	v := 0.5
	prev := -1
	for x := r.Min.X; x < r.Max.X; x++ {
		v = min(0.95, max(0.05, v+(rng.Float64()-0.5)*0.06))
		yy := r.Max.Y - int(v*float64(r.Dy()))
		if prev < 0 {
			prev = yy
		}
		for y := min(prev, yy); y <= max(prev, yy)+1; y++ {
			p.img.Set(x, y, s.accent)
		}
		prev = yy
	}
}
