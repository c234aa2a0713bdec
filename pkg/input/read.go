package input

import (
	"fmt"
	"io"
)

// Options say how to read a whole text input.
type Options struct {
	// MaxSize is the most bytes read; 0 means DefaultMaxSize.
	MaxSize int64
	// Encoding is a forced encoding ("" or "auto": detect); it never
	// applies to a file with a BOM or one that is valid UTF-8.
	Encoding string
}

// Text is a whole input decoded to valid UTF-8.
type Text struct {
	Text string
	Info Info
}

// ReadFile reads the regular file at path, up to opt.MaxSize bytes, and
// decodes it. A file over the limit is refused by its size before it is
// read, and a file that grows past it while read (or a /proc file that
// says it is empty) stops at the limit.
func ReadFile(path string, opt Options) (Text, error) {
	if _, err := Canonical(opt.Encoding); err != nil {
		return Text{}, err
	}
	f, err := Open(path)
	if err != nil {
		return Text{}, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > limit(opt.MaxSize) {
		return Text{}, &TooLargeError{Name: path, Limit: limit(opt.MaxSize)}
	}
	return ReadAll(f, path, opt)
}

// ReadAll reads r (standard input, say) to its end, up to opt.MaxSize
// bytes, and decodes it; name is used in messages.
func ReadAll(r io.Reader, name string, opt Options) (Text, error) {
	data, err := readBounded(r, name, limit(opt.MaxSize))
	if err != nil {
		return Text{}, err
	}
	s, info, err := Decode(data, opt.Encoding)
	if err != nil {
		return Text{}, fmt.Errorf("decoding %s: %w", name, err)
	}
	return Text{Text: s, Info: info}, nil
}

func limit(n int64) int64 {
	if n <= 0 {
		return DefaultMaxSize
	}
	return n
}
