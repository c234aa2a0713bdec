package integrity

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadImage: any bytes either decode to an image, or are
// refused with an ImageError; never a panic, and the bytes are hashed. An
// image it reads has the size and format the standard decoders give, and
// the hash of the file's bytes.
func FuzzReadImage(f *testing.F) {
	for _, seed := range [][]byte{
		pngIHDR(7000, 7000, 16, 6),
		jpegFrame(7000, 7000, true),
		[]byte("GIF89a-not-really"),
		[]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"),
		[]byte("<svg/>"),
		{0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9},
	} {
		f.Add(seed)
	}
	if data, err := os.ReadFile("testdata/hostile/small.webp"); err == nil {
		f.Add(data)
	}
	f.Add(encoded(f, "png", 5, 3))
	f.Add(encoded(f, "jpeg", 9, 16))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "img")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		img, err := ReadImage(context.Background(), path, nil)
		var ie *ImageError
		if err != nil && !errors.As(err, &ie) {
			t.Fatalf("err %v is not an ImageError", err)
		}
		if !img.Hashed {
			t.Fatal("bytes not hashed")
		}
		if err != nil && img.Sig.Print != nil {
			t.Fatal("a refused image has a print")
		}
		if img.Sig.SHA256 != sha256.Sum256(data) {
			t.Fatal("the hash is not the SHA-256 of the file")
		}
		if err != nil {
			return
		}
		cfg, format, cerr := image.DecodeConfig(bytes.NewReader(data))
		if cerr != nil {
			t.Fatalf("read as a %dx%d %s, but the standard decoder refuses it: %v", img.Width, img.Height, img.Format, cerr)
		}
		if cfg.Width != img.Width || cfg.Height != img.Height || format != img.Format {
			t.Fatalf("read as a %dx%d %s, the standard decoder says %dx%d %s", img.Width, img.Height, img.Format, cfg.Width, cfg.Height, format)
		}
	})
}

// FuzzCountScans: the marker walk ends on any bytes with a count within
// them, and the JPEG header reader agrees with image/jpeg on the size.
func FuzzCountScans(f *testing.F) {
	f.Add(jpegFrame(10, 10, false))
	f.Add(encoded(f, "jpeg", 16, 9))
	f.Add([]byte{0xff, 0xd8, 0xff, 0xda, 0, 2, 1, 2, 0xff, 0, 0xff, 0xd0, 0xff, 0xda, 0, 2, 0xff, 0xd9})
	f.Fuzz(func(t *testing.T, data []byte) {
		if n := countScans(data); n < 0 || n > len(data) {
			t.Fatalf("countScans = %d for %d bytes", n, len(data))
		}
		// The header reader sizes a JPEG before it is decoded: when it and
		// image/jpeg both read one, they agree on the size.
		var h imageHeader
		if jpegHeader(&h, data) != nil {
			return
		}
		if cfg, err := jpeg.DecodeConfig(bytes.NewReader(data)); err == nil && (cfg.Width != h.width || cfg.Height != h.height) {
			t.Fatalf("header %dx%d, image/jpeg %dx%d", h.width, h.height, cfg.Width, cfg.Height)
		}
	})
}

// encoded is a w×h image in format ("png" or "jpeg") that decodes.
func encoded(t testing.TB, format string, w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 37)
	}
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	if format == "jpeg" {
		buf.Reset()
		err = jpeg.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
