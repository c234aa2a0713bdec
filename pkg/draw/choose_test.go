package draw

import "testing"

func TestChooseNamesThePicks(t *testing.T) {
	eligible := []Candidate{{ID: "a", Author: "x"}, {ID: "b", Author: "y"}, {ID: "c", Author: "z"}}
	won, alt := Choose(eligible, "seed", 2, 5)
	picks := Draw(NewStream("seed"), 3, 2, 5)
	if len(won) != 2 || len(alt) != 1 || len(picks) != 3 {
		t.Fatalf("won %v alt %v picks %v", won, alt, picks)
	}
	for k, c := range append(won, alt...) {
		p := picks[k]
		if c.Pick != p.Pick || c.ID != eligible[p.Index].ID || c.Author != eligible[p.Index].Author {
			t.Errorf("pick %d: %+v, want %+v", k, c, p)
		}
	}
}
