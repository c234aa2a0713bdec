package review

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	in := "\ufeffID, Decision ,reason,by\np1,Accept,appeal upheld,carol\n,,,\n\"p 2\",reject,\"spam, twice\",dave\n"
	got, err := Parse("o.csv", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Override{
		{ID: "p1", Decision: Accept, Reason: "appeal upheld", By: "carol", File: "o.csv", Line: 2},
		{ID: "p 2", Decision: Reject, Reason: "spam, twice", By: "dave", File: "o.csv", Line: 4},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if !got[0].Accepted() || got[1].Accepted() || got[1].Source() != "o.csv:4" {
		t.Errorf("accessors: %+v", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "o.csv: no header row; write the first line as id,decision,reason,by"},
		{"header", "id,decision\np1,accept\n", "o.csv:1: the header lacks reason, by; the columns are id,decision,reason,by"},
		{"decision", "id,decision,reason,by\np1,approve,ok,carol\n", `o.csv:2: decision "approve" for p1 must be accept or reject`},
		{"no by", "id,decision,reason,by\np1,accept,ok,\n", "o.csv:2: the override of p1 needs who decided (by) and why (reason)"},
		{"no id", "id,decision,reason,by\n,accept,ok,carol\n", "o.csv:2: the id is empty; name the entry the decision is about"},
		{"twice", "id,decision,reason,by\np1,accept,ok,carol\np1,reject,no,dave\n", "o.csv:3: id p1 already has an override on line 2; keep one decision per entry"},
		{"every problem", "id,decision,reason,by\np1,maybe,ok,carol\np2,accept,,\n", "o.csv:2: decision \"maybe\" for p1 must be accept or reject\no.csv:3: the override of p2 needs who decided (by) and why (reason)"},
		{"quote", "id,decision,reason,by\np1,accept,\"ok,carol\n", `o.csv:2: extraneous or missing " in quoted-field; a cell`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("o.csv", []byte(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := Read(dir, 0); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("err = %v", err)
	}
}

func TestReadMissing(t *testing.T) {
	_, err := Read("no/such.csv", 0)
	if err == nil || err.Error() != "overrides no/such.csv: no such file or directory" {
		t.Errorf("err = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("id,decision,reason,by\np1,accept,ok,carol\n")
	f.Add("id,decision,reason,by\np1,reject,\"a\nb\",c\n")
	f.Add("by,reason,decision,id\nx,y,accept,p\n")
	f.Fuzz(func(t *testing.T, in string) {
		ovs, err := Parse("f.csv", []byte(in))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, o := range ovs {
			if o.ID == "" || seen[o.ID] || (o.Decision != Accept && o.Decision != Reject) || o.By == "" || o.Reason == "" {
				t.Fatalf("bad override %+v", o)
			}
			seen[o.ID] = true
		}
	})
}
