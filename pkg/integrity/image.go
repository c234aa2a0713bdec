package integrity

import (
	"crypto/sha256"
	"fmt"
	"image"
	"io"
	"os"

	// Decoders for the formats entries attach.
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"

	"github.com/corona10/goimagehash"
)

// MaxPixels is the largest image HashImage decodes: a bigger one would cost
// gigabytes for a screenshot check and is refused from its header alone.
const MaxPixels = 50_000_000

// ImageSig identifies an image: a perceptual hash that survives
// re-encoding and resizing, and the SHA-256 of the file's bytes.
type ImageSig struct {
	PHash  uint64
	SHA256 [32]byte
}

// HashImage reads a PNG, JPEG, GIF or WebP file and returns its signature.
// It reads the header first and refuses, before decoding any pixel, an
// image of more than MaxPixels.
func HashImage(path string) (ImageSig, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImageSig{}, err
	}
	defer f.Close()
	if err := checkSize(f, path); err != nil {
		return ImageSig{}, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ImageSig{}, err
	}
	return hashDecoded(f, path)
}

func checkSize(r io.Reader, path string) error {
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return fmt.Errorf("%s: cannot read the image header: %w; attach a PNG, JPEG, GIF or WebP file", path, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("%s: %s image has no pixels (%d×%d)", path, format, cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxPixels {
		return fmt.Errorf("%s: %s image is %d×%d = %d pixels, over the %d limit; attach a smaller screenshot", path, format, cfg.Width, cfg.Height, px, MaxPixels)
	}
	return nil
}

// hashDecoded decodes the image while hashing its bytes, then hashes
// whatever the decoder left unread so the byte hash covers the whole file.
func hashDecoded(r io.Reader, path string) (ImageSig, error) {
	var sig ImageSig
	h := sha256.New()
	img, _, err := image.Decode(io.TeeReader(r, h))
	if err != nil {
		return sig, fmt.Errorf("%s: cannot decode the image: %w", path, err)
	}
	if _, err := io.Copy(h, r); err != nil {
		return sig, fmt.Errorf("%s: %w", path, err)
	}
	ph, err := goimagehash.PerceptionHash(img)
	if err != nil {
		return sig, fmt.Errorf("%s: perceptual hash: %w", path, err)
	}
	sig.PHash = ph.GetHash()
	h.Sum(sig.SHA256[:0])
	return sig, nil
}
