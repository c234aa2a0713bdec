package reward

import (
	"bufio"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// ParseScores reads scores separated by commas, best first: "90,85.5,70".
func ParseScores(s string) ([]decimal.Decimal, error) {
	items := strings.Split(s, ",")
	out := make([]decimal.Decimal, 0, len(items))
	for i, item := range items {
		d, err := parseScore(item)
		if err != nil {
			return nil, fmt.Errorf("score %d: %w", i+1, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// ReadScores reads one score a line, best first. Blank lines are skipped;
// name is the file name that errors start with (name:line).
func ReadScores(r io.Reader, name string) ([]decimal.Decimal, error) {
	var out []decimal.Decimal
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		d, err := parseScore(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading scores: %w", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no scores: write one score a line, best first", name)
	}
	return out, nil
}

func parseScore(s string) (decimal.Decimal, error) {
	if strings.TrimSpace(s) == "" {
		return decimal.Decimal{}, fmt.Errorf("empty: write numbers separated by commas, like 90,85.5,70")
	}
	d, err := ParseAmount(s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return d, checkScore(d)
}

func checkScore(d decimal.Decimal) error {
	if err := checkSize("", d); err != nil {
		return err
	}
	if d.Sign() < 0 {
		return fmt.Errorf("%s is negative: scores are zero or more", d.String())
	}
	if places(d) > MaxDecimals {
		return fmt.Errorf("%s has more than %d decimal places: round it", d.String(), MaxDecimals)
	}
	return nil
}

// CheckScoreCount is for an ad-hoc split, where the scores are exactly the
// winners' scores; ranked entries may list more to show a tie at the
// cut-off, and Split accepts that.
func CheckScoreCount(scores, winners int) error {
	if scores != winners {
		return fmt.Errorf("got %d scores for %d winners: give one score per winner, best first, or set winners to %d",
			scores, winners, scores)
	}
	return nil
}

// checkScores checks that scores are usable and listed best first.
func checkScores(scores []decimal.Decimal) error {
	for i, s := range scores {
		if err := checkScore(s); err != nil {
			return fmt.Errorf("score %d: %w", i+1, err)
		}
		if i > 0 && s.GreaterThan(scores[i-1]) {
			return fmt.Errorf("score %d (%s) is above score %d (%s): list scores best first",
				i+1, s.String(), i, scores[i-1].String())
		}
	}
	return nil
}

// scoreWeights turns decimal scores into integers with the same ratios.
func scoreWeights(scores []decimal.Decimal) []*big.Int {
	var shift int32
	for _, s := range scores {
		shift = max(shift, places(s))
	}
	w := make([]*big.Int, len(scores))
	for i, s := range scores {
		w[i] = s.Shift(shift).BigInt()
	}
	return w
}
