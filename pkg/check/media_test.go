package check_test

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/internal/testfifo"
)

func TestNoImage(t *testing.T) {
	url := export.Image{Ref: "https://example.com/a.png", URL: true}
	tests := []struct {
		name   string
		media  string
		images []export.Image
		want   []check.Reason
	}{
		{name: "none attached, one needed", media: "{min_images: 1}",
			want: []check.Reason{{Code: check.NoImage, Measured: "0", Limit: "1", Message: "0 images attached, at least 1 needed"}}},
		{name: "one attached, two needed", media: "{min_images: 2, verify: false}", images: []export.Image{url},
			want: []check.Reason{{Code: check.NoImage, Measured: "1", Limit: "2", Message: "1 image attached, at least 2 needed"}}},
		{name: "a url counts", media: "{min_images: 1}", images: []export.Image{url}},
		{name: "none needed", media: "{min_images: 0}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := inspect(t, "media: "+tt.media+"\n", &export.Post{ID: "p", Images: tt.images})
			assertReasons(t, e.Reasons, tt.want)
		})
	}
}

func TestImageUnreadable(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, filepath.Join(dir, "good.png"), 200, 200)
	writePNG(t, filepath.Join(dir, "small.png"), 10, 300)
	writeFile(t, filepath.Join(dir, "text.png"), []byte("not an image at all"))
	writeFile(t, filepath.Join(dir, "huge.png"), hugePNGHeader(60000, 60000))
	const media = "media: {min_images: 1, verify: true, min_width: 200, min_height: 200}\n"
	tests := []struct {
		name   string
		media  string
		images []export.Image
		want   []check.Reason
		sigs   int
	}{
		{name: "good image", media: media, images: []export.Image{localImage(dir, "good.png")}, sigs: 1},
		{name: "url is not verified", media: media, images: []export.Image{{Ref: "https://x.io/a.png", URL: true}}},
		{name: "missing file", media: media, images: []export.Image{localImage(dir, "gone.png")},
			want: []check.Reason{{Code: check.ImageUnreadable, Measured: "gone.png", Message: "image gone.png: file not found"}}},
		// A file that is read keeps the hash of its bytes, so an exact copy
		// of it is still found.
		{name: "not an image", media: media, images: []export.Image{localImage(dir, "text.png")},
			want: []check.Reason{{Code: check.ImageUnreadable, Measured: "text.png", Message: "image text.png: not a PNG, JPEG, GIF or WebP image"}}, sigs: 1},
		{name: "too small", media: media, images: []export.Image{localImage(dir, "small.png")},
			want: []check.Reason{{Code: check.ImageUnreadable, Measured: "small.png", Message: "image small.png: 10×300 pixels, at least 200×200 needed"}}, sigs: 1},
		{name: "outside the export folder", media: media,
			images: []export.Image{{Ref: "../../etc/passwd.png", Path: "/etc/passwd.png", Problem: export.ProblemOutside}},
			want:   []check.Reason{{Code: check.ImageUnreadable, Measured: "../../etc/passwd.png", Message: "image ../../etc/passwd.png: outside the export folder"}}},
		{name: "each bad image reported, good ones kept", media: media,
			images: []export.Image{localImage(dir, "good.png"), localImage(dir, "gone.png"), localImage(dir, "small.png")},
			want: []check.Reason{
				{Code: check.ImageUnreadable, Measured: "gone.png", Message: "image gone.png: file not found"},
				{Code: check.ImageUnreadable, Measured: "small.png", Message: "image small.png: 10×300 pixels, at least 200×200 needed"},
			}, sigs: 2},
		{name: "not verified", media: "media: {min_images: 1, verify: false}\n",
			images: []export.Image{localImage(dir, "gone.png"), localImage(dir, "text.png")}},
		// Decoded in full or not at all: a header claiming more pixels than
		// the budget is refused before any pixel is allocated.
		{name: "huge header refused", media: media, images: []export.Image{localImage(dir, "huge.png")},
			want: []check.Reason{{Code: check.ImageUnreadable, Measured: "huge.png",
				Message: "image huge.png: PNG image is 60000×60000 = 3600000000 pixels, over the 50000000 limit; attach a smaller screenshot"}}, sigs: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ws check.Workspace
			e := mustChecker(t, tt.media).Inspect(&export.Post{ID: "p", Images: tt.images}, &ws, false)
			assertReasons(t, e.Reasons, tt.want)
			if _, sigs := ws.Signatures(); len(sigs) != tt.sigs {
				t.Errorf("%d image signatures, want %d", len(sigs), tt.sigs)
			}
		})
	}
}

// TestImageUnreadableHostile: an image that only its header vouched for
// (truncated, a FIFO, a format promo cannot decode) is image-unreadable
// with the reason, and a FIFO is never waited on.
func TestImageUnreadableHostile(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, filepath.Join(dir, "good.png"), 200, 200)
	good, err := os.ReadFile(filepath.Join(dir, "good.png"))
	if err != nil {
		t.Fatal(err)
	}
	cut := len(good) / 2
	writeFile(t, filepath.Join(dir, "cut.png"), good[:cut])
	writeFile(t, filepath.Join(dir, "fake.gif"), []byte("GIF89a-not-really"))
	writeFile(t, filepath.Join(dir, "photo.heic"), append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 64)...))
	fifo := filepath.Join(dir, "fifo.png")
	if err := testfifo.Make(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	const media = "media: {min_images: 1, verify: true}\n"
	tests := []struct {
		name string
		file string
		want string
	}{
		{"truncated PNG", "cut.png", fmt.Sprintf("image cut.png: truncated PNG: the data ends after %d bytes; attach the complete file", cut)},
		{"17-byte GIF", "fake.gif", "image fake.gif: truncated GIF: the file ends after 17 bytes without the GIF trailer; attach the complete file"},
		{"HEIC photo", "photo.heic", "image photo.heic: an HEIC photo, which promo cannot decode; export it as JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible) or convert it to PNG"},
		{"FIFO", "fifo.png", "image fifo.png: a named pipe (FIFO), not a file; attach the screenshot itself"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := inspect(t, media, &export.Post{ID: "p", Images: []export.Image{localImage(dir, tt.file)}})
			assertReasons(t, e.Reasons, []check.Reason{{Code: check.ImageUnreadable, Measured: tt.file, Message: tt.want}})
		})
	}
}

// TestHugeImageCostsNoMemory: a header claiming 60000×60000 pixels (10 GB
// decoded) is refused by its size alone.
func TestHugeImageCostsNoMemory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "huge.png"), hugePNGHeader(60000, 60000))
	c := mustChecker(t, "media: {min_images: 1, verify: true, min_width: 200, min_height: 200}\n")
	p := &export.Post{ID: "p", Images: []export.Image{localImage(dir, "huge.png")}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	e := c.Inspect(p, &check.Workspace{}, false)
	runtime.ReadMemStats(&after)
	if !e.Has(check.ImageUnreadable) {
		t.Errorf("reasons %+v, want image-unreadable", e.Reasons)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("Inspect allocated %d bytes for a header-only image, want under 1 MiB", n)
	}
}

// hugePNGHeader is the 33 bytes a PNG starts with: the signature and an
// IHDR chunk for an 8-bit RGB image of w×h pixels, with its CRC.
func hugePNGHeader(w, h uint32) []byte {
	b := []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}
	b = binary.BigEndian.AppendUint32(b, w)
	b = binary.BigEndian.AppendUint32(b, h)
	b = append(b, 8, 2, 0, 0, 0) // depth 8, RGB, deflate, no filter, no interlace
	b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[12:]))
	return b
}

func TestHugePNGHeaderIs33Bytes(t *testing.T) {
	if n := len(hugePNGHeader(1, 1)); n != 33 {
		t.Fatalf("header is %d bytes, want 33", n)
	}
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
