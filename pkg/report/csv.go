package report

import (
	"encoding/csv"
	"io"
	"strings"
)

// Defuse makes a cell safe to open in a spreadsheet: a cell that begins
// with =, +, -, @, a tab or a carriage return would be read as a formula
// (CSV injection), so it gets a leading apostrophe, which spreadsheets
// show as text and do not display.
func Defuse(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, c := range r {
			safe[i] = Defuse(c)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ValidationCSV writes one row per entry.
func ValidationCSV(w io.Writer, v *Validation) error {
	return writeCSV(w, []string{"source", "id", "author", "valid", "length", "codes", "messages"}, validationRows(v))
}

func validationRows(v *Validation) [][]string {
	rows := make([][]string, 0, v.Len())
	v.Each(func(e Entry) {
		rows = append(rows, []string{e.Source, e.ID, e.Author, verdict(e), itoa(e.Length), codes(e), messages(e)})
	})
	return rows
}

func verdict(e Entry) string {
	if e.Valid {
		return "valid"
	}
	return "invalid"
}

func codes(e Entry) string {
	parts := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		parts[i] = string(r.Code)
	}
	return strings.Join(parts, ",")
}

func messages(e Entry) string {
	parts := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		parts[i] = r.Message
	}
	return strings.Join(parts, "; ")
}

// StandingsCSV writes the payout file: rank,id,author,score,reward,token.
func StandingsCSV(w io.Writer, s *Standings) error {
	rows := make([][]string, 0, s.PlaceCount())
	for p := range s.Places() {
		rows = append(rows, []string{itoa(p.Rank), p.ID, p.Author, scoreText(p.Score), p.Reward, s.Rewards.Token})
	}
	return writeCSV(w, []string{"rank", "id", "author", "score", "reward", "token"}, rows)
}
