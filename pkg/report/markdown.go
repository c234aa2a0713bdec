package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// mdCell escapes what would break a Markdown table cell or be read as
// markup: pipes, backslashes, line breaks, and characters that start
// emphasis, links or HTML.
func mdCell(s string) string {
	s = EscapeControl(s)
	r := strings.NewReplacer(`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `~`, `\~`, `[`, `\[`, `]`, `\]`, `<`, `&lt;`, `>`, `&gt;`)
	return r.Replace(s)
}

func writeMarkdownTable(w *bufio.Writer, header []string, rows [][]string, right map[int]bool) {
	w.WriteString("|")
	for _, h := range header {
		w.WriteString(" " + mdCell(h) + " |")
	}
	w.WriteString("\n|")
	for i := range header {
		if right[i] {
			w.WriteString(" ---: |")
		} else {
			w.WriteString(" --- |")
		}
	}
	w.WriteString("\n")
	for _, r := range rows {
		w.WriteString("|")
		for _, c := range r {
			w.WriteString(" " + mdCell(c) + " |")
		}
		w.WriteString("\n")
	}
}

// ValidationMarkdown writes the verdicts as a Markdown document.
func ValidationMarkdown(w io.Writer, v *Validation) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s: entries\n\n", mdCell(v.Campaign))
	fmt.Fprintf(bw, "%d entries: %d valid, %d invalid, %d unreadable.\n\n", v.Summary.Entries, v.Summary.Valid, v.Summary.Invalid, v.Summary.Unreadable)
	writeMarkdownTable(bw, []string{"source", "id", "author", "verdict", "length", "reasons", "details"}, validationRows(v), map[int]bool{4: true})
	return bw.Flush()
}

// StandingsMarkdown writes a results post an operator can paste: the
// winners, their rewards, and how the pool was paid.
func StandingsMarkdown(w io.Writer, s *Standings) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s: results\n\n", mdCell(s.Campaign))
	fmt.Fprintf(bw, "%d entries, %d valid. ", s.Summary.Entries, s.Summary.Valid)
	fmt.Fprintf(bw, "Pool %s %s: %s paid", s.Rewards.Pool, mdCell(s.Rewards.Token), s.Rewards.Paid)
	if s.Rewards.Leftover != "" && strings.Trim(s.Rewards.Leftover, "0.") != "" {
		fmt.Fprintf(bw, ", %s left over", s.Rewards.Leftover)
	}
	bw.WriteString(".\n\n")
	rows := make([][]string, 0, s.PlaceCount())
	for p := range s.Places() {
		rows = append(rows, []string{itoa(p.Rank), p.Author, p.ID, scoreText(p.Score), rewardText(p.Reward, s.Rewards.Token)})
	}
	writeMarkdownTable(bw, []string{"rank", "author", "entry", "score", "reward"}, rows, map[int]bool{0: true, 3: true, 4: true})
	fmt.Fprintf(bw, "\nInputs %s, rules %s.\n", s.InputsDigest, s.RulesDigest)
	return bw.Flush()
}

func rewardText(amount, token string) string {
	if amount == "" {
		return ""
	}
	if token == "" {
		return amount
	}
	return amount + " " + token
}
