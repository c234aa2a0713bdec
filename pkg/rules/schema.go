package rules

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// schema is one node of a JSON Schema (draft 2020-12). Its fields are in
// the order the output lists them, and only the keywords the rule file's
// tags use are here.
type schema struct {
	Version              string      `json:"$schema,omitempty"`
	OneOf                []*schema   `json:"oneOf,omitempty"`
	Items                *schema     `json:"items,omitempty"`
	Properties           *properties `json:"properties,omitempty"`
	AdditionalProperties *bool       `json:"additionalProperties,omitempty"`
	Type                 string      `json:"type,omitempty"`
	Enum                 []any       `json:"enum,omitempty"`
	Maximum              json.Number `json:"maximum,omitempty"`
	Minimum              json.Number `json:"minimum,omitempty"`
	MinLength            *uint64     `json:"minLength,omitempty"`
	Pattern              string      `json:"pattern,omitempty"`
	MinItems             *uint64     `json:"minItems,omitempty"`
	UniqueItems          bool        `json:"uniqueItems,omitempty"`
	Title                string      `json:"title,omitempty"`
	Description          string      `json:"description,omitempty"`
	Default              any         `json:"default,omitempty"`
}

// properties keeps an object's keys in the order the struct declares them.
type properties struct {
	keys  []string
	nodes []*schema
}

func (p *properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range p.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(k)
		node, err := json.Marshal(p.nodes[i])
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(node)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Schema returns the rule file's JSON Schema (draft 2020-12), reflected from
// the same types the decoder fills, indented and byte-stable: every key
// is a property under its yaml name, every object rejects unknown keys,
// and the jsonschema tags add enums, bounds and defaults.
func Schema() ([]byte, error) {
	s := typeSchema(reflect.TypeFor[Rules]())
	s.Version = "https://json-schema.org/draft/2020-12/schema"
	s.Title = "promo rule file"
	s.Description = "Campaign rules for promo: tags, length, media, authors, content, scoring and rewards."
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// amountSchema lets an amount be written as a string or a number.
func amountSchema() *schema {
	return &schema{OneOf: []*schema{
		{Type: "string", Pattern: `^\s*(-?[0-9]+(\.[0-9]+)?)?\s*$`},
		{Type: "number"},
	}}
}

func typeSchema(t reflect.Type) *schema {
	if t == reflect.TypeFor[Amount]() {
		return amountSchema()
	}
	switch t.Kind() {
	case reflect.Struct:
		no := false
		s := &schema{Properties: &properties{}, AdditionalProperties: &no, Type: "object"}
		for i := range t.NumField() {
			f := t.Field(i)
			if name := yamlName(f); name != "" {
				s.Properties.keys = append(s.Properties.keys, name)
				s.Properties.nodes = append(s.Properties.nodes, fieldSchema(f))
			}
		}
		return s
	case reflect.Slice:
		return &schema{Items: typeSchema(t.Elem()), Type: "array"}
	case reflect.Bool:
		return &schema{Type: "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &schema{Type: "integer"}
	case reflect.Float32, reflect.Float64:
		return &schema{Type: "number"}
	}
	return &schema{Type: "string"}
}

// fieldSchema is the schema of a field's type with its tags applied.
func fieldSchema(f reflect.StructField) *schema {
	s := typeSchema(f.Type)
	s.Description = f.Tag.Get("jsonschema_description")
	for opt := range strings.SplitSeq(f.Tag.Get("jsonschema"), ",") {
		key, val, _ := strings.Cut(opt, "=")
		switch key {
		case "enum":
			s.Enum = append(s.Enum, tagValue(f.Type, val))
		case "default":
			s.Default = tagValue(f.Type, val)
		case "minimum":
			s.Minimum = json.Number(val)
		case "maximum":
			s.Maximum = json.Number(val)
		case "minLength":
			n, _ := strconv.ParseUint(val, 10, 64)
			s.MinLength = &n
		case "minItems":
			n, _ := strconv.ParseUint(val, 10, 64)
			s.MinItems = &n
		case "uniqueItems":
			s.UniqueItems = val == "" || val == "true"
		case "oneof_type":
			s.Type = ""
			for typ := range strings.SplitSeq(val, ";") {
				s.OneOf = append(s.OneOf, &schema{Type: typ})
			}
		}
	}
	return s
}

// tagValue reads an enum or default value written in a tag as the
// field's own type, so a boolean default is true and not "true".
func tagValue(t reflect.Type, val string) any {
	switch t.Kind() {
	case reflect.Bool:
		if b, err := strconv.ParseBool(val); err == nil {
			return b
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, err := strconv.ParseInt(val, 10, 64); err == nil {
			return n
		}
	case reflect.Float32, reflect.Float64:
		if x, err := strconv.ParseFloat(val, 64); err == nil {
			return x
		}
	}
	return val
}
