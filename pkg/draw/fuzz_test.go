package draw

import (
	"strings"
	"testing"
)

func FuzzDraw(f *testing.F) {
	f.Add("", uint16(1), int16(1), int16(0))
	f.Add("积分狂欢节 🎉", uint16(7), int16(3), int16(2))
	f.Add("seed", uint16(1000), int16(-5), int16(20))
	f.Fuzz(func(t *testing.T, seed string, n uint16, winners, alternates int16) {
		size := int(n % 2048)
		picks := Draw(NewStream(seed), size, int(winners), int(alternates))
		want := min(size, max(int(winners), 0)+max(int(alternates), 0))
		if len(picks) != want {
			t.Fatalf("got %d picks, want %d", len(picks), want)
		}
		seen := make(map[int]bool, len(picks))
		for i, p := range picks {
			if p.Index < 0 || p.Index >= size || seen[p.Index] {
				t.Fatalf("pick %d: index %d out of range or repeated", i+1, p.Index)
			}
			seen[p.Index] = true
			if p.Pick != i+1 || p.Alternate != (i >= int(winners)) {
				t.Fatalf("pick %d: got %+v", i+1, p)
			}
			if i > 0 && p.K <= picks[i-1].K {
				t.Fatalf("pick %d: k %d not after %d", i+1, p.K, picks[i-1].K)
			}
		}
	})
}

// FuzzCheckCommit: the digest of any id list checks against the same list,
// and a committed text is accepted only when it is that digest.
func FuzzCheckCommit(f *testing.F) {
	f.Add("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "")
	f.Add("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "a")
	f.Add("sha256:", "a\nb")
	f.Fuzz(func(t *testing.T, committed, joined string) {
		ids := strings.Split(joined, "\n")
		if err := CheckCommit(Digest(ids), len(ids), ids); err != nil {
			t.Fatalf("the digest of %q does not check against itself: %v", ids, err)
		}
		err := CheckCommit(committed, -1, ids)
		if err == nil && !strings.EqualFold(strings.TrimSpace(committed), Digest(ids)) {
			t.Fatalf("accepted %q for ids %q with digest %s", committed, ids, Digest(ids))
		}
	})
}
