package score

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/promo-cli/promo/pkg/input"
)

// Judges maps an entry id to the scores judges gave it, in file order.
type Judges map[string][]float64

// ReadJudges reads a CSV of id,judge,score rows (a header row is allowed),
// up to max bytes (0: input.DefaultMaxSize), in any encoding pkg/input
// reads: a spreadsheet's UTF-16 or GBK sheet as well as UTF-8 with a BOM.
// A score that is not a number, or lies outside [lo, hi], is an error
// naming the line: a judge's typo must not silently move money.
func ReadJudges(path string, max int64, lo, hi float64) (*Sheet, error) {
	t, err := input.ReadFile(path, input.Options{MaxSize: max})
	if err != nil {
		return nil, fmt.Errorf("judges file: %w", err)
	}
	return parseJudges(path, strings.NewReader(t.Text), lo, hi)
}

func parseJudges(name string, r io.Reader, lo, hi float64) (*Sheet, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	j := &Sheet{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return j, nil
		}
		if err != nil {
			return nil, readError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if err := j.add(rec, line, lo, hi); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
	}
}

// readError names the line of a CSV syntax error. The reader's field
// positions are not set for a record it could not read, so the line comes
// from the error itself.
func readError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		where := fmt.Sprintf("%s:%d", name, pe.StartLine)
		if pe.Line == pe.StartLine {
			where += ":" + strconv.Itoa(pe.Column)
		} // else the record's quote runs on to pe.Line: its start is what to fix
		return fmt.Errorf("%s: %v; quote a cell holding a comma or a quote, and double the quotes inside it", where, pe.Err)
	}
	return fmt.Errorf("%s: %v", name, err)
}

// add checks one record and keeps its score. A judge scoring an entry a
// second time is an error naming both lines: which one counts is the
// operator's call, not the order of the rows.
func (j *Sheet) add(rec []string, line int, lo, hi float64) error {
	if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
		return nil
	}
	if len(rec) != 3 {
		return fmt.Errorf("want 3 columns id,judge,score, got %d", len(rec))
	}
	id, judge, raw := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1]), strings.TrimSpace(rec[2])
	if strings.EqualFold(id, "id") && strings.EqualFold(raw, "score") {
		return nil // header
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) {
		return fmt.Errorf("score %q of entry %s is not a number", raw, id)
	}
	if v < lo || v > hi {
		return fmt.Errorf("score %s of entry %s is outside the scale %g–%g (scoring.judges_scale)", raw, id, lo, hi)
	}
	return j.keep(JudgeScore{ID: id, Judge: judge, Value: v, Line: line})
}
