package export

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// recordPair reads the lines of data with two builders: one takes each
// member apart once scanObject has found it, as records were read before
// scanRecord, the other with scanRecord. Both must agree on every line: the
// verdict, the post, the keys noted.
func recordPair(t *testing.T, data []byte) {
	t.Helper()
	f := File{Path: "in.jsonl", Root: ".", Rel: "in.jsonl", Format: JSONL}
	old, now := newBuilder(f, Options{}), newBuilder(f, Options{})
	// the first line starts the body slab, which the next then decode into
	data = append([]byte(`{"id":"0","content":"x"}`+"\n"), data...)
	for n, line := range bytes.Split(data, []byte{'\n'}) {
		var r1, r2 record
		ok1, dirty1 := scanObject(line, func(key, raw []byte) { old.member(&r1, key, raw) })
		ok2, dirty2 := scanRecord(line, now, &r2)
		if ok1 != ok2 || dirty1 != dirty2 {
			t.Fatalf("line %q: scanRecord = %v, %v; scanObject = %v, %v", line, ok2, dirty2, ok1, dirty1)
		}
		if ok1 {
			p1, p2 := old.post(&r1, n+1), now.post(&r2, n+1)
			if !reflect.DeepEqual(p1, p2) {
				t.Fatalf("line %q:\nscanRecord makes %+v\nscanObject       %+v", line, p2, p1)
			}
		}
		if !reflect.DeepEqual(old.seen, now.seen) || !reflect.DeepEqual(old.memo, now.memo) {
			t.Fatalf("line %q: keys noted differ: %v %v, want %v %v", line, now.seen, now.memo, old.seen, old.memo)
		}
	}
}

func TestScanRecordAgreesWithScanObject(t *testing.T) {
	long := strings.Repeat("积分 ES，", 3000) // over a quarter of a body chunk
	for name, data := range map[string]string{
		"plain":     `{"id":"g1","author":"u1","content":"参加 #Gate Alpha#\n池上线 BTC","images":["https://a/1.png","b.png"],"likes":3,"created_at":"2025-07-15T10:00:00+08:00"}`,
		"escapes":   `{"id":"a\u0000b","content":"\ud83d\ude00 \ud800 x\"\\\/\b\f\n\r\t\u00e9","author":{"name":"n\u4f60"}}`,
		"nested":    `{"id":1,"images":[["x",["y"]],{"url":"u"},null,2,true],"content":null,"wallet":"0x1"}`,
		"aliases":   `{"ID":"2","id":"1","text":"t","content":"c","pics":"p.png","other":[1,{"a":"b"}]}`,
		"spaces":    " {\t\"id\" : \"1\" ,\r\n \"images\" : [ \"a\" , \"b\" ] , \"content\":\"x\" } ",
		"bad":       "{\"id\":\"1\",\"content\":\"a\x01b\"}\n{\"id\":\"1\",\"content\":\"a\\x\"}\n{\"id\":\"1\",\"content\":\"a\xff\"}\n{\"id\":\"1\",\"content\":\"a\\",
		"badList":   `{"id":"1","images":["a",]}` + "\n" + `{"id":"1","images":["a" "b"]}` + "\n" + `{"id":"1","images":["a\x00"]}`,
		"long":      `{"id":"1","content":"` + long + `","images":["` + long + `"]}` + "\n" + `{"id":"2","content":"x"}`,
		"keysMove":  "{\"a\":1,\"id\":\"1\"}\n{\"id\":\"2\",\"a\":1}\n{\"id\":\"3\",\"\\u0061\":1,\"ｉｄ\":\"4\"}",
		"emptyList": `{"id":"1","images":[],"content":""}`,
		"lastQuote": `{"id":"`,
	} {
		t.Run(name, func(t *testing.T) { recordPair(t, []byte(data)) })
	}
}

// FuzzScanRecord holds scanRecord to the scan-then-take-apart way on any
// lines.
func FuzzScanRecord(f *testing.F) {
	f.Add([]byte(`{"id":"1","content":"a\nb\u4f60","images":["x",{"url":"y"}],"likes":-1.5e3,"t":true}`))
	f.Add([]byte("{\"中\":\"文\xed\xa0\x80\",\"content\":\"\\ud83d\\ude00\"}\n{\"id\":[1,[2,[3]]]}"))
	f.Fuzz(func(t *testing.T, data []byte) { recordPair(t, data) })
}
