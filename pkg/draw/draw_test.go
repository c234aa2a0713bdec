package draw

import (
	"math"
	"reflect"
	"testing"
)

// fixed is a stream of given values; it fails the test when read too far.
type fixed struct {
	t      *testing.T
	values []uint64
	k      int
}

func (f *fixed) Next() uint64 {
	if f.k >= len(f.values) {
		f.t.Fatalf("stream read past its %d values", len(f.values))
	}
	f.k++
	return f.values[f.k-1]
}

func TestDrawInjected(t *testing.T) {
	const top = math.MaxUint64
	tests := []struct {
		name                  string
		values                []uint64
		n, winners, alternate int
		want                  []Pick
	}{
		{
			name:   "rejected values skip to the next k",
			values: []uint64{top - 1, top, 10}, // 2^64 mod 7 = 2: the two highest are rejected
			n:      7, winners: 1,
			want: []Pick{{Pick: 1, Index: 3, K: 2}},
		},
		{
			name: "each pick removes from the remaining list in eligible order",
			// 3 left: 5 mod 3 = 2 -> [0 1 2] gives 2; 2 left: top is kept (2 divides 2^64),
			// odd -> [0 1] gives 1; 1 left: -> 0.
			values: []uint64{top, 5, top, 123},
			n:      3, winners: 3,
			want: []Pick{{Pick: 1, Index: 2, K: 1}, {Pick: 2, Index: 1, K: 2}, {Pick: 3, Index: 0, K: 3}},
		},
		{
			name:   "removal shifts later entries down",
			values: []uint64{1, 1, 1}, // [0 1 2 3] -> 1; [0 2 3] -> 2; [0 3] -> 3
			n:      4, winners: 2, alternate: 1,
			want: []Pick{{Pick: 1, Index: 1, K: 0}, {Pick: 2, Index: 2, K: 1}, {Pick: 3, Index: 3, K: 2, Alternate: true}},
		},
		{
			name:   "winners beyond the list pick everyone",
			values: []uint64{0, 0},
			n:      2, winners: 5, alternate: 3,
			want: []Pick{{Pick: 1, Index: 0, K: 0}, {Pick: 2, Index: 1, K: 1}},
		},
		{
			name:   "only alternates",
			values: []uint64{4},
			n:      3, winners: 0, alternate: 1,
			want: []Pick{{Pick: 1, Index: 1, K: 0, Alternate: true}},
		},
		{name: "empty list", n: 0, winners: 3, want: []Pick{}},
		{name: "negative counts", n: 3, winners: -1, alternate: -2, want: []Pick{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Draw(&fixed{t: t, values: tt.values}, tt.n, tt.winners, tt.alternate)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestDrawAlternatesFollowWinners checks that splitting the same number of
// picks differently between winners and alternates changes only the flags.
func TestDrawAlternatesFollowWinners(t *testing.T) {
	all := Draw(NewStream("block 912345"), 50, 12, 0)
	for winners := 0; winners <= 12; winners++ {
		got := Draw(NewStream("block 912345"), 50, winners, 12-winners)
		for i := range got {
			want := all[i]
			want.Alternate = i >= winners
			if got[i] != want {
				t.Fatalf("winners=%d pick %d: got %+v, want %+v", winners, i+1, got[i], want)
			}
		}
	}
}

func TestNewStream(t *testing.T) {
	// Each value was read by hand: printf 'SEED:K' | sha256sum, first 16
	// hex digits, converted to decimal.
	tests := []struct {
		name string
		seed string
		want []uint64
	}{
		{"empty seed", "", []uint64{1866903987063215603, 9812795669417250081, 5914006710072558588}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewStream(tt.seed)
			for k, want := range tt.want {
				if got := s.Next(); got != want {
					t.Errorf("k=%d: got %d, want %d", k, got, want)
				}
			}
		})
	}
}
