package htmlreport

import (
	"unicode"

	"github.com/promo-cli/promo/pkg/integrity"
	"github.com/promo-cli/promo/pkg/text"
)

// shared marks in each of two texts the passages the other also has: the
// runs of integrity.K-rune windows of wording (letters and digits, case
// folded) found in both, as the near-duplicate check compares them.
func shared(a, b string) ([]Segment, []Segment) {
	ta, tb := text.Normalize(a), text.Normalize(b)
	wa, wb := wordingOf(ta), wordingOf(tb)
	ka, kb := windows(wa), windows(wb)
	return markShared(ta, wa, kb), markShared(tb, wb, ka)
}

// wordRune is one rune of wording and where it is in the text.
type wordRune struct {
	r          rune
	start, end int
}

// wordingOf lists the wording runes of t, leaving out tags, links and
// mentions as the near-duplicate check does: a tag every entry carries is
// not a passage two of them share.
func wordingOf(t string) []wordRune {
	var out []wordRune
	for _, sp := range text.Tokenize(t, text.SyntaxAuto, nil) {
		if sp.End > len(t) || sp.Kind == text.SpanTag || sp.Kind == text.SpanURL || sp.Kind == text.SpanMention {
			continue
		}
		for k, r := range t[sp.Start:sp.End] {
			if integrity.Wording(r) && !unicode.IsSpace(r) && !unicode.IsPunct(r) {
				i := sp.Start + k
				out = append(out, wordRune{unicode.ToLower(r), i, i + len(string(r))})
			}
		}
	}
	return out
}

func windows(w []wordRune) map[string]bool {
	m := map[string]bool{}
	for i := 0; i+integrity.K <= len(w); i++ {
		m[key(w[i:i+integrity.K])] = true
	}
	return m
}

func key(w []wordRune) string {
	rs := make([]rune, len(w))
	for i, x := range w {
		rs[i] = x.r
	}
	return string(rs)
}

// markShared marks the runs of t whose windows other also has; what lies
// between two marked runes of one run (spaces, punctuation) is marked too.
func markShared(t string, w []wordRune, other map[string]bool) []Segment {
	in := make([]bool, len(w))
	for i := 0; i+integrity.K <= len(w); i++ {
		if other[key(w[i:i+integrity.K])] {
			for k := i; k < i+integrity.K; k++ {
				in[k] = true
			}
		}
	}
	var marks []span
	for i := 0; i < len(w); {
		if !in[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(w) && in[j+1] {
			j++
		}
		marks = append(marks, span{kind: "shared", start: w[i].start, end: w[j].end})
		i = j + 1
	}
	return cut(t, marks)
}
