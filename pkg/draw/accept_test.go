package draw

import (
	"math"
	"testing"
)

func TestAccept(t *testing.T) {
	const top = math.MaxUint64
	const half = 1 << 63
	tests := []struct {
		name string
		x, n uint64
		want bool
	}{
		{"n=0 never", 0, 0, false},
		{"n=1 zero", 0, 1, true},
		{"n=1 top", top, 1, true},
		{"n=2 top, power of two", top, 2, true},
		{"n=2^63 top, power of two", top, half, true},
		{"n=3 last kept", top - 1, 3, true},
		{"n=3 first rejected", top, 3, false},
		{"n=7 last kept", top - 2, 7, true},
		{"n=7 first rejected", top - 1, 7, false},
		{"n=7 top", top, 7, false},
		{"n=1000 last kept", top - 616, 1000, true},
		{"n=1000 first rejected", top - 615, 1000, false},
		// For n = 2^63+1 the bound is 2^64 - (2^63-1) = 2^63+1: just under
		// half of all values are rejected.
		{"n=2^63+1 zero", 0, half + 1, true},
		{"n=2^63+1 last kept", half, half + 1, true},
		{"n=2^63+1 first rejected", half + 1, half + 1, false},
		{"n=2^63+1 top", top, half + 1, false},
		{"n=2^64-1 last kept", top - 1, top, true},
		{"n=2^64-1 top rejected", top, top, false},
		{"n=2^64-1 zero", 0, top, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Accept(tt.x, tt.n); got != tt.want {
				t.Errorf("Accept(%d, %d) = %v, want %v", tt.x, tt.n, got, tt.want)
			}
		})
	}
}

// TestAcceptCount checks that the accepted values are an exact multiple of
// n: 2^64 - (2^64 mod n) of them, which is what makes x mod n unbiased.
func TestAcceptCount(t *testing.T) {
	const top = math.MaxUint64
	tests := []struct {
		name     string
		n        uint64
		rejected uint64 // values rejected, 2^64 mod n
	}{
		{"n=1", 1, 0},
		{"n=3", 3, 1},
		{"n=1000", 1000, 616},
		{"n=2^63+1", 1<<63 + 1, 1<<63 - 1},
		{"n=2^64-1", top, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.rejected > 0 && Accept(top-tt.rejected+1, tt.n) {
				t.Errorf("Accept(2^64-%d, %d) = true, want the first rejected value", tt.rejected, tt.n)
			}
			if !Accept(top-tt.rejected, tt.n) {
				t.Errorf("Accept(2^64-1-%d, %d) = false, want the last accepted value", tt.rejected, tt.n)
			}
		})
	}
}
