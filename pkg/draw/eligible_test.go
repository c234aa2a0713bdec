package draw

import (
	"reflect"
	"testing"
	"time"
)

func at(minute int) time.Time {
	return time.Date(2025, 7, 16, 10, minute, 0, 0, time.UTC)
}

func TestEligible(t *testing.T) {
	tests := []struct {
		name  string
		valid []Candidate
		want  []string // "id/author"
	}{
		{name: "none", want: []string{}},
		{
			name: "earliest entry of each author",
			valid: []Candidate{
				{"p3", "amy", at(30)}, {"p1", "amy", at(10)}, {"p2", "bob", at(20)}, {"p4", "bob", at(5)},
			},
			want: []string{"p1/amy", "p4/bob"},
		},
		{
			name:  "same time: smaller id",
			valid: []Candidate{{"p9", "amy", at(1)}, {"p2", "amy", at(1)}, {"p1", "amy", at(2)}},
			want:  []string{"p2/amy"},
		},
		{
			name:  "same instant in another zone",
			valid: []Candidate{{"p1", "amy", at(0).In(time.FixedZone("UTC+8", 8*3600))}, {"p0", "amy", at(0)}},
			want:  []string{"p0/amy"},
		},
		{
			name: "byte order: upper case before lower, digits as text, Han last",
			valid: []Candidate{
				{"积分", "a", at(0)}, {"a", "b", at(0)}, {"B", "c", at(0)}, {"10", "d", at(0)},
				{"9", "e", at(0)}, {"é", "f", at(0)}, {"一", "g", at(0)},
			},
			want: []string{"10/d", "9/e", "B/c", "a/b", "é/f", "一/g", "积分/a"},
		},
		{
			name:  "Chinese ids by UTF-8 bytes",
			valid: []Candidate{{"积分2", "a", at(0)}, {"积分10", "b", at(0)}, {"積分", "c", at(0)}},
			want:  []string{"积分10/b", "积分2/a", "積分/c"},
		},
		{
			name:  "authors compared exactly, empty author is one author",
			valid: []Candidate{{"p1", "", at(2)}, {"p2", "", at(1)}, {"p3", "Amy", at(0)}, {"p4", "amy", at(0)}},
			want:  []string{"p2/", "p3/Amy", "p4/amy"},
		},
		{
			name:  "equal ids ordered by author",
			valid: []Candidate{{"x", "bob", at(0)}, {"x", "amy", at(0)}},
			want:  []string{"x/amy", "x/bob"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			for _, c := range Eligible(tt.valid) {
				got = append(got, c.ID+"/"+c.Author)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEligibleIgnoresInputOrder(t *testing.T) {
	valid := []Candidate{{"p3", "amy", at(3)}, {"p1", "bob", at(3)}, {"p2", "amy", at(3)}, {"p0", "cy", at(9)}}
	want := Eligible(valid)
	reversed := make([]Candidate, len(valid))
	for i, c := range valid {
		reversed[len(valid)-1-i] = c
	}
	if got := Eligible(reversed); !reflect.DeepEqual(got, want) {
		t.Errorf("reversed input: got %v, want %v", got, want)
	}
}

func TestDigest(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		want string
	}{
		// printf '' | sha256sum
		{"empty list", nil, "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		// printf 'a\nb' | sha256sum: no trailing newline
		{"two ids", []string{"a", "b"}, "sha256:7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Digest(tt.ids); got != tt.want {
				t.Errorf("Digest(%q) = %s, want %s", tt.ids, got, tt.want)
			}
		})
	}
}

func TestIDs(t *testing.T) {
	got := IDs([]Candidate{{ID: "b"}, {ID: "a"}})
	if want := []string{"b", "a"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
