package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/text"
)

// DisplayWidth is the number of terminal columns s takes, as the width
// unit counts them: whatever LANG or RUNEWIDTH_EASTASIAN say, ambiguous
// characters are narrow and emoji are wide, so a table looks the same on
// every machine.
func DisplayWidth(s string) int { return text.Columns(s) }

// Table is a grid of cells with a header row. Cells hold user text; Write
// escapes control characters in them so that a post cannot move the cursor,
// ring the bell or break a row.
type Table struct {
	Header []string
	Rows   [][]string
	// Right lists the columns aligned to the right (numbers, amounts).
	Right []int
	// Paint gives the SGR colour code ("32" is green) of a cell in
	// coloured output, or ""; row 0 is the header. Nil paints nothing.
	Paint func(row, col int, cell string) string
}

// Layout is how a table is laid out: TSV for programs, padded for a
// terminal, padded with colour for a terminal that wants it; a padded
// layout may also carry the terminal's width (see Fit).
type Layout uint32

// The layouts.
const (
	TSV Layout = iota
	Padded
	Colored
)

// kind is the layout without its width.
func (l Layout) kind() Layout { return l & 0xff }

// Width is the terminal width a padded layout fits its tables to; 0 for
// none.
func (l Layout) Width() int { return int(l >> 8) }

// Fit makes a padded layout fit its tables to a terminal of width columns:
// cells too wide are cut with an ellipsis, and the last column wraps. TSV
// is for programs and is never cut; a width of 0 or less fits nothing.
func (l Layout) Fit(width int) Layout {
	if l.kind() == TSV || width <= 0 {
		return l.kind()
	}
	return l.kind() | Layout(min(width, 1<<20))<<8
}

// LayoutFor is the layout for a terminal (padded, coloured when color)
// or for anything else (TSV).
func LayoutFor(terminal, color bool) Layout {
	switch {
	case !terminal:
		return TSV
	case color:
		return Colored
	}
	return Padded
}

// Write renders the table. With pad, columns are padded to their display
// width (CJK characters take two columns) for a terminal; without, the rows
// are tab-separated for other programs.
func (t Table) Write(w io.Writer, pad bool) error {
	if pad {
		return t.Render(w, Padded)
	}
	return t.Render(w, TSV)
}

// Render writes the table in the given layout. Colour codes never count
// towards a column's width, so coloured and plain tables line up alike.
func (t Table) Render(w io.Writer, l Layout) error {
	bw := bufio.NewWriter(w)
	rows := t.escaped()
	if l.kind() != TSV {
		if width := l.Width(); width > 0 {
			rows = fitRows(rows, width)
		}
		t.writePadded(bw, rows, l.kind() == Colored)
	} else {
		for _, r := range rows {
			bw.WriteString(strings.Join(r, "\t"))
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

func (t Table) escaped() [][]string {
	rows := make([][]string, 0, len(t.Rows)+1)
	for _, r := range append([][]string{t.Header}, t.Rows...) {
		out := make([]string, len(r))
		for i, c := range r {
			out[i] = EscapeControl(c)
		}
		rows = append(rows, out)
	}
	return rows
}

func (t Table) writePadded(w *bufio.Writer, rows [][]string, color bool) {
	widths := columnWidths(rows)
	right := make(map[int]bool, len(t.Right))
	for _, c := range t.Right {
		right[c] = true
	}
	for ri, r := range rows {
		var line strings.Builder
		for i, c := range r {
			gap := strings.Repeat(" ", max(0, widths[i]-DisplayWidth(c)))
			if color {
				c = t.paint(ri, i, c)
			}
			if i > 0 {
				line.WriteString("  ")
			}
			if right[i] {
				line.WriteString(gap + c)
			} else if i < len(r)-1 {
				line.WriteString(c + gap)
			} else {
				line.WriteString(c)
			}
		}
		// Empty cells at the end of a row would leave padding behind; a
		// terminal shows none of it, and files and diffs are cleaner without.
		w.WriteString(strings.TrimRight(line.String(), " "))
		w.WriteByte('\n')
	}
}

func columnWidths(rows [][]string) []int {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], DisplayWidth(c))
		}
	}
	return widths
}

// EscapeControl makes s safe to print on a terminal. Control characters
// (C0, DEL, C1, and the bidi overrides and isolates that can reorder a
// line) become visible escapes such as \n, \t and \x1b. Characters that
// show nothing (zero-width spaces, direction marks, line and paragraph
// separators, a byte order mark, word joiners, a soft hyphen) become
// <U+200B>, so that two strings that look the same on screen never are
// different. A zero-width joiner or non-joiner between two visible non-ASCII
// characters stays: it is how emoji sequences and several scripts are
// written. Bytes that are not UTF-8 are shown as \xNN too: a lone 0x9b is
// a C1 control to a terminal in an 8-bit mode, and the output is always
// valid UTF-8. Every message and terminal renderer uses it.
func EscapeControl(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	var prev rune
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isInvalidAt(s, i):
			b.WriteString(escapeRune(rune(s[i])))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case isControl(r):
			b.WriteString(escapeRune(r))
		case isInvisible(r) && !isJoinerBetween(r, prev, s[i+utf8.RuneLen(r):]):
			b.WriteString(invisibleName(r))
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		if isControl(r) || isInvisible(r) {
			return true
		}
	}
	return !utf8.ValidString(s)
}

// isInvalidAt tells a byte that is not UTF-8 from a genuine U+FFFD; range
// yields RuneError for both, consuming one byte for the former.
func isInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// isInvisible lists the characters a terminal draws as nothing, or as a
// line break: shown, they could make two different names look alike.
func isInvisible(r rune) bool {
	switch {
	case r == 0x00ad, r == 0x034f, r == 0x061c, r == 0x115f, r == 0x1160, r == 0x17b4, r == 0x17b5, r == 0x180e,
		r == 0x3164, r == 0xfeff, r == 0xffa0:
		return true
	case r >= 0x200b && r <= 0x200f, r == 0x2028, r == 0x2029, r >= 0x2060 && r <= 0x2064, r >= 0x206a && r <= 0x206f,
		r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return false
}

// isJoinerBetween keeps a zero-width joiner or non-joiner that joins two
// visible non-ASCII characters (👨‍👩, Persian and Indic letters).
func isJoinerBetween(r, prev rune, rest string) bool {
	if r != 0x200c && r != 0x200d {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest)
	return visibleNonASCII(prev) && visibleNonASCII(next)
}

func visibleNonASCII(r rune) bool {
	return r > 0x7f && r != utf8.RuneError && unicode.IsGraphic(r) && !unicode.IsSpace(r) && !isInvisible(r) && !isControl(r)
}

// invisibleName is how an invisible character is shown: <U+200B>.
func invisibleName(r rune) string {
	return fmt.Sprintf("<U+%04X>", r)
}

func escapeRune(r rune) string {
	const hex = "0123456789abcdef"
	if r < 0x100 {
		return `\x` + string(hex[r>>4]) + string(hex[r&0xf])
	}
	return `\u` + string(hex[r>>12&0xf]) + string(hex[r>>8&0xf]) + string(hex[r>>4&0xf]) + string(hex[r&0xf])
}

// paint wraps a non-empty cell in its colour code; headers are bold.
func (t Table) paint(row, col int, cell string) string {
	if cell == "" {
		return cell
	}
	code := ""
	switch {
	case row == 0:
		code = "1"
	case t.Paint != nil:
		code = t.Paint(row, col, cell)
	}
	if code == "" {
		return cell
	}
	return "\x1b[" + code + "m" + cell + "\x1b[0m"
}

// SGR colour codes used by the renderers.
const (
	green  = "32"
	red    = "31"
	yellow = "33"
)
