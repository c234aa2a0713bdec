package export

import (
	"strings"
	"testing"
)

// TestCSVLineOfOnlyBOM: a line that holds only a byte-order mark (a file
// saved with a BOM, joined after a line break) is an empty line once the
// mark is removed: no header, no row, and never a failed read (FuzzCSV
// found "\r\ufeff" failing the whole file with EOF).
func TestCSVLineOfOnlyBOM(t *testing.T) {
	tests := []struct {
		name, data string
		want       []brief
	}{
		{"nothing but a BOM after a CR", "\r\ufeff", nil},
		{"a BOM line before the header", "\ufeff\n\ufeff\nid,content\n1,x\n", []brief{{ID: "1", Content: "x", Line: 4}}},
		{"a BOM line between rows", "id,content\n1,x\n\ufeff\n2,y\n", []brief{{ID: "1", Content: "x", Line: 2}, {ID: "2", Content: "y", Line: 4}}},
	}
	for _, tt := range tests {
		for _, name := range []string{"posts.csv", "posts.tsv"} {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				data := tt.data
				if strings.HasSuffix(name, ".tsv") {
					data = strings.ReplaceAll(data, ",", "\t")
				}
				var notes []string
				posts := readString(t, name, data, Options{Note: func(s string) { notes = append(notes, s) }})
				sameBriefs(t, posts, tt.want)
				if len(notes) != 1 || !strings.Contains(notes[0], "byte-order mark") {
					t.Errorf("notes %q, want one about the byte-order mark", notes)
				}
			})
		}
	}
}
