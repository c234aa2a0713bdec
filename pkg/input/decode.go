package input

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// The encodings, by the name Info reports.
const (
	UTF8    = "UTF-8"
	UTF16LE = "UTF-16LE"
	UTF16BE = "UTF-16BE"
	GBK     = "GBK"
	GB18030 = "GB18030"
	Big5    = "Big5"
)

// How says what decided a file's encoding.
type How string

// The ways an encoding is decided.
const (
	ByBOM      How = "byte-order mark"
	ByValid    How = "valid UTF-8"
	ByDetector How = "detected"
	BySetting  How = "setting"
)

// Info says how a text was decoded.
type Info struct {
	Encoding string // UTF8, UTF16LE, UTF16BE, GBK, GB18030 or Big5
	How      How
	// Warning is what the operator should know, without the file name
	// ("not UTF-8; read as GBK (detected)"); empty when nothing.
	Warning string
}

var decoders = map[string]encoding.Encoding{
	UTF16LE: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	UTF16BE: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
	GBK:     simplifiedchinese.GBK,
	GB18030: simplifiedchinese.GB18030,
	Big5:    traditionalchinese.Big5,
}

// names maps the names a setting may use, normalised, to an encoding;
// "" means detect.
var names = map[string]string{
	"": "", "auto": "",
	"utf8": UTF8, "utf16": UTF16LE, "utf16le": UTF16LE, "utf16be": UTF16BE,
	"gbk": GBK, "gb2312": GBK, "cp936": GBK, "gb18030": GB18030, "big5": Big5,
}

// Names lists the encoding names a setting accepts, for messages.
const Names = "auto, utf-8, utf-16, utf-16le, utf-16be, gbk, gb18030 or big5"

// Canonical returns the encoding a setting names ("" for auto), or an error.
func Canonical(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.NewReplacer("-", "", "_", "").Replace(n)
	enc, ok := names[n]
	if !ok {
		return "", fmt.Errorf("unknown encoding %q; use %s", name, Names)
	}
	return enc, nil
}

var boms = []struct {
	mark []byte
	enc  string
}{
	{[]byte{0xEF, 0xBB, 0xBF}, UTF8},
	{[]byte{0xFF, 0xFE}, UTF16LE},
	{[]byte{0xFE, 0xFF}, UTF16BE},
}

// sniffSize is how much of a streamed file the detector sees.
const sniffSize = 128 << 10

// NewReader decodes r to UTF-8 as Info says. The encoding is chosen from
// the first 128 KiB; forced, when not "" or "auto", applies only if that
// part has no BOM and is not valid UTF-8 (and "utf-8" then gives way to the
// detector, since reading other bytes as UTF-8 only makes U+FFFD). Invalid bytes of a UTF-8 file are
// passed on as they are, for the caller to repair.
func NewReader(r io.Reader, forced string) (io.Reader, Info, error) {
	want, err := Canonical(forced)
	if err != nil {
		return nil, Info{}, err
	}
	br := bufio.NewReaderSize(r, sniffSize)
	sample, err := br.Peek(sniffSize)
	atEOF := err != nil
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, Info{}, err
	}
	info, bom := choose(sample, atEOF, want)
	if _, err := br.Discard(bom); err != nil {
		return nil, Info{}, err
	}
	if info.Encoding == UTF8 {
		return br, info, nil
	}
	return transform.NewReader(br, decoders[info.Encoding].NewDecoder()), info, nil
}

// Decode decodes a whole file's bytes to valid UTF-8 as Info says, the
// detector seeing all of it; forced is as for NewReader, except that a
// forced UTF-8 only expects UTF-8: a file that is not is detected. Invalid bytes
// become U+FFFD.
func Decode(data []byte, forced string) (string, Info, error) {
	want, err := Canonical(forced)
	if err != nil {
		return "", Info{}, err
	}
	info, bom := choose(data, true, want)
	data = data[bom:]
	if info.Encoding != UTF8 {
		if data, _, err = transform.Bytes(decoders[info.Encoding].NewDecoder(), data); err != nil {
			return "", Info{}, err
		}
	}
	if !utf8.Valid(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD"), info, nil
	}
	return string(data), info, nil
}

// choose decides the encoding of a file from its first bytes and returns
// the length of its BOM, to be skipped.
func choose(sample []byte, atEOF bool, want string) (Info, int) {
	for _, b := range boms {
		if bytes.HasPrefix(sample, b.mark) {
			info := Info{Encoding: b.enc, How: ByBOM}
			if want != "" && want != b.enc {
				info.Warning = fmt.Sprintf("has a %s byte-order mark; read as %s, the encoding setting %s is not applied", b.enc, b.enc, want)
			}
			return info, len(b.mark)
		}
	}
	if validUTF8(sample, atEOF) {
		info := Info{Encoding: UTF8, How: ByValid}
		if want != "" && want != UTF8 && !ascii(sample) {
			info.Warning = fmt.Sprintf("is valid UTF-8; read as UTF-8, the encoding setting %s is not applied", want)
		}
		return info, 0
	}
	guess := Detect(sample)
	if want == UTF8 {
		// Bytes that are not UTF-8 read as UTF-8 only become U+FFFD: a
		// setting of utf-8 is an expectation, and the detector decides.
		info := Info{Encoding: guess, How: ByDetector}
		info.Warning = fmt.Sprintf("not UTF-8 though the encoding setting says so; read as %s (detected)", guess)
		if guess == UTF8 {
			info.Warning = "not valid UTF-8; invalid bytes become U+FFFD"
		}
		return info, 0
	}
	if want != "" {
		info := Info{Encoding: want, How: BySetting}
		if guess != want {
			info.Warning = fmt.Sprintf("not UTF-8; read as %s as the encoding setting says, though it reads better as %s", want, guess)
		}
		return info, 0
	}
	info := Info{Encoding: guess, How: ByDetector}
	if guess == UTF8 {
		info.Warning = "not valid UTF-8 and no other encoding fits better; read as UTF-8, invalid bytes become U+FFFD"
	} else {
		info.Warning = fmt.Sprintf("not UTF-8; read as %s (detected)", guess)
	}
	return info, 0
}

// validUTF8 reports whether b is UTF-8 without NUL bytes (UTF-16 of ASCII
// is valid UTF-8 full of NULs); a sequence cut by the end of a sample that
// is not the end of the file is allowed.
func validUTF8(b []byte, atEOF bool) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return false
	}
	if !atEOF {
		b = trimPartial(b)
	}
	return utf8.Valid(b)
}

// trimPartial drops an incomplete UTF-8 sequence at the end of b.
func trimPartial(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		c := b[len(b)-i]
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
