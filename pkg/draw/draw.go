package draw

// Accept reports whether x, a value in [0, 2^64), may be reduced mod n
// without bias: x < 2^64 - (2^64 mod n). Every n ≥ 1 then sees each
// remainder equally often. Accept is false for n = 0.
func Accept(x, n uint64) bool {
	if n == 0 {
		return false
	}
	// 2^64 mod n, computed in 64 bits: -n is 2^64 - n, which has the same
	// remainder mod n as 2^64.
	r := -n % n
	if r == 0 {
		return true
	}
	// -r is 2^64 - r, the first rejected value.
	return x < -r
}

// Pick is one drawn candidate.
type Pick struct {
	Pick      int    // 1-based place in the pick order, alternates included
	Index     int    // index into the eligible list
	K         uint64 // stream position whose value chose it
	Alternate bool   // picked after the winners
}

// Draw picks min(n, winners+alternates) of n eligible candidates without
// replacement, the first min(n, winners) as winners and the rest as
// alternates. With m left it reads values until Accept(x, m), takes index
// x mod m of the remaining list (kept in eligible order) and removes it.
// K counts the values read from s, so s must start at position 0.
func Draw(s Stream, n, winners, alternates int) []Pick {
	winners, alternates = max(winners, 0), max(alternates, 0)
	total := min(max(n, 0), winners+alternates)
	picks := make([]Pick, 0, total)
	left := make([]int, max(n, 0))
	for i := range left {
		left[i] = i
	}
	var k uint64
	for len(picks) < total {
		m := uint64(len(left))
		x := s.Next()
		for !Accept(x, m) {
			k++
			x = s.Next()
		}
		i := int(x % m)
		picks = append(picks, Pick{
			Pick:      len(picks) + 1,
			Index:     left[i],
			K:         k,
			Alternate: len(picks) >= winners,
		})
		left = append(left[:i], left[i+1:]...)
		k++
	}
	return picks
}
