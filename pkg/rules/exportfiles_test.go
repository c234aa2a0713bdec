package rules

import (
	"strings"
	"testing"
)

func TestExportFiles(t *testing.T) {
	r, err := Parse("r.yaml", []byte("export:\n  files:\n    - {glob: \"*.csv\", encoding: GBK, fields: {id: 帖子ID, content: 内容}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := r.Export.Files[0]
	if f.Glob != "*.csv" || f.Encoding != "gbk" || f.Fields.ID != "帖子ID" || f.Fields.Content != "内容" {
		t.Errorf("export.files[0] = %+v", f)
	}
	tests := []struct{ name, yaml, want string }{
		{"no glob", "export: {files: [{encoding: gbk}]}\n", "`export.files[0]` has no glob"},
		{"bad glob", "export: {files: [{glob: \"[\"}]}\n", "`export.files[0].glob` \"[\" is not a valid pattern"},
		{"bad encoding", "export: {files: [{glob: \"*.csv\", encoding: latin1}]}\n", "unknown encoding `latin1` in `export.files[0].encoding`"},
		{"one column twice", "export: {files: [{glob: \"*.csv\", fields: {id: a, content: a}}]}\n", "`export.files[0].fields.id` and `export.files[0].fields.content` both name the column `a`"},
		{"unknown key", "export: {files: [{glob: \"*.csv\", encodng: gbk}]}\n", "encodng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("r.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse = %v, want %q", err, tt.want)
			}
		})
	}
}
