package input

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/internal/testfifo"
)

func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "brief.txt")
	if err := testfifo.Make(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	tests := []struct{ name, path, want string }{
		{"fifo", fifo, "is a named pipe (FIFO)"},
		{"device", "/dev/zero", "is a character device"},
		{"folder", dir, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := ReadFile(tt.path, Options{})
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
					t.Errorf("ReadFile(%s) = %v, want an error naming the path and %q", tt.path, err, tt.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("ReadFile(%s) waits", tt.path)
			}
		})
	}
}

func TestReadFileLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.yaml")
	if err := os.WriteFile(path, bytes.Repeat([]byte("a"), 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, Options{MaxSize: 1024})
	var tl *TooLargeError
	if !errors.As(err, &tl) || !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1KiB") || !strings.Contains(err.Error(), MaxSizeSetting) {
		t.Errorf("ReadFile over the limit = %v, want a TooLargeError naming 1KiB and %s", err, MaxSizeSetting)
	}
	if txt, err := ReadFile(path, Options{MaxSize: 2048}); err != nil || len(txt.Text) != 2048 {
		t.Errorf("ReadFile at the limit = %d bytes, %v", len(txt.Text), err)
	}
}

// The larger limit a TooLargeError suggests is one word the flag reads, so
// that it can be copied onto a command line as it is printed: a limit
// that is no multiple of 1KiB was suggested as "--max-input 4000 bytes".
func TestTooLargeSuggestsAValidSize(t *testing.T) {
	for _, limit := range []int64{100, 1000, 1024, 1500, 16 << 20} {
		msg := (&TooLargeError{Name: "rules.yaml", Limit: limit}).Error()
		_, after, ok := strings.Cut(msg, "(e.g. "+MaxSizeSetting+" ")
		suggested, _, _ := strings.Cut(after, ")")
		n, err := ParseSize(suggested)
		if !ok || strings.ContainsAny(suggested, " \t") || err != nil || n <= limit {
			t.Errorf("limit %d: %q suggests %q, not one larger size the flag reads", limit, msg, suggested)
		}
	}
}

// TestReadAllStopsAtLimit reads an endless stream: memory stays at the
// limit and the error says so.
func TestReadAllStopsAtLimit(t *testing.T) {
	_, err := ReadAll(zeros{}, "standard input", Options{MaxSize: 1 << 20})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "standard input is larger than the input size limit of 1MiB") {
		t.Errorf("ReadAll(endless) = %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, forced string
		data         []byte
		want, enc    string
		how          How
		warning      string
	}{
		{"utf8", "", []byte("带上#ES"), "带上#ES", UTF8, ByValid, ""},
		{"utf8 bom", "", []byte("\xef\xbb\xbf带上"), "带上", UTF8, ByBOM, ""},
		{"utf16le bom", "", []byte("\xff\xfe\x26\x5e\x0a\x4e"), "带上", UTF16LE, ByBOM, ""},
		{"utf16be bom", "", []byte("\xfe\xff\x5e\x26\x4e\x0a"), "带上", UTF16BE, ByBOM, ""},
		{"gbk detected", "", []byte("\xb4\xf8\xc9\xcf#ES\xd7\xa8\xb3\xa1"), "带上#ES专场", GBK, ByDetector, "not UTF-8; read as GBK (detected)"},
		{"gbk forced", "gbk", []byte("\xb4\xf8\xc9\xcf#ES\xd7\xa8\xb3\xa1"), "带上#ES专场", GBK, BySetting, ""},
		{"forced on utf8", "gbk", []byte("带上#ES"), "带上#ES", UTF8, ByValid, "is valid UTF-8; read as UTF-8, the encoding setting GBK is not applied"},
		{"forced on ascii", "big5", []byte("#ES"), "#ES", UTF8, ByValid, ""},
		{"forced on bom", "big5", []byte("\xef\xbb\xbf带上"), "带上", UTF8, ByBOM, "has a UTF-8 byte-order mark; read as UTF-8, the encoding setting Big5 is not applied"},
		{"forced disagrees", "big5", []byte("\xb4\xf8\xc9\xcf#ES\xd7\xa8\xb3\xa1\xbb\xee\xb6\xaf"), "", Big5, BySetting, "not UTF-8; read as Big5 as the encoding setting says, though it reads better as GBK"},
		{"empty", "", nil, "", UTF8, ByValid, ""},
		{"utf8 setting on gbk", "utf-8", []byte("\xb4\xf8\xc9\xcf#ES\xd7\xa8\xb3\xa1"), "带上#ES专场", GBK, ByDetector, "not UTF-8 though the encoding setting says so; read as GBK (detected)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, info, err := Decode(tt.data, tt.forced)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" && got != tt.want || info.Encoding != tt.enc || info.How != tt.how || info.Warning != tt.warning {
				t.Errorf("Decode = %q, %+v; want %q, %s by %s, warning %q", got, info, tt.want, tt.enc, tt.how, tt.warning)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{{"1024", 1024}, {"16MiB", 16 << 20}, {"512 KiB", 512 << 10}, {"1g", 1 << 30}, {"0", 0}, {"-1", 0}, {"1TB", 0}, {"lots", 0}}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if got != tt.want || (err != nil) != (tt.want == 0) {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	if s := FormatSize(16 << 20); s != "16MiB" {
		t.Errorf("FormatSize = %s", s)
	}
}

// FuzzDecode checks, for any bytes and forced setting, that whole-file and
// streamed decoding agree on the encoding, and that the text is valid UTF-8.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"", "带上$ES专场", "\xef\xbb\xbf#ES", "\xff\xfe\x26\x5e", "\xb4\xf8\xc9\xcf", "\xa5\xbb\xa4\xd1", "a\x00b\x00", "\xff"} {
		f.Add([]byte(s), "")
		f.Add([]byte(s), "gbk")
	}
	f.Fuzz(func(t *testing.T, data []byte, forced string) {
		text, info, err := Decode(data, forced)
		if err != nil {
			if _, cerr := Canonical(forced); cerr == nil {
				t.Fatalf("Decode(%q, %q): %v", data, forced, err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Decode(%q) = %q, not valid UTF-8", data, text)
		}
		_, sinfo, err := NewReader(bytes.NewReader(data), forced)
		if err != nil || sinfo != info {
			t.Fatalf("NewReader(%q) = %+v, %v; Decode said %+v", data, sinfo, err, info)
		}
	})
}

func TestKind(t *testing.T) {
	tests := []struct {
		name string
		mode fs.FileMode
		want string
	}{
		{"folder", fs.ModeDir | 0o755, "a folder"},
		{"fifo", fs.ModeNamedPipe | 0o644, "a named pipe (FIFO)"},
		{"socket", fs.ModeSocket, "a socket"},
		{"character device", fs.ModeDevice | fs.ModeCharDevice, "a character device"},
		{"block device", fs.ModeDevice, "a block device"},
		{"other", fs.ModeIrregular, "a special file (?---------)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Kind(tt.mode); got != tt.want {
				t.Errorf("Kind(%v) = %q, want %q", tt.mode, got, tt.want)
			}
		})
	}
}
