package report

import (
	"strings"

	"github.com/rivo/uniseg"
)

// Fitting a padded table to the terminal: a validate line of 475 columns
// wraps into an unreadable mess on a 60-column terminal. The columns
// before the last shrink, widest first, down to a floor, and their cells
// are cut with an ellipsis; the last column (details, messages) takes the
// rest of the line and wraps onto continuation lines aligned under it.
// Cuts fall between grapheme clusters, so a CJK character, an emoji
// sequence or a letter with its accents is never split.

const (
	columnGap   = 2 // spaces between columns, as writePadded writes them
	minColumn   = 6 // a column shrinks no further than this (or its natural width)
	minLastCell = 12
	ellipsis    = "…"
)

// fitRows returns rows whose padded lines fit in width columns, as far as
// the floors allow: cells cut, and the last column's long cells split into
// extra rows with the other cells empty.
func fitRows(rows [][]string, width int) [][]string {
	widths := columnWidths(rows)
	n := len(widths)
	if n == 0 || lineWidth(widths) <= width {
		return rows
	}
	limits := shrinkColumns(widths, width, columnFloors(rows[0], widths))
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		cut := make([]string, len(r))
		for i, c := range r {
			if i < n-1 {
				cut[i] = truncate(c, limits[i])
			}
		}
		if len(r) < n {
			out = append(out, cut)
			continue
		}
		for j, part := range wrapCell(r[n-1], limits[n-1]) {
			if j == 0 {
				cut[n-1] = part
				out = append(out, cut)
				continue
			}
			more := make([]string, n)
			more[n-1] = part
			out = append(out, more)
		}
	}
	return out
}

func lineWidth(widths []int) int {
	total := 0
	for _, w := range widths {
		total += w
	}
	return total + columnGap*(len(widths)-1)
}

// shrinkColumns gives each column its share of width. The last column
// (details) keeps a third of the line while the others shrink, widest
// first, down to their floor: their header's width, at least minColumn;
// then the last column gives up the rest down to minLastCell. A terminal
// too narrow for the floors gets them anyway, and the line wraps there.
func shrinkColumns(widths []int, width int, floors []int) []int {
	lim := append([]int(nil), widths...)
	last := len(lim) - 1
	over := lineWidth(lim) - width
	over = shrinkLast(lim, over, min(lim[last], max(minLastCell, width/3)))
	over = shrinkOthers(lim, over, floors)
	over = shrinkLast(lim, over, minLastCell)
	bare := make([]int, len(lim))
	for i, w := range widths {
		bare[i] = min(w, minColumn)
	}
	shrinkOthers(lim, over, bare)
	return lim
}

// shrinkLast takes up to over columns from the last column, down to keep,
// and returns what is still over.
func shrinkLast(lim []int, over, keep int) int {
	last := len(lim) - 1
	give := min(max(lim[last]-keep, 0), max(over, 0))
	lim[last] -= give
	return over - give
}

// shrinkOthers takes columns from the widest column but the last, one at a
// time down to its floor, and returns what is still over.
func shrinkOthers(lim []int, over int, floors []int) int {
	for over > 0 {
		widest := -1
		for i := range len(lim) - 1 {
			if lim[i] > floors[i] && (widest < 0 || lim[i] > lim[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		lim[widest]--
		over--
	}
	return over
}

// columnFloors is how far each column may shrink: to its header, so that
// a column stays named, and never under minColumn (or its natural width).
func columnFloors(header []string, widths []int) []int {
	floors := make([]int, len(widths))
	for i, w := range widths {
		floor := minColumn
		if i < len(header) {
			floor = max(floor, DisplayWidth(header[i]))
		}
		floors[i] = min(w, floor)
	}
	return floors
}

// truncate cuts s to at most width display columns, ending with an
// ellipsis when anything was cut, at a grapheme boundary.
func truncate(s string, width int) string {
	if DisplayWidth(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	head, _ := splitAtWidth(s, width-DisplayWidth(ellipsis))
	return head + ellipsis
}

// wrapCell splits s into lines of at most width display columns, breaking
// at the last space that fits, else between graphemes.
func wrapCell(s string, width int) []string {
	if width <= 0 || DisplayWidth(s) <= width {
		return []string{s}
	}
	var lines []string
	for DisplayWidth(s) > width {
		var line string
		line, s = cutLine(s, width)
		lines = append(lines, line)
	}
	if s != "" {
		lines = append(lines, s)
	}
	return lines
}

// cutLine takes from s the first line of at most width columns, ending at
// the last space that fits, else between graphemes, and returns it and the
// rest without the spaces at the break.
func cutLine(s string, width int) (line, rest string) {
	head, rest := splitAtWidth(s, width)
	if i := strings.LastIndexByte(head, ' '); i > 0 && rest != "" && rest[0] != ' ' {
		head, rest = head[:i], head[i+1:]+rest
	}
	if head == "" { // a grapheme wider than the column
		head, rest = firstGrapheme(s)
	}
	return strings.TrimRight(head, " "), strings.TrimLeft(rest, " ")
}

// proseIndent indents the continuation lines of a wrapped heading, so
// that the next heading still stands out at the left margin.
const proseIndent = 2

// wrapProse fits a line of prose (explain's headings) to width columns:
// the first line as wide as the terminal, the rest indented. A width of 0
// (a pipe, a file) leaves it one line.
func wrapProse(s string, width int) []string {
	if width <= 0 || DisplayWidth(s) <= width {
		return []string{s}
	}
	line, rest := cutLine(s, width)
	lines := []string{line}
	indent := proseIndent
	if width <= 2*proseIndent {
		indent = 0
	}
	for _, l := range wrapCell(rest, width-indent) {
		lines = append(lines, strings.Repeat(" ", indent)+l)
	}
	return lines
}

// splitAtWidth splits s after the last whole grapheme cluster that ends
// within width display columns.
func splitAtWidth(s string, width int) (head, rest string) {
	used, end := 0, 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		w := DisplayWidth(g.Str())
		if used+w > width {
			break
		}
		used += w
		_, end = g.Positions()
	}
	return s[:end], s[end:]
}

func firstGrapheme(s string) (string, string) {
	g := uniseg.NewGraphemes(s)
	if !g.Next() {
		return s, ""
	}
	_, end := g.Positions()
	return s[:end], s[end:]
}
