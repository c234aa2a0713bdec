package rules

import (
	"bytes"
	"encoding/json"
	"flag"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/promo-cli/promo/pkg/internal/golden"
	"github.com/promo-cli/promo/pkg/text"
)

var update = flag.Bool("update", false, "rewrite testdata/schema.golden.json")

func TestSchemaGolden(t *testing.T) {
	got, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "schema.golden.json"), got, *update, "-update")
	again, _ := Schema()
	if !bytes.Equal(got, again) {
		t.Errorf("Schema() is not deterministic")
	}
}

// schemaNode is the part of a JSON Schema the tests read.
type schemaNode struct {
	Schema      string                 `json:"$schema"`
	Type        string                 `json:"type"`
	Description string                 `json:"description"`
	Properties  map[string]*schemaNode `json:"properties"`
	Items       *schemaNode            `json:"items"`
	Enum        []any                  `json:"enum"`
	Default     any                    `json:"default"`
	OneOf       []*schemaNode          `json:"oneOf"`
	Additional  *bool                  `json:"additionalProperties"`
}

func loadSchema(t *testing.T) *schemaNode {
	t.Helper()
	data, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s schemaNode
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("schema is not valid JSON: %v", err)
	}
	return &s
}

// lookup follows a key path such as "scoring.topics[].name".
func (s *schemaNode) lookup(path string) *schemaNode {
	n := s
	for _, part := range strings.Split(path, ".") {
		list := strings.HasSuffix(part, "[]")
		n = n.Properties[strings.TrimSuffix(part, "[]")]
		if n == nil {
			return nil
		}
		if list {
			n = n.Items
			if n == nil {
				return nil
			}
		}
	}
	return n
}

func TestSchemaListsEveryKey(t *testing.T) {
	s := loadSchema(t)
	if s.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q", s.Schema)
	}
	paths := keyPaths()
	if len(paths) != 97 {
		t.Errorf("keyPaths() has %d keys, want 97", len(paths))
	}
	for _, p := range paths {
		n := s.lookup(p)
		switch {
		case n == nil:
			t.Errorf("schema lacks %s", p)
		case n.Description == "":
			t.Errorf("schema has no description for %s", p)
		case n.Properties != nil && (n.Additional == nil || *n.Additional):
			t.Errorf("%s must reject unknown keys", p)
		}
	}
}

func TestSchemaEnums(t *testing.T) {
	s := loadSchema(t)
	units := make([]any, len(text.Units))
	for i, u := range text.Units {
		units[i] = string(u)
	}
	tests := []struct {
		path string
		want []any
	}{
		{"length.unit", units},
		{"export.encoding", []any{"auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "gbk", "gb18030", "big5"}},
		{"authors.keep", []any{KeepFirst, KeepBest}},
		{"rewards.split", []any{SplitEqual, SplitTiered, SplitProportional}},
		{"rewards.ties", []any{TiesShare, TiesEarliest}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := s.lookup(tt.path).Enum; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("enum %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSchemaDefaults keeps the defaults the schema shows editors equal to
// the ones Default() applies.
func TestSchemaDefaults(t *testing.T) {
	s := loadSchema(t)
	d := Default()
	tests := []struct {
		path string
		want any
	}{
		{"export.encoding", d.Export.Encoding},
		{"tags.match.fold_width", d.Tags.Match.FoldWidth},
		{"tags.match.fold_case", d.Tags.Match.FoldCase},
		{"tags.match.fold_space", d.Tags.Match.FoldSpace},
		{"tags.match.fold_script", d.Tags.Match.FoldScript},
		{"length.min", float64(d.Length.Min)},
		{"length.max", float64(d.Length.Max)},
		{"length.unit", string(d.Length.Unit)},
		{"media.min_images", float64(d.Media.MinImages)},
		{"media.verify", d.Media.Verify},
		{"media.reuse_distance", float64(d.Media.ReuseDistance)},
		{"authors.max_entries", float64(d.Authors.MaxEntries)},
		{"authors.keep", d.Authors.Keep},
		{"content.brief_threshold", d.Content.BriefThreshold},
		{"content.duplicate_threshold", d.Content.DuplicateThreshold},
		{"scoring.weights.length", d.Scoring.Weights.Length},
		{"scoring.weights.topics", d.Scoring.Weights.Topics},
		{"scoring.weights.engagement", d.Scoring.Weights.Engagement},
		{"scoring.weights.media", d.Scoring.Weights.Media},
		{"scoring.weights.originality", d.Scoring.Weights.Originality},
		{"scoring.weights.judges", d.Scoring.Weights.Judges},
		{"scoring.length_target", float64(d.Scoring.LengthTarget)},
		{"scoring.judges_scale.min", d.Scoring.JudgesScale.Min},
		{"scoring.judges_scale.max", d.Scoring.JudgesScale.Max},
		{"rewards.decimals", float64(d.Rewards.Decimals)},
		{"rewards.split", d.Rewards.Split},
		{"rewards.ties", d.Rewards.Ties},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := s.lookup(tt.path).Default; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("schema default %#v, Default() %#v", got, tt.want)
			}
		})
	}
}
