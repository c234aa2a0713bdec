package export

import (
	"slices"
	"strings"
	"testing"
)

// TestJSONPlaces: every record of a .json export has a place of its own. A
// minified export holds every record on line 1, where FILE:LINE named them
// all alike; a record that is not the first to start on its line is placed
// by the column, in characters, of its opening brace.
func TestJSONPlaces(t *testing.T) {
	big := strings.Repeat("x", 3000)
	tests := []struct {
		name, data string
		want       []string // sources; with no id in the record, its id too
	}{
		{"minified", `[{"content":"a"},{"content":"b"},{}]`,
			[]string{"posts.json:1", "posts.json:1:18", "posts.json:1:34"}},
		{"columns in characters", `[{"content":"第三届积分狂欢节"},{"content":"é"}]`,
			[]string{"posts.json:1", "posts.json:1:25"}},
		{"one a line keeps the line", "[\n{\"content\":\"a\"},\n{\"content\":\"b\"}\n]",
			[]string{"posts.json:2", "posts.json:3"}},
		{"second on a later line", "[{\"content\":\"a\"},\n {},{}]",
			[]string{"posts.json:1", "posts.json:2", "posts.json:2:5"}},
		{"two wrapper arrays on one line", `{"posts":[{}],"title":"标题","data":[{},{}]}`,
			[]string{"posts.json:1", "posts.json:1:36", "posts.json:1:39"}},
		{"broken rest after a record", `[{"content":"a"}, {"content": tru}]`,
			[]string{"posts.json:1", "posts.json:1:19"}},
		{"huge and not an object", `[{}, 42, {"content":"` + big + `"}]`,
			[]string{"posts.json:1", "posts.json:1:6", "posts.json:1:10"}},
		{"after a huge record", `[{"content":"` + big + `"}, {}, {"content":"` + big + "\",\n\"x\":\"第三\"}, {}, {}]",
			[]string{"posts.json:1", "posts.json:1:3018", "posts.json:1:3022", "posts.json:2", "posts.json:2:16"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range readString(t, "posts.json", tt.data, Options{MaxRecord: 2048}) {
				if p.NoID && p.ID != p.Source() {
					t.Errorf("record at %s has id %s, want its source", p.Source(), p.ID)
				}
				got = append(got, p.Source())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sources %q, want %q", got, tt.want)
			}
		})
	}
}
