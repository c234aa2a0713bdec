package score

import (
	"fmt"
	"math"
)

// The values of scoring.judges_normalize.
const (
	NormalizeNone   = "none"
	NormalizeZScore = "zscore"
)

// Sheet is the judges' scores as read, row by row, with who gave each.
type Sheet struct {
	Scores []JudgeScore // file order
	first  map[[2]string]int
}

// JudgeScore is one row of the judges' sheet.
type JudgeScore struct {
	ID, Judge string
	Value     float64
	Line      int
}

// keep records a score, refusing a judge's second score for an entry.
func (j *Sheet) keep(sc JudgeScore) error {
	if sc.Judge != "" { // unnamed rows cannot be told apart, so they are not repeats
		if j.first == nil {
			j.first = map[[2]string]int{}
		}
		key := [2]string{sc.ID, sc.Judge}
		if prev, dup := j.first[key]; dup {
			return fmt.Errorf("judge %s scores entry %s a second time (first on line %d); keep one of the two rows", sc.Judge, sc.ID, prev)
		}
		j.first[key] = sc.Line
	}
	j.Scores = append(j.Scores, sc)
	return nil
}

// Judges lists each entry's scores, as given (none) or standardised per
// judge (zscore): each judge's scores become z-scores (minus the judge's
// mean, over the judge's standard deviation), then are put back on the
// sheet's scale with the mean and standard deviation of every score, so a
// harsh judge and a generous one weigh the same and judges_scale still
// maps them. A judge with one score, or the same score throughout, says
// nothing about the entries relative to each other: their scores become
// the sheet's mean.
func (s *Sheet) Judges(normalize string) Judges {
	values := make([]float64, len(s.Scores))
	for i, sc := range s.Scores {
		values[i] = sc.Value
	}
	if normalize == NormalizeZScore {
		values = s.standardised()
	}
	out := Judges{}
	for i, sc := range s.Scores {
		out[sc.ID] = append(out[sc.ID], values[i])
	}
	return out
}

func (s *Sheet) standardised() []float64 {
	all := make([]float64, len(s.Scores))
	byJudge := map[string][]float64{}
	for i, sc := range s.Scores {
		all[i] = sc.Value
		byJudge[sc.Judge] = append(byJudge[sc.Judge], sc.Value)
	}
	mean, sd := meanSD(all)
	type stat struct{ mean, sd float64 }
	stats := map[string]stat{}
	for j, vs := range byJudge {
		m, d := meanSD(vs)
		stats[j] = stat{m, d}
	}
	out := make([]float64, len(s.Scores))
	for i, sc := range s.Scores {
		st := stats[sc.Judge]
		z := 0.0
		if st.sd > 0 {
			z = (sc.Value - st.mean) / st.sd
		}
		out[i] = mean + z*sd
	}
	return out
}

// meanSD is the mean and the population standard deviation, summed in
// order so the result never depends on map order.
func meanSD(vs []float64) (mean, sd float64) {
	if len(vs) == 0 {
		return 0, 0
	}
	for _, v := range vs {
		mean += v
	}
	mean /= float64(len(vs))
	for _, v := range vs {
		sd += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sd / float64(len(vs)))
}
