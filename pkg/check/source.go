package check

import "strconv"

func sourceOf(file string, line, col int) string {
	if line <= 0 {
		return file
	}
	var buf [64]byte
	return string(AppendLineCol(append(buf[:0], file...), line, col))
}

// AppendLineCol appends what follows the file in a source: ":line", and
// ":col" after it when col > 0; nothing when line <= 0. It is the one
// place that shape is written, for Source and for writers that quote the
// file themselves and append the rest, which needs no escaping, without
// making the source as a string.
func AppendLineCol(dst []byte, line, col int) []byte {
	if line <= 0 {
		return dst
	}
	dst = strconv.AppendInt(append(dst, ':'), int64(line), 10)
	if col > 0 {
		dst = strconv.AppendInt(append(dst, ':'), int64(col), 10)
	}
	return dst
}
