package text

import (
	"fmt"
	"strings"
)

// Unit names a way of measuring a post's length. The names are part of the
// rule-file contract and of `promo count` output.
type Unit string

// The length units, in the order `promo count` shows them.
const (
	Runes     Unit = "runes"
	Graphemes Unit = "graphemes"
	Width     Unit = "width"
	Weibo     Unit = "weibo"
	Han       Unit = "han"
	Words     Unit = "words"
	Twitter   Unit = "twitter"
)

// Units lists every unit in display order.
var Units = []Unit{Runes, Graphemes, Width, Weibo, Han, Words, Twitter}

// ParseUnit returns the unit with the given name.
func ParseUnit(s string) (Unit, error) {
	for _, u := range Units {
		if string(u) == s {
			return u, nil
		}
	}
	return "", fmt.Errorf("unknown unit %q (want one of %s)", s, joinUnits())
}

func joinUnits() string {
	names := make([]string, len(Units))
	for i, u := range Units {
		names[i] = string(u)
	}
	return strings.Join(names, ", ")
}

// Exclude is a set of span kinds left out of a length count.
type Exclude uint8

// The kinds of text that `length.exclude` and `--exclude` can leave out.
const (
	ExcludeTags Exclude = 1 << iota // required tags, other hashtags, topics and cashtags
	ExcludeURLs
	ExcludeMentions
	ExcludeWhitespace
	ExcludePunctuation
	ExcludeEmoji
)

// ExcludeNames maps the rule-file spelling of each exclusion to its bit.
var ExcludeNames = []struct {
	Name string
	Bit  Exclude
}{
	{"tags", ExcludeTags},
	{"urls", ExcludeURLs},
	{"mentions", ExcludeMentions},
	{"whitespace", ExcludeWhitespace},
	{"punctuation", ExcludePunctuation},
	{"emoji", ExcludeEmoji},
}

// ParseExclude turns names such as "tags" and "urls" into a set.
func ParseExclude(names []string) (Exclude, error) {
	var ex Exclude
	for _, n := range names {
		bit, ok := excludeBit(strings.TrimSpace(n))
		if !ok {
			return 0, fmt.Errorf("unknown exclusion %q (want tags, urls, mentions, whitespace, punctuation or emoji)", n)
		}
		ex |= bit
	}
	return ex, nil
}

func excludeBit(name string) (Exclude, bool) {
	for _, e := range ExcludeNames {
		if e.Name == name {
			return e.Bit, true
		}
	}
	return 0, false
}

// Syntax says how free text is read for tags.
type Syntax uint8

// The tag syntaxes of `promo count --tag-syntax`.
const (
	SyntaxAuto    Syntax = iota // a '#' closed on the same line before any other '#' opens a topic
	SyntaxTwitter               // '#word' only
	SyntaxWeibo                 // '#topic with spaces#' only
)

// ParseSyntax returns the syntax with the given name.
func ParseSyntax(s string) (Syntax, error) {
	switch s {
	case "auto", "":
		return SyntaxAuto, nil
	case "twitter":
		return SyntaxTwitter, nil
	case "weibo":
		return SyntaxWeibo, nil
	}
	return 0, fmt.Errorf("unknown tag syntax %q (want auto, twitter or weibo)", s)
}

// Fold says which differences a comparison of tags, keywords and banned
// words ignores. The zero value compares text as written.
type Fold struct {
	Width  bool // NFKC and width folding: '＃' is '#', 'ＥＳ' is 'ES'
	Case   bool // Unicode case folding
	Space  bool // runs of spaces, tabs, NBSP and U+3000 are one space; zero-width characters dropped
	Script bool // Traditional Chinese folds to Simplified
}

// AllFolds is the rule-file default: every fold on.
var AllFolds = Fold{Width: true, Case: true, Space: true, Script: true}
