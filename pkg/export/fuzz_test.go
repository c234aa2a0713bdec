package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/input"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// fuzzRead reads data as a file of the given format and checks what every post must hold.
func fuzzRead(t *testing.T, format Format, data []byte) []Post {
	f := File{Path: "in", Root: ".", Rel: "in", Format: format}
	var posts []Post
	err := readFrom(context.Background(), bytes.NewReader(data), f, Options{}, func(p Post) error {
		posts = append(posts, p)
		return nil
	})
	if err != nil {
		t.Fatalf("Read failed on in-memory data: %v", err)
	}
	last := 0
	for _, p := range posts {
		if p.Line < 1 || p.Line < last || p.ID == "" {
			t.Fatalf("bad post %s id %q after line %d", p.Source(), p.ID, last)
		}
		text := p.ID + p.Author + p.Content + p.Wallet
		for _, im := range p.Images {
			text += im.Ref + im.Path
		}
		if !clean([]byte(text)) {
			t.Fatalf("post %s holds NUL or invalid UTF-8", p.Source())
		}
		last = p.Line
	}
	return posts
}

// decoded is the text Read sees: BOMs removed, UTF-16 decoded, with or
// without a BOM. Whether BOM-less bytes are UTF-16 is the detector's
// call (pkg/input tests it); the readers' properties hold for the text it
// decides on.
func decoded(data []byte) []byte {
	if bytes.HasPrefix(data, bomUTF8) {
		return data[3:]
	}
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		out, _, _ := transform.Bytes(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), data)
		return out
	}
	if text, info, err := input.Decode(data, ""); err == nil && (info.Encoding == input.UTF16LE || info.Encoding == input.UTF16BE) {
		return []byte(text)
	}
	return data
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{\"id\":\"1\",\"content\":\"你好\"}\n\n{bad\n[1]\n"))
	f.Add([]byte("\ufeff{\"id\":1}\r\n{\"images\":[\"../x.png\"]}"))
	f.Add([]byte("{\"created_at\":\"2025-07-15 10:00\",\"likes\":\"1,2\"}\n\x00\n"))
	f.Add([]byte("{\"wallet\":\"a\\u0000b\",\"images\":[\"x\\u0000.png\",{\"url\":\"\\u0000\"}],\"user\":{\"name\":\"\\u0000\"}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		posts := fuzzRead(t, JSONL, data)
		want := 0
		// Lines end at LF, CRLF or a lone CR, and byte-order marks inside are removed.
		text := bytes.ReplaceAll(bytes.ReplaceAll(decoded(data), []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
		text = bytes.ReplaceAll(text, bomUTF8, nil)
		for _, line := range bytes.Split(text, []byte("\n")) {
			if !blank(line) {
				want++
			}
		}
		if len(posts) != want {
			t.Fatalf("%d posts for %d non-blank lines", len(posts), want)
		}
	})
}

func FuzzJSON(f *testing.F) {
	f.Add([]byte("[{\"id\":\"1\"},{\"id\":\"2\"}]"))
	f.Add([]byte("{\"data\":[{\"id\":\"1\"},\n{\"id\":"))
	f.Add([]byte("{\"id\":\"solo\",\"content\":\"x\"}"))
	f.Add([]byte("{\"posts\":[{},{\"content\":\"第三届\"}],\"data\":[{},\n{}, 42, {\"id\": tru"))
	f.Fuzz(func(t *testing.T, data []byte) {
		posts := fuzzRead(t, JSON, data)
		// Every post has a place of its own, even when several start on one line.
		seen := map[string]bool{}
		for _, p := range posts {
			if seen[p.Source()] {
				t.Fatalf("two posts at %s", p.Source())
			}
			seen[p.Source()] = true
		}
		// The reader sees NUL and invalid UTF-8 as U+FFFD, so the oracle must too.
		text := repair(decoded(data))
		if blank(text) {
			if len(posts) != 0 {
				t.Fatalf("%d posts from blank input", len(posts))
			}
			return
		}
		if !json.Valid(text) {
			if len(posts) == 0 || posts[len(posts)-1].Unreadable == "" {
				t.Fatalf("invalid JSON gave %d posts without an unreadable one last", len(posts))
			}
			return
		}
		var items []json.RawMessage
		if json.Unmarshal(text, &items) == nil && len(posts) != len(items) {
			t.Fatalf("%d posts for an array of %d", len(posts), len(items))
		}
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,content,images\n1,\"a\nb\",x.png;y.png\n2,c\n3,\"bad\"q\"\n"))
	f.Add([]byte("\ufeffid,text\r\n1,x\r\n"))
	f.Add([]byte("\"id\n"))
	f.Add([]byte("id,text\r1,x\r2,\"y\rz\"\r"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []Format{CSV, TSV} {
			posts := fuzzRead(t, format, data)
			// Every record starts on a line of its own after the header's.
			if lines := lineCount(decoded(data)); len(posts) > max(lines-1, 1) {
				t.Fatalf("%s: %d posts from %d lines", format, len(posts), lines)
			}
		}
	})
}

// lineCount counts lines as Read does: at "\n", "\r\n" or a lone "\r".
func lineCount(data []byte) int {
	data = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	return bytes.Count(data, []byte("\n")) + 1
}

func FuzzText(f *testing.F) {
	f.Add([]byte("---\nid: 1\nauthor: a\n---\nbody"))
	f.Add([]byte("---\nx: [\n---\n"))
	f.Add([]byte("plain text \x00 \xff"))
	f.Add([]byte("\ufeff  两行\r\n#话题 text \n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		posts := fuzzRead(t, Text, data)
		if len(posts) != 1 || posts[0].Line != 1 {
			t.Fatalf("%d posts, want exactly one at line 1", len(posts))
		}
		// Without front matter the whole text, trimmed, is the content,
		// and the file name the id. Only for UTF-8 without NUL: other bytes
		// go through encoding detection (GBK, Big5, UTF-16 without a BOM).
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			return
		}
		text := strings.ReplaceAll(string(decoded(data)), "\r\n", "\n")
		text = strings.ReplaceAll(text, "\ufeff", "")
		first, _, _ := strings.Cut(text, "\n")
		if strings.TrimRight(first, " \t") == "---" {
			return
		}
		if p := posts[0]; p.Content != strings.TrimSpace(text) || p.ID != "in" || p.Unreadable != "" {
			t.Fatalf("post %q id %q (%s), want the text %q", p.Content, p.ID, p.Unreadable, strings.TrimSpace(text))
		}
	})
}

// FuzzScanObject checks the one-pass JSON Lines scanner against encoding/json: it must
// accept exactly the valid objects, and find the members json.Unmarshal finds.
func FuzzScanObject(f *testing.F) {
	f.Add([]byte(`{"id":"1","content":"a\nb\u4f60","n":-1.5e3,"l":[1,{"x":null}],"t":true}`))
	f.Add([]byte(` {"a":01} `))
	f.Add([]byte(`{"a":"\ud800"} x`))
	f.Add([]byte("{\"a\":\"\x00\"}"))
	f.Add([]byte(`{"a":1,}`))
	f.Add([]byte("{\"中\":\"文\xed\xa0\x80\xe0\x80\x80\xef\xbf\xbf\xe4\xbd\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !clean(data) {
			// encoding/json takes invalid UTF-8 in strings; the reader repairs it first.
			if ok, _ := scanObject(data, nil); ok {
				t.Fatalf("scanObject accepted NUL or invalid UTF-8")
			}
			data = repair(data)
		}
		var keys []string
		ok, _ := scanObject(data, func(key, raw []byte) {
			keys = append(keys, jsonString(key))
			if !json.Valid(raw) {
				t.Fatalf("member %s: value %q is not valid JSON", key, raw)
			}
		})
		trimmed := bytes.TrimLeft(data, spaces)
		want := json.Valid(data) && len(trimmed) > 0 && trimmed[0] == '{'
		if ok != want {
			t.Fatalf("scanObject = %v, encoding/json says %v", ok, want)
		}
		if !ok {
			return
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if _, found := m[k]; !found && utf8.ValidString(k) {
				t.Fatalf("key %q found by the scanner, not by encoding/json", k)
			}
		}
	})
}

// FuzzRecordGuard: the guard in front of the JSON decoder passes any text unchanged when
// nothing is over the limit, and keeps every line break when something is.
func FuzzRecordGuard(f *testing.F) {
	f.Add([]byte("[{\"id\":\"1\",\"c\":\"x\\\"]\"},\n 42, \"s\"]"))
	f.Add([]byte("{\"data\":[{\"a\":\n\"bbbbbbbbbbbbbbbbbbbb\"}],\"k\":{\"x\":[1,2]}}"))
	f.Add([]byte("[{\"a\":\"\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		same, err := io.ReadAll(newRecordGuard(bufio.NewReaderSize(bytes.NewReader(data), 16), len(data)+1))
		if err != nil || !bytes.Equal(same, data) {
			t.Fatalf("under the limit the guard changed %q into %q (%v)", data, same, err)
		}
		cut, err := io.ReadAll(newRecordGuard(bufio.NewReaderSize(bytes.NewReader(data), 16), 8))
		if err != nil || bytes.Count(cut, []byte("\n")) != bytes.Count(data, []byte("\n")) {
			t.Fatalf("over the limit the guard lost line breaks: %q into %q (%v)", data, cut, err)
		}
	})
}
