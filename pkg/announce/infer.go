package announce

import (
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// Source is where an inferred value came from.
type Source struct {
	Line int    // 1-based line number in the announcement
	Text string // that line, trimmed
}

// Inferred holds what an announcement says about the campaign's rules. A
// zero field means the announcement did not say.
type Inferred struct {
	Name      string
	Tags      []string // required tags as written, sigils kept
	MinLength int
	Unit      string // a length unit name: graphemes, han, words
	MinImages int
	Winners   int
	Pool      string // decimal text without separators
	Token     string
	// WindowStart and WindowEnd are "2006-01-02 15:04:05" in Timezone.
	WindowStart, WindowEnd string
	Timezone               string // an IANA name, e.g. Asia/Shanghai or Etc/GMT-8

	// From maps a rule-file key path ("tags.all_of", "length.min",
	// "rewards.pool", ...) to the line its value came from. Each required
	// tag also has its own entry, "tags.all_of[i]".
	From map[string]Source
}

// line is one announcement line in the forms the extractors read.
type line struct {
	n    int    // 1-based
	raw  string // as written
	fold string // width-folded, so numbers and punctuation read alike
	low  string // fold, lower-cased, for keywords
}

func splitLines(s string) []line {
	s = strings.TrimPrefix(s, "\ufeff")
	parts := strings.Split(s, "\n")
	out := make([]line, 0, len(parts))
	for i, p := range parts {
		p = strings.TrimRight(p, "\r")
		f := width.Fold.String(p)
		out = append(out, line{n: i + 1, raw: p, fold: f, low: strings.ToLower(f)})
	}
	return out
}

// Infer reads an announcement and returns what it says about the rules.
func Infer(announcement string) Inferred {
	lines := splitLines(announcement)
	inf := Inferred{From: map[string]Source{}}
	inferTags(lines, &inf)
	inferName(lines, &inf)
	inferLength(lines, &inf)
	inferMedia(lines, &inf)
	inferWinners(lines, &inf)
	inferPool(lines, &inf)
	inferWindow(lines, &inf)
	return inf
}

func (inf *Inferred) note(key string, l line) {
	inf.From[key] = Source{Line: l.n, Text: strings.TrimSpace(l.raw)}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// number reads a whole number written with optional thousands separators,
// refusing values too large to be a plausible count.
func number(s string) (int, bool) {
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil || n <= 0 || n > 1_000_000 {
		return 0, false
	}
	return n, true
}
