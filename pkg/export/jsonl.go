package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ctxEvery is how many records go by between looks at the context.
const ctxEvery = 256

func readJSONL(ctx context.Context, r *bufio.Reader, b *builder, emit func(Post) error) error {
	var buf []byte
	for line := 1; ; line++ {
		raw, err := readLine(r, &buf)
		if err != nil && err != io.EOF {
			return err
		}
		if !blank(raw) {
			if line%ctxEvery == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if e := emit(b.jsonLine(raw, line)); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line of any length; the result is valid until the next call.
func readLine(r *bufio.Reader, buf *[]byte) ([]byte, error) {
	b, err := r.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return b, err
	}
	*buf = append((*buf)[:0], b...)
	for {
		b, err = r.ReadSlice('\n')
		*buf = append(*buf, b...)
		if err != bufio.ErrBufferFull {
			return *buf, err
		}
	}
}

const spaces = " \t\r\n"

func blank(b []byte) bool {
	return len(bytes.Trim(b, spaces)) == 0
}

func (b *builder) jsonLine(raw []byte, line int) Post {
	raw = bytes.Trim(raw, spaces)
	if !clean(raw) {
		raw = repair(raw)
	}
	if raw[0] != '{' {
		return b.unreadable(line, "not a JSON object; write one object per line, like {\"id\": \"1\", \"content\": \"...\"}")
	}
	if !json.Valid(raw) {
		var v any
		err := json.Unmarshal(raw, &v)
		return b.unreadable(line, "invalid JSON"+jsonWhere(err)+": "+jsonReason(err)+"; fix or remove this line")
	}
	return b.fromObject(raw, line)
}

func jsonWhere(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf(" at column %d", se.Offset)
	}
	return ""
}

func jsonReason(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

// fromObject converts a valid JSON object.
func (b *builder) fromObject(obj []byte, line int) Post {
	var r record
	eachMember(obj, func(rawKey, raw []byte) {
		s, key, ok := b.fields.lookupJSON(rawKey)
		b.seen.seeJSON(rawKey, s, ok)
		if ok {
			r.put(s, key, jsonVal(raw, 0))
		} else {
			r.other = true
		}
	})
	return b.post(&r, line)
}

// maxNest bounds how deep jsonVal looks: a field needs at most a list of objects.
const maxNest = 2

// jsonVal converts a value already checked to be valid JSON.
func jsonVal(raw json.RawMessage, depth int) val {
	raw = bytes.Trim(raw, spaces)
	if len(raw) == 0 {
		return val{}
	}
	switch raw[0] {
	case '"':
		return val{kind: kText, str: jsonString(raw)}
	case 'n':
		return val{}
	case 't', 'f':
		return val{kind: kText, str: string(raw)}
	case '[':
		return jsonList(raw, depth)
	case '{':
		return jsonObject(raw, depth)
	}
	return val{kind: kNumber, str: string(raw)}
}

// jsonString decodes a string literal; json.Unmarshal is only the fallback.
func jsonString(raw []byte) string {
	if s, ok := unquote(raw); ok {
		return s
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

func jsonList(raw []byte, depth int) val {
	v := val{kind: kList}
	var items []json.RawMessage
	if depth >= maxNest || json.Unmarshal(raw, &items) != nil {
		return v
	}
	for _, it := range items {
		v.list = append(v.list, jsonVal(it, depth+1))
	}
	return v
}

func jsonObject(raw []byte, depth int) val {
	v := val{kind: kObject, obj: map[string]val{}}
	var m map[string]json.RawMessage
	if depth >= maxNest || json.Unmarshal(raw, &m) != nil {
		return v
	}
	for k, it := range m {
		v.obj[strings.ToLower(k)] = jsonVal(it, depth+1)
	}
	return v
}
