package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/promo-cli/promo/pkg/text"
)

// Error is one problem in a rule file. Line and Col are 1-based; 0 means
// unknown. File is the flag's name (e.g. "--pool") when the value came from
// an override.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	Hint      string // how to fix it, shown on its own line; may be empty
}

// Error returns "file:line:col: message", without the hint.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in a rule file, sorted by line.
type ErrorList []*Error

// Error puts one problem a line, each followed by "; hint" when it has one.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
		if e.Hint != "" {
			lines[i] += "; " + e.Hint
		}
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find each *Error.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
}

// maxErrors keeps a badly broken file from burying the first, most useful
// problems.
const maxErrors = 50

// asError keeps a nil list from becoming a non-nil error interface.
func (l ErrorList) asError() error {
	if len(l) == 0 {
		return nil
	}
	l.sort()
	if len(l) > maxErrors {
		more := len(l) - maxErrors
		l = append(l[:maxErrors:maxErrors], &Error{File: l[0].File, Msg: fmt.Sprintf("and %d more problems", more)})
	}
	return l
}

// position is where a value sits: a file and line:col, or a flag.
type position struct {
	file      string
	line, col int
}

// suggest returns the candidate closest to word, or "" when none is close
// enough to be a likely typo. A key written in another case or with other
// separators ("minImages") is found before any typo.
func suggest(word string, candidates []string) string {
	norm := normKey(word)
	for _, c := range candidates {
		if normKey(c) == norm {
			return c
		}
	}
	if near := text.Suggest(strings.ToLower(word), candidates, 1); len(near) > 0 {
		return near[0]
	}
	return ""
}

var keySeparators = strings.NewReplacer("_", "", "-", "", " ", "")

// normKey lets "minImages", "min-images" and "MIN_IMAGES" find min_images.
func normKey(s string) string {
	return keySeparators.Replace(strings.ToLower(s))
}
