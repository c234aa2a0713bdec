// Package words holds the little English that messages share: a count's
// noun in the singular or plural, and a list joined with "or". Every
// package that words a message uses these, so the same list or count reads
// the same wherever it is printed.
package words

import "strings"

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
