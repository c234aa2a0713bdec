package integrity

import "encoding/binary"

// jpegHeader walks the marker segments up to the frame header (SOF) for
// the size, the sampling of each component and whether the JPEG is
// progressive. Go's decoder keeps, for a progressive JPEG, every
// coefficient as an int32 until the last scan: 4 bytes per sample on top
// of the 1 byte of the decoded image; a 4-component (CMYK) JPEG is then
// converted into 4 more bytes a pixel.
func jpegHeader(h *imageHeader, b []byte) error {
	i := 2
	for {
		m, start, end, ok := nextSegment(b, i)
		if !ok {
			if end > len(b) && len(b) >= headBytes {
				return problemf("JPEG frame header not found in the first %d KiB; re-save the image", headBytes>>10)
			}
			return truncatedHeader(fmtJPEG, len(b))
		}
		switch {
		case m == 0xc0 || m == 0xc1 || m == 0xc2:
			return sofHeader(h, m == 0xc2, b[start:end])
		case m >= 0xc3 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc:
			return problemf("a lossless, hierarchical or arithmetic-coded JPEG (marker %#x), which promo cannot decode; re-save it as a standard JPEG or PNG", m)
		case m == 0xda || m == 0xd9:
			return problemf("corrupt JPEG: no frame header before the image data; attach the original file")
		}
		i = end
	}
}

// nextSegment finds the marker segment at or after i: its marker and the
// bounds of its payload. ok is false when the data ends first.
func nextSegment(b []byte, i int) (marker byte, start, end int, ok bool) {
	for i < len(b) && b[i] != 0xff {
		i++ // garbage between segments: Go's decoder skips it too
	}
	for i < len(b) && b[i] == 0xff {
		i++ // fill bytes
	}
	if i >= len(b) {
		return 0, 0, i, false
	}
	marker = b[i]
	i++
	if marker == 0xd8 || marker == 0xd9 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7) {
		return marker, i, i, true
	}
	if i+2 > len(b) {
		return marker, 0, i + 2, false
	}
	n := int(binary.BigEndian.Uint16(b[i:]))
	if n < 2 {
		return marker, 0, len(b) + 1, false
	}
	end = i + n
	return marker, i + 2, end, end <= len(b)
}

func sofHeader(h *imageHeader, progressive bool, p []byte) error {
	if len(p) < 6 {
		return problemf("corrupt JPEG: short frame header; attach the original file")
	}
	h.height, h.width = int(binary.BigEndian.Uint16(p[1:])), int(binary.BigEndian.Uint16(p[3:]))
	n := int(p[5])
	if n == 0 || len(p) < 6+3*n {
		return problemf("corrupt JPEG: frame header with %d components; attach the original file", n)
	}
	hmax, vmax := 1, 1
	for c := range n {
		s := p[6+3*c+1]
		hmax, vmax = max(hmax, int(s>>4)), max(vmax, int(s&15))
	}
	px := float64(h.width) * float64(h.height)
	samples := 0.0 // decoded samples over all components
	for c := range n {
		s := p[6+3*c+1]
		samples += px * float64(max(1, int(s>>4))*max(1, int(s&15))) / float64(hmax*vmax)
	}
	cost := samples + px // + the grey plane of the fingerprint when not YCbCr
	if progressive {
		cost += 4 * samples * 1.07 // int32 coefficients, blocks padded to whole MCUs
		h.what = "progressive JPEG"
	}
	if n == 4 {
		cost += 4 * px
	}
	h.cost = int64(cost)
	return nil
}

// countScans counts the start-of-scan markers, skipping each scan's
// entropy-coded data (where 0xFF is followed by 0 or a restart marker).
// It stops at the end of the image.
func countScans(b []byte) int {
	scans, i := 0, 2
	for {
		m, _, end, ok := nextSegment(b, i)
		if !ok || m == 0xd9 {
			return scans
		}
		i = end
		if m != 0xda {
			continue
		}
		scans++
		for i+1 < len(b) && (b[i] != 0xff || b[i+1] == 0 || (b[i+1] >= 0xd0 && b[i+1] <= 0xd7) || b[i+1] == 0xff) {
			i++
		}
	}
}
