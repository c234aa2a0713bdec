package integrity

import (
	"bytes"
	"encoding/binary"
	"strings"

	"golang.org/x/image/webp"
)

// format is what a file's first bytes say it is.
type format struct {
	name  string // "png", "jpeg", "gif", "webp"; "" when promo cannot decode it
	label string // for messages: "PNG", "HEIC photo"
	hint  string // what to do with a format promo cannot decode
}

var (
	fmtPNG  = format{name: "png", label: "PNG"}
	fmtJPEG = format{name: "jpeg", label: "JPEG"}
	fmtGIF  = format{name: "gif", label: "GIF"}
	fmtWebP = format{name: "webp", label: "WebP"}
)

const convertHint = "convert it to PNG or JPEG"

// sniff recognises the formats promo decodes, and the ones people attach
// that it does not, so the message can say which and what to do.
func sniff(b []byte) format {
	s := string(b[:min(len(b), 512)])
	switch {
	case len(b) == 0:
		return format{label: "empty file", hint: "attach the screenshot itself"}
	case strings.HasPrefix(s, "\x89PNG\r\n\x1a\n"):
		return fmtPNG
	case strings.HasPrefix(s, "\xff\xd8\xff"):
		return fmtJPEG
	case strings.HasPrefix(s, "GIF87a"), strings.HasPrefix(s, "GIF89a"):
		return fmtGIF
	case len(s) >= 12 && s[:4] == "RIFF" && s[8:12] == "WEBP":
		return fmtWebP
	case len(s) >= 12 && s[4:8] == "ftyp":
		return isoMedia(s)
	case strings.HasPrefix(s, "\xff\x0a"), strings.HasPrefix(s, "\x00\x00\x00\x0cJXL "):
		return format{label: "JPEG XL image", hint: convertHint}
	case strings.HasPrefix(s, "BM"):
		return format{label: "BMP image", hint: convertHint}
	case strings.HasPrefix(s, "II*\x00"), strings.HasPrefix(s, "MM\x00*"):
		return format{label: "TIFF image", hint: convertHint}
	case strings.HasPrefix(s, "%PDF-"):
		return format{label: "PDF document", hint: "attach a screenshot (PNG or JPEG) instead"}
	case strings.HasPrefix(s, "8BPS"):
		return format{label: "Photoshop document", hint: "export it as PNG or JPEG"}
	case strings.HasPrefix(s, "\x00\x00\x01\x00"):
		return format{label: "Windows icon", hint: convertHint}
	}
	text := strings.ToLower(strings.TrimLeft(strings.TrimPrefix(s, "\ufeff"), " \t\r\n"))
	switch {
	case strings.Contains(text, "<svg") && (strings.HasPrefix(text, "<?xml") || strings.HasPrefix(text, "<svg") || strings.HasPrefix(text, "<!doctype svg") || strings.HasPrefix(text, "<!--")):
		return format{label: "SVG drawing", hint: "SVG is a vector drawing, not a screenshot; export it as PNG"}
	case strings.HasPrefix(text, "<!doctype html"), strings.HasPrefix(text, "<html"):
		return format{label: "web page (HTML)", hint: "the link was saved instead of the image; download the image itself"}
	}
	return format{label: "unknown", hint: "attach a PNG, JPEG, GIF or WebP file"}
}

// article is "an" before a label read with a vowel sound: an AVIF image,
// an HEIC photo, an SVG drawing.
func article(label string) string {
	if label != "" && strings.ContainsRune("AEFHILMNORSXaeiou", rune(label[0])) && !strings.HasPrefix(label, "web") && !strings.HasPrefix(label, "Photo") && !strings.HasPrefix(label, "Windows") {
		return "an"
	}
	return "a"
}

// isoMedia names an ISO base media file (HEIC, AVIF, MP4) by its brands.
func isoMedia(s string) format {
	size := int(binary.BigEndian.Uint32([]byte(s[:4])))
	brands := s[8:min(len(s), max(12, size))]
	switch {
	case strings.Contains(brands, "avif"), strings.Contains(brands, "avis"):
		return format{label: "AVIF image", hint: convertHint}
	case strings.Contains(brands, "hei"), strings.Contains(brands, "hev"), strings.Contains(brands, "mif1"), strings.Contains(brands, "msf1"):
		return format{label: "HEIC photo", hint: "export it as JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible) or convert it to PNG"}
	}
	return format{label: "video or other ISO media file", hint: "attach a PNG or JPEG screenshot"}
}

// imageHeader is what the header says about the decode to come.
type imageHeader struct {
	kind          format
	width, height int
	cost          int64  // estimated bytes the decoder allocates
	what          string // "16-bit PNG", "progressive JPEG": named when over budget
	riffSize      int64  // WebP: the file size the header declares
}

// header reads the dimensions and estimates the decode's memory from the
// first bytes of the file, before a pixel is allocated.
func header(kind format, head []byte, size int64) (imageHeader, error) {
	h := imageHeader{kind: kind, what: kind.label}
	var err error
	switch kind.name {
	case "":
		if kind.label == "unknown" {
			return h, problemf("not a PNG, JPEG, GIF or WebP image")
		}
		return h, problemf("%s %s, which promo cannot decode; %s", article(kind.label), kind.label, kind.hint)
	case "png":
		err = pngHeader(&h, head)
	case "jpeg":
		err = jpegHeader(&h, head)
	case "gif":
		err = gifHeader(&h, head)
	case "webp":
		err = webpHeader(&h, head)
	}
	if err != nil {
		return h, err
	}
	if h.width <= 0 || h.height <= 0 {
		return h, problemf("%s image has no pixels (%d×%d)", kind.label, h.width, h.height)
	}
	return h, nil
}

// bounded refuses an image the limits do not allow.
func (h *imageHeader) bounded(size int64) error {
	px := int64(h.width) * int64(h.height)
	if px > MaxPixels {
		return problemf("%s image is %d×%d = %d pixels, over the %d limit; attach a smaller screenshot", h.kind.label, h.width, h.height, px, MaxPixels)
	}
	if h.cost > MaxDecodeBytes {
		return problemf("%s of %d×%d needs about %d MiB to decode, over the %d MiB limit; save it as an 8-bit PNG or a baseline JPEG, or attach a smaller screenshot",
			h.what, h.width, h.height, h.cost>>20, MaxDecodeBytes>>20)
	}
	if size > MaxFileBytes {
		return problemf("file is %s bytes, over the %d MiB limit for an image; attach a smaller screenshot", thousands(size), MaxFileBytes>>20)
	}
	return nil
}

func truncatedHeader(kind format, size int) error {
	return problemf("truncated %s: the file ends after %s bytes, inside its header; attach the complete file", kind.label, thousands(int64(size)))
}

// pngHeader reads IHDR. Go's decoder gives 8-bit colour 4 bytes a pixel
// and 16-bit colour 8; an interlaced image is decoded pass by pass into
// sub-images first, about twice that.
func pngHeader(h *imageHeader, b []byte) error {
	if len(b) < 33 {
		return truncatedHeader(fmtPNG, len(b))
	}
	if string(b[12:16]) != "IHDR" {
		return problemf("corrupt PNG: the first chunk is not IHDR; attach the original file")
	}
	w, ht := binary.BigEndian.Uint32(b[16:]), binary.BigEndian.Uint32(b[20:])
	if w > 1<<30 || ht > 1<<30 {
		return problemf("corrupt PNG: %d×%d pixels is not a real size", w, ht)
	}
	h.width, h.height = int(w), int(ht)
	depth, colour, interlace := b[24], b[25], b[28]
	bpp := int64(4)
	switch colour {
	case 0, 3: // grey, palette
		bpp = 1
		if depth == 16 {
			bpp = 2
		}
	default:
		if depth == 16 {
			bpp = 8
		}
	}
	if depth == 16 {
		h.what = "16-bit PNG"
	}
	if interlace != 0 {
		bpp *= 2
		h.what = "interlaced " + h.what
	}
	h.cost = (bpp + 1) * int64(w) * int64(ht) // +1: the grey plane of the fingerprint
	return nil
}

func gifHeader(h *imageHeader, b []byte) error {
	if len(b) < 10 {
		return truncatedHeader(fmtGIF, len(b))
	}
	h.width, h.height = int(binary.LittleEndian.Uint16(b[6:])), int(binary.LittleEndian.Uint16(b[8:]))
	h.cost = 3 * int64(h.width) * int64(h.height) // frame, LZW output, grey plane
	return nil
}

// webpHeader reads the RIFF size (to tell a truncated file) and the
// dimensions. Lossy WebP decodes to YCbCr (2.5 bytes a pixel with alpha);
// lossless to NRGBA through 32-bit pixel arrays, counted at 12.
func webpHeader(h *imageHeader, b []byte) error {
	if len(b) < 30 {
		return truncatedHeader(fmtWebP, len(b))
	}
	h.riffSize = int64(binary.LittleEndian.Uint32(b[4:])) + 8
	cfg, err := webp.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return problemf("corrupt WebP header: %v; attach the original file", strings.TrimPrefix(err.Error(), "webp: "))
	}
	h.width, h.height = cfg.Width, cfg.Height
	bpp := int64(12)
	if string(b[12:16]) == "VP8 " {
		bpp = 4
	}
	h.cost = bpp * int64(h.width) * int64(h.height)
	return nil
}

// checkEnd tells a truncated GIF or WebP by the end of the file, before
// the header's size is judged: a 17-byte "GIF" is cut off, not too large.
func checkEnd(h imageHeader, size int64, tail []byte) error {
	switch h.kind.name {
	case "webp":
		if size < h.riffSize {
			return problemf("truncated WebP: %s of %s bytes; attach the complete file", thousands(size), thousands(h.riffSize))
		}
	case "gif":
		// The first frame may decode while later ones are cut off; a whole
		// GIF ends with its trailer byte (some writers pad with NULs).
		end := bytes.TrimRight(tail, "\x00")
		if len(end) == 0 || end[len(end)-1] != 0x3b {
			return problemf("truncated GIF: the file ends after %s bytes without the GIF trailer; attach the complete file", thousands(size))
		}
	}
	return nil
}

// checkScans counts a JPEG's scans before it is decoded.
func checkScans(h imageHeader, data []byte) error {
	if h.kind.name != "jpeg" {
		return nil
	}
	if scans := countScans(data); scans > MaxJPEGScans {
		return problemf("JPEG has %s scans, over the limit of %d (encoders write at most a few dozen); re-save it as a baseline JPEG or PNG", thousands(int64(scans)), MaxJPEGScans)
	}
	return nil
}
