package integrity

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"image"
	"io"
	"io/fs"
	"os"
	"syscall"

	// Decoders for the formats entries attach.
	"image/gif"
	"image/jpeg"
	"image/png"

	"github.com/promo-cli/promo/pkg/input"
	"golang.org/x/image/webp"
)

// The limits of decoding one image. A screenshot is a few million pixels
// and a few megabytes; these leave room for large photos and refuse, from
// the header alone, what would cost gigabytes.
const (
	// MaxPixels is the largest image decoded, in pixels.
	MaxPixels = 50_000_000
	// MaxDecodeBytes is the most memory one decode may need, estimated
	// from the header: a 16-bit PNG takes 8 bytes a pixel, a progressive
	// JPEG up to 15 (its coefficients are kept until the last scan).
	MaxDecodeBytes = 256 << 20
	// MaxFileBytes is the largest file read for decoding; a larger one is
	// only hashed for exact copies.
	MaxFileBytes = 64 << 20
	// MaxJPEGScans is the most scans a JPEG may have. Encoders write 1 to
	// 3 (baseline) or about 10 (progressive); each scan walks the whole
	// image again, so thousands of them cost minutes of CPU.
	MaxJPEGScans = 100
)

// ImageSig is what promo keeps of one image file: the SHA-256 of its
// bytes (always, so exact copies are found whatever the file is) and,
// when it decoded, a perceptual hash that finds candidates and a print
// that decides between them.
type ImageSig struct {
	SHA256 [32]byte
	PHash  uint64
	Print  *Print // nil when the image was not decoded
}

// ImageFile is the outcome of reading one image file.
type ImageFile struct {
	Format        string // "png", "jpeg", "gif", "webp"; the recognised name otherwise
	Width, Height int
	Sig           ImageSig
	Hashed        bool // Sig.SHA256 covers the whole file
}

// ImageError says why an image is not usable, in words for the operator.
type ImageError struct{ Problem string }

func (e *ImageError) Error() string { return e.Problem }

func problemf(format string, args ...any) error {
	return &ImageError{Problem: fmt.Sprintf(format, args...)}
}

// ReadImage opens path once, refuses what is not a regular file, bounds
// the decode by the limits above and by budget (shared by the goroutines
// decoding at once; nil for none), decodes the image in full and returns
// its signature. A non-nil error is an *ImageError, or ctx's error when
// ctx was cancelled. Even then, ImageFile.Hashed reports whether the
// SHA-256 of the bytes was taken, so an undecodable or oversized file
// still counts as an exact copy.
func ReadImage(ctx context.Context, path string, budget *Budget) (ImageFile, error) {
	var out ImageFile
	f, size, err := openRegular(path)
	if err != nil {
		return out, err
	}
	defer f.Close()
	head := make([]byte, min(size, headBytes))
	if _, err := io.ReadFull(f, head); err != nil {
		return out, problemf("cannot read: %v", err)
	}
	kind := sniff(head)
	out.Format = kind.name
	h, err := header(kind, head, size)
	if err == nil {
		out.Width, out.Height = h.width, h.height
		err = checkEnd(h, size, tail(f, size))
	}
	if err == nil {
		err = h.bounded(size)
	}
	if err != nil {
		return out, hashRest(ctx, f, head, &out, err)
	}
	cost := size + h.cost
	if err := budget.acquire(ctx, cost); err != nil {
		return out, err
	}
	defer budget.release(cost)
	data := make([]byte, size)
	copy(data, head)
	if _, err := io.ReadFull(f, data[len(head):]); err != nil {
		return out, problemf("cannot read: %v", err)
	}
	out.Sig.SHA256 = sha256.Sum256(data)
	out.Hashed = true
	if err := checkScans(h, data); err != nil {
		return out, err
	}
	img, err := decode(ctx, kind, data)
	if err != nil {
		return out, err
	}
	out.Sig.PHash, out.Sig.Print = fingerprint(img)
	return out, nil
}

// tail is the last bytes of the file, for checkEnd.
func tail(f *os.File, size int64) []byte {
	b := make([]byte, min(size, 64))
	n, _ := f.ReadAt(b, size-int64(len(b)))
	return b[:n]
}

// headBytes is how much of a file is read to learn its format and size;
// a JPEG's frame header follows its EXIF and ICC segments, up to 64 KiB each.
const headBytes = 256 << 10

// openRegular opens path for reading only if it is a regular file: a FIFO
// would block forever and a device could be endless. The mode is checked
// before opening (so a FIFO is never opened) and again on the open file
// (so a path swapped in between is caught); O_NONBLOCK keeps even that
// open from waiting for a writer.
func openRegular(path string) (*os.File, int64, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, problemf("file not found")
	}
	if err != nil {
		return nil, 0, problemf("cannot open: %v", err)
	}
	if !st.Mode().IsRegular() {
		return nil, 0, notRegular(st.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, problemf("cannot open: %v", err)
	}
	st, err = f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = notRegular(st.Mode())
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

func notRegular(m fs.FileMode) error {
	return problemf("%s, not a file; attach the screenshot itself", input.Kind(m))
}

// hashRest finishes the SHA-256 of a file that will not be decoded, so it
// still takes part in exact-copy detection, and returns why.
func hashRest(ctx context.Context, f io.Reader, head []byte, out *ImageFile, why error) error {
	h := sha256.New()
	h.Write(head)
	if err := copyCtx(ctx, h, f); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return why
	}
	h.Sum(out.Sig.SHA256[:0])
	out.Hashed = true
	return why
}

func copyCtx(ctx context.Context, h hash.Hash, r io.Reader) error {
	buf := make([]byte, 64<<10)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, err := r.Read(buf)
		h.Write(buf[:n])
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// ctxReader stops a decoder at its next read once ctx is cancelled.
type ctxReader struct {
	ctx context.Context
	r   *bytes.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func decode(ctx context.Context, kind format, data []byte) (image.Image, error) {
	r := &ctxReader{ctx, bytes.NewReader(data)}
	var img image.Image
	var err error
	switch kind.name {
	case "png":
		img, err = png.Decode(r)
	case "jpeg":
		img, err = jpeg.Decode(r)
	case "gif":
		img, err = gif.Decode(r)
	case "webp":
		img, err = webp.Decode(r)
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, decodeProblem(kind, err, len(data)-r.r.Len(), len(data))
	}
	return img, nil
}

// decodeProblem words a decoder's error: running out of bytes is a
// truncated file, anything else is corruption in the decoder's words.
func decodeProblem(kind format, err error, used, size int) error {
	// Running out of data (io.ErrUnexpectedEOF, or a decoder's complaint
	// of missing data once every byte is used) is a truncated file.
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || used >= size {
		return problemf("truncated %s: the data ends after %s bytes; attach the complete file", kind.label, thousands(int64(size)))
	}
	msg := err.Error()
	for _, p := range []string{"png: ", "gif: ", "webp: ", "invalid JPEG format: ", "unsupported JPEG feature: "} {
		if len(msg) > len(p) && msg[:len(p)] == p {
			msg = msg[len(p):]
		}
	}
	return problemf("corrupt %s: %s (at byte %s of %s); attach the original file", kind.label, msg, thousands(int64(used)), thousands(int64(size)))
}

// thousands writes n with comma separators: 4,812.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// HashImage reads one image with no shared budget and no cancellation
// and returns its signature, or an error naming the file.
func HashImage(path string) (ImageSig, error) {
	f, err := ReadImage(context.Background(), path, nil)
	if err != nil {
		return f.Sig, fmt.Errorf("%s: %w", path, err)
	}
	return f.Sig, nil
}
