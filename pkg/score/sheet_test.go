package score

import (
	"math"
	"strings"
	"testing"
)

func TestSheetRepeatedJudge(t *testing.T) {
	in := "id,judge,score\np1,ann,7\np2,ann,5\np1,ben,6\np1,ann,8\n"
	_, err := parseJudges("judges.csv", strings.NewReader(in), 0, 10)
	want := "judges.csv:5: judge ann scores entry p1 a second time (first on line 2); keep one of the two rows"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	// rows without a judge's name cannot be told apart: not a repeat
	if _, err := parseJudges("j.csv", strings.NewReader("p1,,7\np1,,8\n"), 0, 10); err != nil {
		t.Error(err)
	}
}

func TestSheetZScore(t *testing.T) {
	// ann is harsh, ben generous; they agree on the order p1 > p2 > p3.
	in := "id,judge,score\np1,ann,4\np2,ann,3\np3,ann,2\np1,ben,10\np2,ben,9\np3,ben,8\np4,cat,6\n"
	sheet, err := parseJudges("j.csv", strings.NewReader(in), 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	raw := sheet.Judges(NormalizeNone)
	if raw["p1"][0] != 4 || raw["p1"][1] != 10 {
		t.Errorf("none changed the scores: %v", raw)
	}
	z := sheet.Judges(NormalizeZScore)
	// after standardising, ann's and ben's scores for an entry are equal
	for _, id := range []string{"p1", "p2", "p3"} {
		if a, b := z[id][0], z[id][1]; math.Abs(a-b) > 1e-9 {
			t.Errorf("%s: ann %g, ben %g", id, a, b)
		}
	}
	mean, _ := meanSD([]float64{4, 3, 2, 10, 9, 8, 6})
	if !(z["p1"][0] > z["p2"][0] && z["p2"][0] > z["p3"][0]) || math.Abs(z["p2"][0]-mean) > 1e-9 {
		t.Errorf("order or centre lost: %v (mean %g)", z, mean)
	}
	// cat scored once: nothing relative to say, so the sheet's mean
	if math.Abs(z["p4"][0]-mean) > 1e-9 {
		t.Errorf("p4: %g, want the mean %g", z["p4"][0], mean)
	}
}

func FuzzSheet(f *testing.F) {
	f.Add("id,judge,score\np1,ann,4\np2,ann,3\np1,ben,10\n")
	f.Add("p1,,7\np1,,8\n")
	f.Add("p1,a,1\np1,a,2\n")
	f.Fuzz(func(t *testing.T, in string) {
		sheet, err := parseJudges("f.csv", strings.NewReader(in), 0, 10)
		if err != nil {
			return
		}
		for _, mode := range []string{NormalizeNone, NormalizeZScore} {
			n := 0
			for _, vs := range sheet.Judges(mode) {
				for _, v := range vs {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						t.Fatalf("%s: %v", mode, v)
					}
					n++
				}
			}
			if n != len(sheet.Scores) {
				t.Fatalf("%s: %d scores, sheet has %d", mode, n, len(sheet.Scores))
			}
		}
	})
}
