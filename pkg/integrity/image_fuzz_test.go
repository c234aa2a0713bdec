package integrity

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadImage: any bytes either decode to an image with a print, or are
// refused with an ImageError; never a panic, and the bytes are hashed.
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
	})
}

// FuzzCountScans: the marker walk ends on any bytes.
func FuzzCountScans(f *testing.F) {
	f.Add(jpegFrame(10, 10, false))
	f.Add([]byte{0xff, 0xd8, 0xff, 0xda, 0, 2, 1, 2, 0xff, 0, 0xff, 0xd0, 0xff, 0xda, 0, 2, 0xff, 0xd9})
	f.Fuzz(func(t *testing.T, data []byte) {
		if n := countScans(data); n < 0 || n > len(data) {
			t.Fatalf("countScans = %d for %d bytes", n, len(data))
		}
		var h imageHeader
		_ = jpegHeader(&h, data)
	})
}
