package integrity

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/internal/testfifo"
)

// pngIHDR is a PNG signature and IHDR chunk for w×h pixels of the given
// bit depth and colour type, with its CRC, and nothing after it.
func pngIHDR(w, h uint32, depth, colour byte) []byte {
	b := []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}
	b = binary.BigEndian.AppendUint32(b, w)
	b = binary.BigEndian.AppendUint32(b, h)
	b = append(b, depth, colour, 0, 0, 0)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[12:]))
}

// jpegFrame is a JPEG that stops after its frame header: SOF0 (baseline)
// or SOF2 (progressive) for w×h pixels in three components without
// subsampling.
func jpegFrame(w, h uint16, progressive bool) []byte {
	sof := byte(0xc0)
	if progressive {
		sof = 0xc2
	}
	b := []byte{0xff, 0xd8, 0xff, sof, 0, 17, 8}
	b = binary.BigEndian.AppendUint16(b, h)
	b = binary.BigEndian.AppendUint16(b, w)
	return append(b, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1)
}

// manyScans repeats the one scan of a small baseline JPEG n times.
func manyScans(t *testing.T, n int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, screenshot(3, 64, 64), nil); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	sos := bytes.Index(data, []byte{0xff, 0xda})
	scan := data[sos : len(data)-2] // up to EOI
	out := append([]byte(nil), data[:sos]...)
	for range n {
		out = append(out, scan...)
	}
	return append(out, 0xff, 0xd9)
}

func screenshotPNG(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/screens/s00.png")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func encodedGIF(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := gif.Encode(&buf, screenshot(4, 200, 300), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodedJPEG(t *testing.T) []byte { return asJPEG(t, screenshot(5, 300, 500)) }

// TestReadImageHostile: every file that is not a whole image of a format
// promo decodes is refused with the reason, before any large allocation.
func TestReadImageHostile(t *testing.T) {
	pngData := screenshotPNG(t)
	jpg := encodedJPEG(t)
	gf := encodedGIF(t)
	webp, err := os.ReadFile("testdata/hostile/small.webp")
	if err != nil {
		t.Fatal(err)
	}
	corrupt := bytes.Clone(pngData)
	corrupt[len(corrupt)/2] ^= 0xff // inside IDAT: the zlib stream or the CRC breaks
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"PNG truncated at 300 bytes", pngData[:300], "truncated PNG: the data ends after 300 bytes; attach the complete file"},
		{"PNG without its end", pngData[:len(pngData)-12], "truncated PNG"},
		{"PNG with a flipped byte", corrupt, "corrupt PNG"},
		{"JPEG truncated", jpg[:len(jpg)/2], "truncated JPEG"},
		{"JPEG truncated in its header", jpg[:100], "truncated JPEG: the file ends after 100 bytes, inside its header"},
		{"17-byte GIF", []byte("GIF89a-not-really"), "truncated GIF: the file ends after 17 bytes without the GIF trailer"},
		{"GIF truncated", gf[:len(gf)/2], "truncated GIF"},
		{"WebP truncated", webp[:len(webp)-500], "truncated WebP: 1,950 of 2,450 bytes"},
		{"HEIC photo", append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 100)...), "an HEIC photo, which promo cannot decode; export it as JPEG"},
		{"AVIF image", append([]byte("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf"), make([]byte, 100)...), "an AVIF image, which promo cannot decode; convert it to PNG or JPEG"},
		{"SVG drawing", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`), "an SVG drawing, which promo cannot decode; SVG is a vector drawing, not a screenshot; export it as PNG"},
		{"BMP image", append([]byte("BM"), make([]byte, 60)...), "a BMP image, which promo cannot decode"},
		{"saved web page", []byte("<!DOCTYPE html><html><body>404</body></html>"), "a web page (HTML), which promo cannot decode; the link was saved instead of the image"},
		{"empty file", nil, "an empty file, which promo cannot decode"},
		{"60000×60000 PNG header", pngIHDR(60000, 60000, 8, 2), "PNG image is 60000×60000 = 3600000000 pixels, over the 50000000 limit"},
		{"16-bit PNG of 7000×7000", pngIHDR(7000, 7000, 16, 6), "16-bit PNG of 7000×7000 needs about 420 MiB to decode, over the 256 MiB limit"},
		{"progressive JPEG of 7000×7000", jpegFrame(7000, 7000, true), "progressive JPEG of 7000×7000 needs about 786 MiB to decode, over the 256 MiB limit"},
		{"JPEG with 2,000 scans", manyScans(t, 2000), "JPEG has 2,000 scans, over the limit of 100"},
		{"lossless JPEG", []byte{0xff, 0xd8, 0xff, 0xc3, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0}, "a lossless, hierarchical or arithmetic-coded JPEG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "img", tt.data)
			f, err := ReadImage(context.Background(), path, nil)
			var ie *ImageError
			if !errors.As(err, &ie) || !strings.Contains(ie.Problem, tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			// Whatever the file, its bytes are hashed for exact copies.
			if !f.Hashed || f.Sig.SHA256 != sha(tt.data) {
				t.Errorf("Hashed = %v, SHA-256 not of the file", f.Hashed)
			}
			if f.Sig.Print != nil {
				t.Error("an unreadable image has a print")
			}
		})
	}
}

func sha(b []byte) [32]byte { return sha256.Sum256(b) }

func writePNGTo(w *bytes.Buffer, img image.Image) error { return png.Encode(w, img) }

// TestReadImageDecodes: whole images of each format decode and get a print
// when they are wide enough.
func TestReadImageDecodes(t *testing.T) {
	webp, err := os.ReadFile("testdata/hostile/small.webp")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   []byte
		format string
		print  bool
	}{
		{"PNG", screenshotPNG(t), "png", true},
		{"JPEG", encodedJPEG(t), "jpeg", true},
		{"GIF", encodedGIF(t), "gif", true},
		{"WebP", webp, "webp", true},
		{"narrow PNG", nil, "png", false},
	}
	var buf bytes.Buffer
	if err := writePNGTo(&buf, screenshot(6, 100, 100)); err != nil {
		t.Fatal(err)
	}
	tests[4].data = buf.Bytes()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ReadImage(context.Background(), writeFile(t, "img", tt.data), nil)
			if err != nil {
				t.Fatal(err)
			}
			if f.Format != tt.format || !f.Hashed || (f.Sig.Print != nil) != tt.print {
				t.Errorf("format %q, hashed %v, print %v", f.Format, f.Hashed, f.Sig.Print != nil)
			}
		})
	}
}

// TestReadImageNotRegular: a FIFO or a device named as an image is refused
// at once, never read (a FIFO would block until a writer came).
func TestReadImageNotRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo.png")
	if err := testfifo.Make(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	tests := []struct{ name, path, want string }{
		{"FIFO", fifo, "a named pipe (FIFO), not a file; attach the screenshot itself"},
		{"device", charDevice(t), "a character device, not a file"},
		{"folder", t.TempDir(), "a folder, not a file"},
		{"missing", filepath.Join(t.TempDir(), "gone.png"), "file not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := ReadImage(context.Background(), tt.path, nil)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("err = %v, want %q", err, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("ReadImage is still waiting")
			}
		})
	}
}

// charDevice is a character device to name as an image, found by its
// mode (it is never opened).
func charDevice(t *testing.T) string {
	for _, p := range []string{"/dev/zero", "/dev/null", "/dev/urandom"} {
		if st, err := os.Stat(p); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return p
		}
	}
	t.Skip("no character device found")
	return ""
}

// TestReadImageCancelled: a cancelled context stops reading and decoding.
func TestReadImageCancelled(t *testing.T) {
	path := writeFile(t, "s.png", screenshotPNG(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadImage(ctx, path, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestBudget: a decode waits for the bytes it needs, is served once they
// are released, and stops waiting when its context is cancelled.
func TestBudget(t *testing.T) {
	b := NewBudget(100)
	ctx := context.Background()
	if err := b.acquire(ctx, 80); err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	go func() { got <- b.acquire(ctx, 50) }()
	select {
	case <-got:
		t.Fatal("acquired 50 with 20 free")
	case <-time.After(50 * time.Millisecond):
	}
	b.release(80)
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	go func() { got <- b.acquire(cctx, 60) }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if err := <-got; !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// The cancelled request left nothing behind: the rest is free.
	if err := b.acquire(ctx, 50); err != nil {
		t.Fatal(err)
	}
	// A request larger than the whole budget waits for all of it.
	b.release(100)
	if err := b.acquire(ctx, 1000); err != nil {
		t.Fatal(err)
	}
}

// TestReadImageWaitsForBudget: with the budget spent, a decode waits, and
// gives up when cancelled.
func TestReadImageWaitsForBudget(t *testing.T) {
	path := writeFile(t, "s.png", screenshotPNG(t))
	b := NewBudget(1 << 20)
	if err := b.acquire(context.Background(), 1<<20); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := ReadImage(ctx, path, b); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the deadline", err)
	}
	b.release(1 << 20)
	if _, err := ReadImage(context.Background(), path, b); err != nil {
		t.Errorf("after release: %v", err)
	}
}
