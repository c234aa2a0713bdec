package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// DefaultMaxSize is the size limit of a whole-file read when the caller
// gives none: far above any real rule file, brief, judges sheet or
// announcement, far below what would hurt the machine.
const DefaultMaxSize int64 = 16 << 20

// MaxSizeSetting names the setting that raises the limit, for messages.
const MaxSizeSetting = "--max-input"

// ErrNotRegular is wrapped by the error for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error for an input over its size limit.
var ErrTooLarge = errors.New("input over its size limit")

// Open opens path for reading if it is a regular file (symlinks followed).
// Anything else is refused by its mode, before it is opened, so that a
// named pipe or a device never makes the run wait; the file is opened
// non-blocking and checked again, in case it was swapped in between.
func Open(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // what the caller asked for, as os.Open would say
		}
		return nil, err
	}
	if err := regular(path, info); err != nil {
		return nil, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	info, err = f.Stat()
	if err == nil {
		err = regular(path, info)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// regular returns nil for a regular file and a clear error for anything else.
func regular(path string, info fs.FileInfo) error {
	if info.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("%s is %s, %w; promo reads only regular files", path, Kind(info.Mode()), ErrNotRegular)
}

// Kind names what a file that is not a regular file is, for messages:
// "a folder", "a named pipe (FIFO)", "a character device", … Every reader
// that refuses such a file names it with Kind and adds its own fix.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "a special file (" + m.Type().String() + ")"
}

// TooLargeError is the error for an input over its size limit.
type TooLargeError struct {
	Name  string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than the input size limit of %s; if it really is that large, raise the limit with %s (e.g. %s %s)",
		e.Name, FormatSize(e.Limit), MaxSizeSetting, MaxSizeSetting, FormatSize(roundUpKiB(4*e.Limit)))
}

// roundUpKiB is n rounded up to whole KiB, for a suggested limit: FormatSize
// writes one that is no multiple of 1KiB as "4000 bytes", which copied onto
// a command line is two words, and not a size the flag reads.
func roundUpKiB(n int64) int64 {
	return (n + 1<<10 - 1) &^ (1<<10 - 1)
}

func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// readBounded reads r to its end, or fails once it has seen more than max
// bytes; memory stays within max+1 bytes whatever r holds.
func readBounded(r io.Reader, name string, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxSize
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, &TooLargeError{Name: name, Limit: max}
	}
	return data, nil
}

// ParseSize reads a size such as 16777216, 512KiB, 16MiB, 1GiB (KB, MB, GB
// and K, M, G are read as their binary units too).
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	num := strings.TrimRightFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	unit := strings.ToLower(strings.TrimSpace(t[len(num):]))
	mult, ok := map[string]int64{"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
		"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30}[unit]
	n, err := strconv.ParseInt(num, 10, 64)
	if !ok || err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("size %q is not a positive number of bytes; write e.g. 16MiB, 512KiB or 1GiB", s)
	}
	return n * mult, nil
}

// FormatSize writes a size the way ParseSize reads it, in the largest
// binary unit that divides it.
func FormatSize(n int64) string {
	for _, u := range []struct {
		s string
		m int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.m && n%u.m == 0 {
			return strconv.FormatInt(n/u.m, 10) + u.s
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
