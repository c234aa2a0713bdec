// Package words holds the little English that messages share: a count's
// noun in the singular or plural, a list joined with "or", and a long list
// cut to its first few. Every
// package that words a message uses these, so the same list or count reads
// the same wherever it is printed.
package words

import (
	"fmt"
	"strings"
)

// Plural returns one when n is 1 and many otherwise: Plural(n, "entry",
// "entries"), Plural(n, "is", "are").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// JoinOr joins a list as a choice: "a", "a or b", "a, b or c".
func JoinOr(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	last := len(items) - 1
	return strings.Join(items[:last], ", ") + " or " + items[last]
}

// Shown is how many items a message names before it counts the rest: a
// list of every post sharing an id, or of every id a judges' sheet names
// that no export has, can run to thousands, and a message stays one line.
const Shown = 5

// SomeOf joins named, the first of total items, and says how many more
// there are: "a, b and 3 more".
func SomeOf(named []string, total int) string {
	s := strings.Join(named, ", ")
	if more := total - len(named); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}
