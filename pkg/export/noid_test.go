package export

import "testing"

// TestNoID: every reader says whether the record held an id, rather than
// leaving callers to compare the id with the record's place.
func TestNoID(t *testing.T) {
	tests := []struct {
		name, file, data string
		wantID           string
		wantNoID         bool
	}{
		{"jsonl with id", "p.jsonl", `{"id": "a1", "content": "x"}` + "\n", "a1", false},
		{"jsonl without id", "p.jsonl", `{"content": "x"}` + "\n", "p.jsonl:1", true},
		{"jsonl id that looks like a place", "p.jsonl", `{"id": "p.jsonl:1", "content": "x"}` + "\n", "p.jsonl:1", false},
		{"jsonl not an object", "p.jsonl", "[1]\n", "p.jsonl:1", true},
		{"json without id", "p.json", `[{"content": "x"}]`, "p.json:1", true},
		{"csv with id", "p.csv", "id,content\nb2,x\n", "b2", false},
		{"csv without id", "p.csv", "author,content\nann,x\n", "p.csv:2", true},
		{"text file named by its file", "note.md", "hello", "note", false},
		{"text with id in front matter", "note.md", "---\nid: t9\n---\nhello", "t9", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := readString(t, tt.file, tt.data, Options{})
			if len(posts) != 1 {
				t.Fatalf("got %d posts, want 1", len(posts))
			}
			if p := posts[0]; p.ID != tt.wantID || p.NoID != tt.wantNoID {
				t.Errorf("ID %q NoID %v, want %q %v", p.ID, p.NoID, tt.wantID, tt.wantNoID)
			}
		})
	}
}
