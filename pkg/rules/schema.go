package rules

import (
	"encoding/json"

	"github.com/invopop/jsonschema"
)

// Schema returns the rule file's JSON Schema (draft 2020-12), reflected from
// the same types the decoder fills, indented and byte-stable.
func Schema() ([]byte, error) {
	ref := &jsonschema.Reflector{
		FieldNameTag:               "yaml",
		RequiredFromJSONSchemaTags: true,
		DoNotReference:             true,
		ExpandedStruct:             true,
		Anonymous:                  true,
	}
	s := ref.Reflect(&Rules{})
	s.Title = "promo rule file"
	s.Description = "Campaign rules for promo: tags, length, media, authors, content, scoring and rewards."
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// JSONSchema lets an amount be written as a string or a number.
func (Amount) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		OneOf: []*jsonschema.Schema{
			{Type: "string", Pattern: `^\s*(-?[0-9]+(\.[0-9]+)?)?\s*$`},
			{Type: "number"},
		},
	}
}
