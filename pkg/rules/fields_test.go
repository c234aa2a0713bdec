package rules

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/promo-cli/promo/pkg/export"
)

// TestFieldsAreExportFields: the rule file's fields map has a key for
// every field export reads, and no other, so a field added to the reader
// cannot be missing from the rule file (columns would panic) or the other
// way round (it would never be read).
func TestFieldsAreExportFields(t *testing.T) {
	got := keysOf(reflect.TypeFor[Fields]())
	if want := export.FieldNames(); !slices.Equal(got, want) {
		t.Errorf("fields keys %q, export reads %q", got, want)
	}
}

func TestFieldsMap(t *testing.T) {
	tests := []struct {
		name string
		f    Fields
		want map[string]string
	}{
		{"empty", Fields{}, map[string]string{}},
		{"some", Fields{ID: "post_id", CreatedAt: "发布时间", Wallet: "addr"},
			map[string]string{"id": "post_id", "created_at": "发布时间", "wallet": "addr"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Map(); !maps.Equal(got, tt.want) {
				t.Errorf("Map() = %v, want %v", got, tt.want)
			}
		})
	}
}
