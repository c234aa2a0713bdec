package hugepage

import "testing"

func TestWithin(t *testing.T) {
	const h = Size
	tests := []struct {
		name       string
		p, n       uintptr
		wantLo, hi uintptr
	}{
		{"aligned, two pages", 4 * h, 2 * h, 4 * h, 6 * h},
		{"starts inside a page", 4*h + 4096, 3 * h, 5 * h, 7 * h},
		{"ends inside a page", 4 * h, 2*h + 4096, 4 * h, 6 * h},
		{"less than a page", 4*h + 4096, h, 5 * h, 5 * h},
		{"within one page", 4*h + 4096, 8192, 5 * h, 4 * h},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := within(tt.p, tt.n)
			if lo != tt.wantLo || hi != tt.hi {
				t.Errorf("within(%#x, %#x) = %#x, %#x; want %#x, %#x", tt.p, tt.n, lo, hi, tt.wantLo, tt.hi)
			}
		})
	}
}

// TestPopulateKeepsContents: advice and faulting in change no byte of an
// array, whether it spans huge pages or not, nor of the bytes after its
// capacity.
func TestPopulateKeepsContents(t *testing.T) {
	for _, n := range []int{0, 1, 4096, 3*Size + 12345} {
		backing := make([]byte, n+64)
		for i := range backing {
			backing[i] = byte(i*7 + 1)
		}
		s := backing[:n:n]
		Advise(s)
		Populate(s)
		for i := range backing {
			if backing[i] != byte(i*7+1) {
				t.Fatalf("n=%d: byte %d changed to %d", n, i, backing[i])
			}
		}
	}
}

// TestPopulateLaterWritesNothing: faulting an array in on a goroutine
// while it is written loses no write and changes no byte.
func TestPopulateLaterWritesNothing(t *testing.T) {
	for _, n := range []int{0, 1, 4096, 3*Size + 12345} {
		backing := make([]byte, n+64)
		s := backing[:n:n]
		fault := PopulateLater(s)
		done := make(chan struct{})
		go func() {
			defer close(done)
			fault()
		}()
		for i := range backing {
			backing[i] = byte(i*7 + 1)
		}
		<-done
		for i := range backing {
			if backing[i] != byte(i*7+1) {
				t.Fatalf("n=%d: byte %d changed to %d", n, i, backing[i])
			}
		}
	}
}

// TestMakeIsMake: Make's array is make's, zeroed, of length and
// capacity n, whatever huge pages it spans.
func TestMakeIsMake(t *testing.T) {
	for _, n := range []int{0, 1, 4096, 3*Size/8 + 12345} {
		s := Make[uint64](n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("n=%d: len %d, cap %d", n, len(s), cap(s))
		}
		for i, v := range s {
			if v != 0 {
				t.Fatalf("n=%d: value %d is %d", n, i, v)
			}
		}
	}
}
