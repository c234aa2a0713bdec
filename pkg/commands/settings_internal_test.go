package commands

import (
	"testing"

	"github.com/spf13/pflag"
)

// TestDecodeValue holds a setting from PROMO_* or the config file to its
// flag's type: decoded once into the bound field, or an error, never the
// zero value.
func TestDecodeValue(t *testing.T) {
	tests := []struct {
		name, typ string
		val       any
		want      string // the flag's value after decoding; "" with err
		err       string
	}{
		{"env int", "int", "4", "4", ""},
		{"env int not a number", "int", "abc", "", `"abc" is not a whole number`},
		{"env bool", "bool", "true", "true", ""},
		{"env bool yes", "bool", "yes", "", `"yes" is not true or false`},
		{"yaml int", "int", 4, "4", ""},
		{"yaml whole float", "int", 4.0, "4", ""},
		{"yaml fraction", "int", 4.5, "", "4.5 is not a whole number"},
		{"yaml bool for int", "int", true, "", "true is not a whole number"},
		{"yaml int for bool", "bool", 1, "", "1 is not true or false"},
		{"yaml int for string", "string", 4, "4", ""},
		{"yaml bool for string", "string", false, "false", ""},
		{"yaml list for string", "string", []any{"a", "b"}, "", "[a b] is not a single value"},
		{"yaml list for list", "stringSlice", []any{"tags", "urls"}, "[tags,urls]", ""},
		{"yaml null", "string", nil, "", "<nil> is not a string value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
			switch tt.typ {
			case "int":
				fs.Int("x", 0, "")
			case "bool":
				fs.Bool("x", false, "")
			case "string":
				fs.String("x", "", "")
			case "stringSlice":
				fs.StringSlice("x", nil, "")
			}
			f := fs.Lookup("x")
			err := decodeValue(f.Value, tt.val)
			switch {
			case tt.err != "" && (err == nil || err.Error() != tt.err):
				t.Fatalf("error %v, want %q", err, tt.err)
			case tt.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tt.err == "" && f.Value.String() != tt.want:
				t.Errorf("value %s, want %s", f.Value.String(), tt.want)
			}
		})
	}
}
