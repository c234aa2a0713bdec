package rules

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestParseErrors gives each message its case: the rule file's text and
// every problem reported, with line:col and hint, exactly.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty file", "", "rules.yaml: the rule file is empty; run `promo init` to write a commented rule file to start from"},
		{"only comments", "# nothing yet\n", "rules.yaml: the rule file is empty; run `promo init` to write a commented rule file to start from"},
		{"not a mapping", "- a\n- b\n", "rules.yaml:1:1: the rule file must be a mapping with the keys name, window, export, fields, tags, length, media, authors, content, scoring, rewards, review, got a list"},
		{"syntax", "tags: {all_of: [\"#ES\"}\n", "rules.yaml:1: invalid YAML: did not find expected ',' or ']'; check indentation and quoting; a `#` starts a comment unless the value is quoted"},
		{"tab indent", "length:\n\tmin: 1\n", "rules.yaml:2: invalid YAML: found character that cannot start any token; YAML indents with spaces, not tabs; quote values that begin with `@`, `` ` `` or `%`"},
		{"two documents", "name: a\n---\nname: b\n", "rules.yaml:2:1: a rule file holds one YAML document; found a second one; remove the `---` line and what follows, or move it to its own file"},
		{"unknown key", "name: x\nlenght: {min: 60}\n", "rules.yaml:2:1: unknown key `lenght`; did you mean `length`?"},
		{"unknown nested key", "length:\n  mni: 60\n", "rules.yaml:2:3: unknown key `mni` in `length`; did you mean `min`?"},
		{"camel case key", "media: {minImages: 1}\n", "rules.yaml:1:9: unknown key `minImages` in `media`; did you mean `min_images`?"},
		{"key at wrong level", "min_images: 1\n", "rules.yaml:1:1: unknown key `min_images`; did you mean `media.min_images`?"},
		{"unknown key no match", "length: {zzz: 1}\n", "rules.yaml:1:10: unknown key `zzz` in `length`; valid keys here: min, max, unit, exclude"},
		{"duplicate key", "name: a\nname: b\n", "rules.yaml:2:1: duplicate key `name`; it is already set on line 1; keep one"},
		{"anchor under unknown key", "base: &b {min: 1}\n", "rules.yaml:1:1: unknown key `base`; valid keys here: name, window, export, fields, tags, length, media, authors, content, scoring, rewards, review"},
		{"merge into section", "length:\n  <<: {min: 1}\n", "rules.yaml:2:3: merge keys (`<<`) are not supported; write the keys out"},
		{"whole number", "length: {min: sixty}\n", "rules.yaml:1:15: `length.min` must be a whole number, got \"sixty\""},
		{"whole number float", "length: {min: 60.5}\n", "rules.yaml:1:15: `length.min` must be a whole number, got 60.5"},
		{"quoted number", "length: {min: \"60\"}\n", "rules.yaml:1:15: `length.min` must be a whole number, got \"60\""},
		{"too large", "length: {min: 99999999999}\n", "rules.yaml:1:15: `length.min` is too large, got 99999999999"},
		{"too small", "length: {min: -99999999999}\n", "rules.yaml:1:15: `length.min` is too small, got -99999999999"},
		{"bool", "media: {verify: yes}\n", "rules.yaml:1:17: `media.verify` must be true or false, got \"yes\""},
		{"number", "content: {brief_threshold: high}\n", "rules.yaml:1:28: `content.brief_threshold` must be a number, got \"high\""},
		{"infinite", "content: {brief_threshold: .inf}\n", "rules.yaml:1:28: `content.brief_threshold` must be a finite number, got .inf"},
		{"list", "tags: {all_of: \"#ES\"}\n", "rules.yaml:1:16: `tags.all_of` must be a list, got \"#ES\""},
		{"section not mapping", "window: 2025\n", "rules.yaml:1:9: `window` must be a mapping with the keys start, end, timezone, got 2025"},
		{"text got mapping", "name: {a: 1}\n", "rules.yaml:1:7: `name` must be a text, got a mapping"},
		{"amount got list", "rewards: {pool: [1], winners: 1}\n", "rules.yaml:1:17: `rewards.pool` must be an amount such as \"1250\" or \"92.85\", got a list"},
		{"unit", "length: {unit: grapheme}\n", "rules.yaml:1:16: unknown unit `grapheme` in `length.unit`; did you mean `graphemes`?"},
		{"unit far", "length: {unit: bytes}\n", "rules.yaml:1:16: unknown unit `bytes` in `length.unit`; use `runes`, `graphemes`, `width`, `weibo`, `han`, `words` or `twitter`"},
		{"exclusion", "length: {exclude: [tags, url]}\n", "rules.yaml:1:26: unknown exclusion `url` in `length.exclude[1]`; did you mean `urls`?"},
		{"min over max", "length: {min: 100, max: 50}\n", "rules.yaml:1:15: `length.min` (100) is greater than `length.max` (50); lower `length.min`, raise `length.max`, or set `length.max: 0` for no maximum"},
		{"negative min", "length: {min: -1}\n", "rules.yaml:1:15: `length.min` must be 0 or more, got -1"},
		{"encoding", "export: {encoding: latin1}\n", "rules.yaml:1:20: unknown encoding `latin1` in `export.encoding`; use `auto`, `utf-8`, `utf-16`, `utf-16le`, `utf-16be`, `gbk`, `gb18030` or `big5`"},
		{"encoding typo", "export: {encoding: gb1830}\n", "rules.yaml:1:20: unknown encoding `gb1830` in `export.encoding`; did you mean `gb18030`?"},
		{"date order", "export: {date_order: dym}\n", "rules.yaml:1:22: unknown date order `dym` in `export.date_order`; did you mean `dmy`?"},
		{"timezone", "window: {timezone: Asia/Shangai}\n", "rules.yaml:1:20: unknown time zone `Asia/Shangai` in `window.timezone`; use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC, or an offset such as +08:00"},
		{"local zone", "export: {timezone: Local}\n", "rules.yaml:1:20: `export.timezone` cannot be Local: results must not depend on the machine; use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC, or an offset such as +08:00"},
		{"bad time", "window: {start: \"15/07/2025\"}\n", "rules.yaml:1:17: `window.start` is not a time: \"15/07/2025\"; write it as \"2025-07-15 10:00\", \"2025-07-15 10:00:00\", \"2025-07-15\" or RFC 3339"},
		{"start after end", "window: {start: \"2025-07-22\", end: \"2025-07-15 10:00\"}\n", "rules.yaml:1:36: `window.start` (2025-07-22) must be before `window.end` (2025-07-15 10:00); swap them, or fix the dates"},
		{"start equals end", "window: {start: \"2025-07-15 10:00\", end: \"2025-07-15 10:00:00\"}\n", "rules.yaml:1:42: `window.start` (2025-07-15 10:00) must be before `window.end` (2025-07-15 10:00:00); swap them, or fix the dates"},
		{"threshold", "content: {duplicate_threshold: 1.5}\n", "rules.yaml:1:32: `content.duplicate_threshold` must be between 0 and 1, got 1.5; thresholds are similarities between 0 and 1, e.g. 0.8"},
		{"negative weight", "scoring: {weights: {media: -1}}\n", "rules.yaml:1:28: `scoring.weights.media` must be 0 or more, got -1; use 0 to leave a component out"},
		{"all weights zero", "scoring:\n  weights: {length: 0, topics: 0, engagement: 0, media: 0, originality: 0, judges: 0}\n", "rules.yaml:2:12: `scoring.weights` are all zero; give at least one component a weight above 0, e.g. `topics: 1`"},
		{"length target", "scoring: {length_target: 0}\n", "rules.yaml:1:26: `scoring.length_target` must be at least 1, got 0; the length component is full at this length, e.g. 300"},
		{"topic without keywords", "scoring:\n  topics:\n    - {name: 亮点}\n", "rules.yaml:3:7: topic 1 in `scoring.topics` has no keywords; list at least one keyword under `keywords:`"},
		{"topic without name", "scoring:\n  topics: [{keywords: [a]}]\n", "rules.yaml:2:12: topic 1 in `scoring.topics` has no name; give the topic a `name:`"},
		{"judges scale", "scoring: {judges_scale: {min: 5, max: 5}}\n", "rules.yaml:1:25: `scoring.judges_scale.min` (5) must be below `max` (5); e.g. `judges_scale: {min: 0, max: 10}`"},
		{"reuse distance", "media: {reuse_distance: 65}\n", "rules.yaml:1:25: `media.reuse_distance` must be between 0 and 64, got 65; 0 means identical hashes only; the default is 6"},
		{"keep", "authors: {keep: last}\n", "rules.yaml:1:17: unknown keep `last` in `authors.keep`; use `first` or `best`"},
		{"max entries", "authors: {max_entries: -2}\n", "rules.yaml:1:24: `authors.max_entries` must be 0 or more, got -2; use 0 for unlimited"},
		{"empty banned", "content: {banned: [ok, \"\"]}\n", "rules.yaml:1:24: `content.banned` has an empty item; remove the empty item"},
		{"tag without sigil", "tags: {all_of: [积分狂欢节]}\n", "rules.yaml:1:17: tag `积分狂欢节` in `tags.all_of` has no `#` or `$`; write it as posts carry it, in quotes: \"#积分狂欢节#\", \"#积分狂欢节\" or \"$积分狂欢节\""},
		{"tag eaten by comment", "tags:\n  all_of:\n    - #ES\n", "rules.yaml:3:5: `tags.all_of` has an empty tag; an unquoted `#` starts a YAML comment: write the tag in quotes, e.g. - \"#ES\", or remove the empty item"},
		{"tag list eaten by comment", "tags:\n  all_of: #Gate Alpha 第三届积分狂欢节#\n  any_of: []\n", "rules.yaml:2:3: `tags.all_of` is empty: YAML read `#Gate Alpha 第三届积分狂欢节#` as a comment; write the tag in quotes: all_of: [\"#Gate Alpha 第三届积分狂欢节#\"]"},
		{"any_of eaten by comment", "tags:\n  any_of:   #ES\n", "rules.yaml:2:3: `tags.any_of` is empty: YAML read `#ES` as a comment; write the tag in quotes: any_of: [\"#ES\"]"},
		{"fields share column", "fields: {id: user, author: user}\n", "rules.yaml:1:28: `fields.id` and `fields.author` both name the column `user`; map each field to its own column"},
		{"unknown field", "fields: {auther: name}\n", "rules.yaml:1:10: unknown key `auther` in `fields`; did you mean `author`?"},
		{"brief missing", "content: {brief: nowhere.txt}\n", "rules.yaml:1:18: `content.brief`: no file at nowhere.txt; paths in a rule file are relative to the rule file's folder"},
		{"judges is folder", "scoring: {judges: testdata}\n", "rules.yaml:1:19: `scoring.judges`: testdata is a folder; name a file, not a folder"},
		{"pool missing", "rewards: {winners: 3}\n", "rules.yaml:1:10: `rewards.pool` is missing; e.g. pool: \"1250\""},
		{"pool zero", "rewards: {pool: 0, winners: 3}\n", "rules.yaml:1:17: `rewards.pool` must be greater than 0, got 0"},
		{"pool words", "rewards: {pool: lots, winners: 3}\n", "rules.yaml:1:17: `rewards.pool` must be an amount, got \"lots\"; write a plain decimal such as \"1250\" or \"92.85\""},
		{"pool thousands separator", "rewards:\n  pool: 1,250\n  winners: 3\n", "rules.yaml:2:9: `rewards.pool` must be an amount, got \"1,250\"; write a plain decimal without thousands separators, such as \"1250\""},
		{"pool full-width digits", "rewards: {pool: \"１２５０\", winners: 3}\n", "rules.yaml:1:17: `rewards.pool` must be an amount, got \"１２５０\"; write a plain decimal such as \"1250\" or \"92.85\""},
		{"keywords wrong type reported once", "scoring:\n  topics: [{name: a, keywords: x}]\n", "rules.yaml:2:32: `scoring.topics[0].keywords` must be a list, got \"x\""},
		{"utf-16 without a bom", "n\x00a\x00m\x00e\x00:\x00 \x00x\x00\n\x00", "rules.yaml: the rule file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or as UTF-16 with a BOM)"},
		{"pool exponent", "rewards: {pool: 1e3, winners: 3}\n", "rules.yaml:1:17: `rewards.pool` must be an amount, got \"1e3\"; write a plain decimal such as \"1250\" or \"92.85\""},
		{"pool places", "rewards: {pool: \"10.125\", winners: 3}\n", "rules.yaml:1:17: `rewards.pool` (10.125) has more decimal places than `rewards.decimals` (2); round it, or raise `rewards.decimals` to 3"},
		{"decimals", "rewards: {pool: 10, winners: 3, decimals: 19}\n", "rules.yaml:1:43: `rewards.decimals` must be between 0 and 18, got 19; 2 suits most tokens"},
		{"winners zero", "rewards: {pool: 10, winners: 0}\n", "rules.yaml:1:30: `rewards.winners` must be at least 1, got 0; e.g. winners: 10"},
		{"winners missing", "rewards: {pool: 10}\n", "rules.yaml:1:10: `rewards.winners` must be at least 1, got 0; e.g. winners: 10"},
		{"split", "rewards: {pool: 10, winners: 1, split: even}\n", "rules.yaml:1:40: unknown split `even` in `rewards.split`; use `equal`, `tiered` or `proportional`"},
		{"ties", "rewards: {pool: 10, winners: 1, ties: shared}\n", "rules.yaml:1:39: unknown ties `shared` in `rewards.ties`; did you mean `share`?"},
		{"unfilled", "rewards: {pool: 10, winners: 1, unfilled: leaves}\n", "rules.yaml:1:43: unknown unfilled `leaves` in `rewards.unfilled`; did you mean `leave`?"},
		{"tiered without tiers", "rewards: {pool: 10, winners: 1, split: tiered}\n", "rules.yaml:1:40: `rewards.split` is tiered but `rewards.tiers` is empty; add e.g. tiers: [{ranks: \"1\", amount: \"300\"}, {ranks: \"2-3\", amount: \"150\"}]"},
		{"max per winner", "rewards: {pool: 10, winners: 1, max_per_winner: \"-1\"}\n", "rules.yaml:1:49: `rewards.max_per_winner` must be greater than 0, got -1"},
		{"tier ranks syntax", "rewards:\n  pool: 100\n  winners: 3\n  tiers: [{ranks: \"1,2\", amount: 10}]\n", "rules.yaml:4:19: `rewards.tiers[0].ranks` must be a rank or a range, got \"1,2\"; write a rank (\"1\") or a range (\"4-10\")"},
		{"tier ranks reversed", "rewards:\n  pool: 100\n  winners: 3\n  tiers: [{ranks: \"3-2\", amount: 10}]\n", "rules.yaml:4:19: `rewards.tiers[0].ranks` \"3-2\" is not a valid range; ranks count from 1, low to high, e.g. \"4-10\""},
		{"tier rank zero", "rewards:\n  pool: 100\n  winners: 3\n  tiers: [{ranks: 0, amount: 10}]\n", "rules.yaml:4:19: `rewards.tiers[0].ranks` \"0\" is not a valid range; ranks count from 1, low to high, e.g. \"4-10\""},
		{"tier past winners", "rewards:\n  pool: 100\n  winners: 3\n  tiers: [{ranks: \"2-5\", amount: 10}]\n", "rules.yaml:4:19: `rewards.tiers[0].ranks` \"2-5\" goes past `rewards.winners` (3); raise `rewards.winners` or shorten the range"},
		{"tier amount zero", "rewards:\n  pool: 100\n  winners: 3\n  tiers: [{ranks: 1, amount: 0}]\n", "rules.yaml:4:30: `rewards.tiers[0].amount` must be greater than 0, got 0"},
		{"tier amount places", "rewards:\n  pool: 100\n  winners: 3\n  decimals: 0\n  tiers: [{ranks: 1, amount: 0.5}]\n", "rules.yaml:5:30: `rewards.tiers[0].amount` (0.5) has more decimal places than `rewards.decimals` (0); round it, or raise `rewards.decimals` to 1"},
		{"tier overlap", "rewards:\n  pool: 100\n  winners: 5\n  tiers:\n    - {ranks: \"1-3\", amount: 10}\n    - {ranks: \"3-5\", amount: 5}\n", "rules.yaml:5:5: tiers \"1-3\" and \"3-5\" overlap; each rank may appear in one tier only"},
		{"tier gap when tiered", "rewards:\n  pool: 100\n  winners: 5\n  split: tiered\n  tiers:\n    - {ranks: \"1\", amount: 10}\n    - {ranks: \"4\", amount: 5}\n", "rules.yaml:6:5: rank \"5\" has no tier; add a tier for them, or lower `rewards.winners`\nrules.yaml:6:5: ranks \"2-3\" have no tier; add a tier for them, or lower `rewards.winners`"},
		{"tiers exceed pool", "rewards:\n  pool: \"1250\"\n  winners: 10\n  tiers: [{ranks: \"1\", amount: \"300\"}, {ranks: \"2-3\", amount: \"150\"}, {ranks: \"4-10\", amount: \"93\"}]\n", "rules.yaml:4:10: the tiers pay 1251 in all, more than `rewards.pool` (1250); lower the amounts or raise `rewards.pool`"},
		{"several problems sorted", "length: {min: sixty}\nname: a\nlenght: 1\nname: b\n", "rules.yaml:1:15: `length.min` must be a whole number, got \"sixty\"\n" +
			"rules.yaml:3:1: unknown key `lenght`; did you mean `length`?\n" +
			"rules.yaml:4:1: duplicate key `name`; it is already set on line 2; keep one"},
		{"alias bomb", aliasBomb(), "rules.yaml:1:1: unknown key `a`; valid keys here: name, window, export, fields, tags, length, media, authors, content, scoring, rewards, review\n" +
			"rules.yaml:2:1: unknown key `b`; valid keys here: name, window, export, fields, tags, length, media, authors, content, scoring, rewards, review\n" +
			"rules.yaml:3:1: unknown key `c`; valid keys here: name, window, export, fields, tags, length, media, authors, content, scoring, rewards, review"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("rules.yaml", []byte(tt.in))
			if err == nil {
				t.Fatalf("Parse succeeded, want error\n%s", tt.want)
			}
			if r != nil {
				t.Errorf("Parse returned rules with an error")
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is %T, want a non-empty ErrorList", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func aliasBomb() string {
	return "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		e    Error
		want string
	}{
		{"full", Error{File: "rules.yaml", Line: 12, Col: 3, Msg: "unknown key `lenght`", Hint: "did you mean `length`?"}, "rules.yaml:12:3: unknown key `lenght`"},
		{"no column", Error{File: "rules.yaml", Line: 4, Msg: "invalid YAML"}, "rules.yaml:4: invalid YAML"},
		{"no line", Error{File: "rules.yaml", Msg: "the rule file is empty"}, "rules.yaml: the rule file is empty"},
		{"flag", Error{File: "--pool", Msg: "`rewards.pool` must be greater than 0, got 0"}, "--pool: `rewards.pool` must be greater than 0, got 0"},
		{"nothing", Error{Msg: "bare"}, "bare"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"name", "window", "length", "media", "min_images"}
	tests := []struct{ word, want string }{
		{"lenght", "length"},
		{"LENGTH", "length"},
		{"medai", "media"},
		{"min-images", "min_images"},
		{"nmae", "name"},
		{"zzz", ""},
		{"w", ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := suggest(tt.word, keys); got != tt.want {
				t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	tests := []struct {
		name, in  string
		wantCount int
		wantFirst string
		wantLast  string
	}{
		{"parser error line", "name: a\ntags: {all_of: [\"#ES\"}\n", 1,
			"rules.yaml:2: invalid YAML: did not find expected ',' or ']'", ""},
		{"unknown anchor line", "name: a\ntags: {all_of: *t}\n", 1,
			"rules.yaml:2: invalid YAML: unknown anchor 't' referenced", ""},
		{"alias expansion stops", aliasSquare(400), 1,
			"rules.yaml:1:", "the rule file expands to more than 100000 values through aliases (aliases?)"},
		{"a list over the limit", "tags:\n  all_of: [" + strings.Repeat("\"#t\", ", MaxListItems) + "\"#t\"]\n", 1,
			"rules.yaml:2:11: `tags.all_of` lists 10001 values; a list in the rule file holds at most 10000", ""},

		{"problems capped", manyUnknown(80), maxErrors + 1,
			"rules.yaml:1:1: unknown key `k0`", "rules.yaml: and 30 more problems"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("rules.yaml", []byte(tt.in))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("got %v, want an ErrorList", err)
			}
			if len(list) != tt.wantCount {
				t.Fatalf("got %d problems, want %d:\n%v", len(list), tt.wantCount, err)
			}
			if first := list[0].Error(); !strings.HasPrefix(first, tt.wantFirst) {
				t.Errorf("first problem %q, want prefix %q", first, tt.wantFirst)
			}
			if last := list[len(list)-1].Error(); !strings.HasSuffix(last, tt.wantLast) {
				t.Errorf("last problem %q, want suffix %q", last, tt.wantLast)
			}
		})
	}
}

// aliasSquare repeats an n-item keyword list under n topics: n² values
// from a file of about 8n bytes.
func aliasSquare(n int) string {
	words := strings.TrimSuffix(strings.Repeat("a, ", n), ", ")
	refs := strings.TrimSuffix(strings.Repeat("*t, ", n-1), ", ")
	return "content: {banned: &k [" + words + "]}\nscoring: {topics: [&t {name: n, keywords: *k}, " + refs + "]}\n"
}

func manyUnknown(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: 1\n", i)
	}
	return b.String()
}

// TestValueLimit: a file written out in full, with every list under the
// list limit, still stops at MaxValues with a message that names the
// limit, not aliases. The decoder starts with a small budget here, since a
// million-value file takes seconds to parse.
func TestValueLimit(t *testing.T) {
	words := strings.TrimSuffix(strings.Repeat("w, ", 40), ", ")
	yamlText := "scoring:\n  topics:\n" + strings.Repeat("    - {name: n, keywords: ["+words+"]}\n", 10)
	root, errs := parseYAML("rules.yaml", []byte(yamlText))
	if errs != nil {
		t.Fatal(errs)
	}
	r := Default()
	d := &decoder{file: "rules.yaml", pos: r.pos, bad: r.bad, budget: 100}
	d.decode(root, reflect.ValueOf(r).Elem(), "")
	if len(d.errs) != 1 || !strings.HasSuffix(d.errs[0].Msg, fmt.Sprintf("holds more than %d values, the limit", MaxValues)) {
		t.Errorf("errors %v", d.errs)
	}
}
