package report

import (
	"encoding/csv"
	"io"
)

// StandingsExcel is the payout CSV for a spreadsheet: a UTF-8 byte-order
// mark, without which Excel reads the file in the machine's code page and
// garbles Chinese names, CRLF line ends, and the columns
// rank,id,uid,wallet,score,reward,token (uid is the author as exported).
// Cells are defused against formulas as in every CSV.
func StandingsExcel(w io.Writer, s *Standings) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write([]string{"rank", "id", "uid", "wallet", "score", "reward", "token"})
	for p := range s.Places() {
		row := []string{itoa(p.Rank), p.ID, p.Author, p.Wallet, scoreText(p.Score), p.Reward, s.Rewards.Token}
		for i, c := range row {
			row[i] = Defuse(c)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
