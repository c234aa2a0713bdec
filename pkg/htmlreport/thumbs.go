package htmlreport

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/jpeg"
	"os"

	"golang.org/x/image/draw"

	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/integrity"
)

var errNoLocal = errors.New("not a local image")

// thumb makes a data URI of the image scaled to fit ThumbSide, if the
// budget has room for it; the budget keeps a page with many reused
// screenshots small.
func (b *ThumbBudget) thumb(im export.Image) Thumb {
	if im.Path == "" || im.Problem != "" {
		return Thumb{Missing: "no local image"}
	}
	data, w, h, err := thumbnail(im.Path, b.MaxSide)
	if err != nil {
		b.Omitted++
		return Thumb{Missing: "cannot be read"}
	}
	uri := "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(data)
	if b.Used+len(uri) > b.Cap {
		b.Omitted++
		return Thumb{Missing: "left out: the thumbnails' size cap is reached"}
	}
	b.Used += len(uri)
	b.Shown++
	return Thumb{URI: uri, Width: w, Height: h}
}

// thumbnail decodes an image (refusing one too large to decode, as the
// media check does) and encodes it as a JPEG at most side pixels wide
// and high. The scaler and the encoder are deterministic, so the same
// file gives the same bytes.
func thumbnail(path string, side int) ([]byte, int, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, 0, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return nil, 0, 0, err
	}
	if cfg.Width*cfg.Height > integrity.MaxPixels || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, 0, 0, errors.New("image too large")
	}
	if _, err := f.Seek(0, 0); err != nil {
		return nil, 0, 0, err
	}
	src, _, err := image.Decode(f)
	if err != nil {
		return nil, 0, 0, err
	}
	w, h := fit(cfg.Width, cfg.Height, side)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 75}); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), w, h, nil
}

// fit scales w×h down to fit side×side, keeping the aspect ratio.
func fit(w, h, side int) (int, int) {
	if w <= side && h <= side {
		return w, h
	}
	if w >= h {
		return side, max(1, h*side/w)
	}
	return max(1, w*side/h), side
}
