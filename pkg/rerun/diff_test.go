package rerun

import (
	"reflect"
	"strings"
	"testing"
)

func run(t *testing.T, name, doc string) *Run {
	t.Helper()
	r, err := Read(strings.NewReader(doc), name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const oldDoc = `{"campaign": "c", "rules_digest": "sha256:r", "inputs_digest": "sha256:a",
 "entries": [
  {"id": "p1", "author": "amy", "valid": true, "reasons": []},
  {"id": "p2", "author": "bob", "valid": false, "reasons": [{"code": "too-short"}, {"code": "no-image"}]},
  {"id": "p3", "author": "cat", "valid": false, "reasons": [{"code": "missing-tag"}]},
  {"id": "p4", "author": "dan", "valid": true, "reasons": []},
  {"id": "p5", "author": "eve", "valid": true, "reasons": []}],
 "ranking": [{"rank": 1, "id": "p1", "reward": "60.00"}, {"rank": 2, "id": "p4", "reward": "40.00"}, {"rank": 3, "id": "p5", "reward": ""}]}`

const newDoc = `{"campaign": "c", "rules_digest": "sha256:r", "inputs_digest": "sha256:b",
 "entries": [
  {"id": "p1", "author": "amy", "valid": true, "reasons": []},
  {"id": "p2", "author": "bob", "valid": true, "reasons": []},
  {"id": "p3", "author": "cat", "valid": false, "reasons": [{"code": "missing-tag"}, {"code": "banned-word"}]},
  {"id": "p5", "author": "eve", "valid": false, "reasons": [{"code": "shared-wallet"}]},
  {"id": "p6", "author": "fay", "valid": true, "reasons": []}],
 "ranking": [{"rank": 1, "id": "p1", "reward": "50.00"}, {"rank": 2, "id": "p2", "reward": "50.00"}, {"rank": 3, "id": "p6", "reward": ""}]}`

func TestCompare(t *testing.T) {
	d := Compare(run(t, "old.json", oldDoc), run(t, "new.json", newDoc))
	want := &Diff{
		Old:     Digests{File: "old.json", Campaign: "c", Rules: "sha256:r", Inputs: "sha256:a"},
		New:     Digests{File: "new.json", Campaign: "c", Rules: "sha256:r", Inputs: "sha256:b"},
		Added:   []Ref{{ID: "p6", Author: "fay", Valid: true, Codes: []string{}}},
		Removed: []Ref{{ID: "p4", Author: "dan", Valid: true, Codes: []string{}}},
		Flipped: []Flip{
			{ID: "p2", Author: "bob", WasValid: false, IsValid: true, Appeared: []string{}, Gone: []string{"too-short", "no-image"}},
			{ID: "p5", Author: "eve", WasValid: true, IsValid: false, Appeared: []string{"shared-wallet"}, Gone: []string{}},
		},
		Recoded: []Flip{{ID: "p3", Author: "cat", Appeared: []string{"banned-word"}, Gone: []string{}}},
		Moved: []Move{
			{ID: "p1", OldRank: 1, NewRank: 1, OldReward: "60.00", NewReward: "50.00"},
			{ID: "p2", NewRank: 2, NewReward: "50.00"},
			{ID: "p6", NewRank: 3},
			{ID: "p4", OldRank: 2, OldReward: "40.00"},
			{ID: "p5", OldRank: 3},
		},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got  %+v\nwant %+v", d, want)
	}
	if !d.Changed() {
		t.Error("Changed() = false")
	}
}

func TestCompareSame(t *testing.T) {
	d := Compare(run(t, "a.json", oldDoc), run(t, "b.json", strings.Replace(oldDoc, "sha256:a", "sha256:z", 1)))
	if d.Changed() {
		t.Errorf("a run compared with itself changed: %+v", d)
	}
}

// TestCompareValidateWithRank: a validate document has no ranking, so no
// rank changes are claimed.
func TestCompareValidateWithRank(t *testing.T) {
	validate := oldDoc[:strings.Index(oldDoc, `,
 "ranking"`)] + "}"
	if d := Compare(run(t, "v.json", validate), run(t, "r.json", oldDoc)); d.Changed() {
		t.Errorf("changed: %+v", d)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "x.json: not a promo JSON document: the file is empty"},
		{"syntax", `{"entries": [}`, "x.json: not a promo JSON document: invalid character '}' looking for beginning of value at byte 14"},
		{"no entries", `{"pool": "100"}`, `x.json: no "entries" list; is it the output of promo validate -o json or promo rank -o json?`},
		{"a list", `[1, 2]`, "x.json: not a promo JSON document: json: cannot unmarshal array into Go value of type struct"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "x.json")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want %s", err, tt.want)
			}
		})
	}
}
