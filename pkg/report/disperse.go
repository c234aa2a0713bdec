package report

import (
	"bufio"
	"io"
)

// Disperse writes the text Disperse's form takes: no header, one
// "address amount" a line, the amount in the token's units.
func Disperse(w io.Writer, p *Payout) error {
	bw := bufio.NewWriter(w)
	for _, r := range p.Rows {
		bw.WriteString(r.Receiver + " " + r.Amount + "\n")
	}
	return bw.Flush()
}
