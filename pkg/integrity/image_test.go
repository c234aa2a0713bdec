package integrity

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/image/draw"
)

// screenshot draws an app-like screen: a coloured header, a chart block and
// lines of word-sized dark blocks, laid out by seed.
func screenshot(seed uint64, w, h int) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, seed))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	header := color.RGBA{uint8(rng.IntN(200)), uint8(rng.IntN(200)), 200, 255}
	fill(img, image.Rect(0, 0, w, h/10), header)
	chart := image.Rect(w/10+rng.IntN(w/5), h/8, w/10+rng.IntN(w/5)+w/2, h/8+h/4)
	fill(img, chart, color.RGBA{40, 160, 90, 255})
	for y := h/2 + rng.IntN(h/10); y < h-20; y += 18 + rng.IntN(10) {
		for x := 20 + rng.IntN(40); x < w-60; {
			word := 15 + rng.IntN(60)
			fill(img, image.Rect(x, y, x+word, y+10), color.RGBA{30, 30, 30, 255})
			x += word + 8
		}
	}
	return img
}

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

func writePNG(t *testing.T, name string, img image.Image) string {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, name, buf.Bytes())
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func asJPEG(t *testing.T, img image.Image) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 70}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func halved(img image.Image) image.Image {
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}

func noisy(img *image.RGBA, amount int) image.Image {
	rng := rand.New(rand.NewPCG(1, 1))
	out := image.NewRGBA(img.Bounds())
	for i, v := range img.Pix {
		if i%4 == 3 {
			out.Pix[i] = v
			continue
		}
		out.Pix[i] = uint8(min(255, max(0, int(v)+rng.IntN(2*amount+1)-amount)))
	}
	return out
}

func mustHash(t *testing.T, path string) ImageSig {
	t.Helper()
	sig, err := HashImage(path)
	if err != nil {
		t.Fatal(err)
	}
	return sig
}

// TestHashImageVariants: copies of a screenshot stay within a few bits of
// it, another screenshot does not. The fixtures are a third of a phone
// screen (300×533): big enough for the hash's own downscaling to matter,
// small enough to build quickly under the race detector.
func TestHashImageVariants(t *testing.T) {
	const w, h = 300, 533
	orig := screenshot(1, w, h)
	half := halved(orig)
	base := mustHash(t, writePNG(t, "orig.png", orig))
	tests := []struct {
		name    string
		path    string
		maxDist int
		minDist int
	}{
		{"same bytes", writePNG(t, "copy.png", orig), 0, 0},
		{"re-encoded as JPEG", writeFile(t, "copy.jpg", asJPEG(t, orig)), 6, 0},
		{"halved", writePNG(t, "half.png", half), 6, 0},
		{"light noise", writePNG(t, "noise.png", noisy(orig, 12)), 6, 0},
		{"halved JPEG with noise", writeFile(t, "all.jpg", asJPEG(t, noisy(half.(*image.RGBA), 12))), 6, 0},
		{"unrelated screenshot", writePNG(t, "other.png", screenshot(2, w, h)), 64, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sig := mustHash(t, tt.path)
			d := bits.OnesCount64(sig.PHash ^ base.PHash)
			t.Logf("distance %d", d)
			if d > tt.maxDist || d < tt.minDist {
				t.Errorf("distance %d, want in [%d, %d]", d, tt.minDist, tt.maxDist)
			}
			if same := sig.SHA256 == base.SHA256; same != (tt.name == "same bytes") {
				t.Errorf("byte hash equal = %v", same)
			}
		})
	}
}

// hugePNG is a valid PNG header that claims w×h pixels.
func hugePNG(t *testing.T, w, h uint32) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	ihdr := data[12 : 12+4+13] // chunk type and data
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	binary.BigEndian.PutUint32(data[12+4+13:], crc32.ChecksumIEEE(ihdr))
	return data
}

func TestHashImageRefusesHuge(t *testing.T) {
	path := writeFile(t, "huge.png", hugePNG(t, 60000, 60000))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := HashImage(path)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "60000×60000 = 3600000000 pixels, over the 50000000 limit") {
		t.Fatalf("err = %v, want the pixel limit", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("refusing allocated %d bytes, want under 1 MiB", grew)
	}
}

func TestHashImageErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not an image", []byte("hello"), "not a PNG, JPEG, GIF or WebP image"},
		{"just over the limit", nil, "over the 50000000 limit"},
		{"pixel data missing", nil, "corrupt PNG: invalid format: not enough pixel data"},
	}
	tests[1].data = hugePNG(t, 10001, 5000)
	tests[2].data = hugePNG(t, 100, 100)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "x.img", tt.data)
			_, err := HashImage(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("err = %v, want %q naming the file", err, tt.want)
			}
		})
	}
	if _, err := HashImage(filepath.Join(t.TempDir(), "missing.png")); err == nil {
		t.Error("missing file: no error")
	}
}
