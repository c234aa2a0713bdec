package hugepage

import (
	"reflect"
	"testing"
)

// TestUnzeroed: the array has the length asked for, in one piece that
// can be written end to end; a type holding pointers is made as usual,
// cleared.
func TestUnzeroed(t *testing.T) {
	type plain struct {
		A int32
		B [5]uint16
		C bool
	}
	for _, n := range []int{1, 7, 4096, 3*Size/16 + 5} {
		s := Unzeroed[plain](n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("n=%d: len %d cap %d", n, len(s), cap(s))
		}
		for i := range s {
			s[i] = plain{A: int32(i), C: true}
		}
		for i := range s {
			if s[i].A != int32(i) || !s[i].C {
				t.Fatalf("n=%d: value %d is %+v", n, i, s[i])
			}
		}
	}
	withPointers := Unzeroed[struct{ S string }](1000)
	for i, v := range withPointers {
		if v.S != "" {
			t.Fatalf("value %d with a pointer not cleared: %q", i, v.S)
		}
	}
	if unzeroedBytes(3*Size) == nil {
		t.Fatal("no unzeroed memory: every array is made cleared")
	}
	if s := Unzeroed[plain](0); len(s) != 0 {
		t.Fatalf("n=0: len %d", len(s))
	}
}

func TestHasPointers(t *testing.T) {
	tests := []struct {
		name string
		typ  reflect.Type
		want bool
	}{
		{"int", reflect.TypeFor[int](), false},
		{"array of uint16", reflect.TypeFor[[144]uint16](), false},
		{"struct of numbers", reflect.TypeFor[struct {
			A int32
			B bool
			C [3]float64
		}](), false},
		{"string", reflect.TypeFor[string](), true},
		{"slice", reflect.TypeFor[[]byte](), true},
		{"pointer", reflect.TypeFor[*int](), true},
		{"struct with a map", reflect.TypeFor[struct {
			A int
			M map[int]int
		}](), true},
		{"array of interfaces", reflect.TypeFor[[2]any](), true},
		{"empty array of strings", reflect.TypeFor[[0]string](), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasPointers(tt.typ); got != tt.want {
				t.Errorf("hasPointers(%v) = %v; want %v", tt.typ, got, tt.want)
			}
		})
	}
}

// TestAligned: the slice starts at the first element wholly after a huge
// page boundary, and ends where s ends.
func TestAligned(t *testing.T) {
	type doc [304]byte
	s := Unzeroed[doc](3 * Size / 304)
	a := Aligned(s)
	p, _ := bounds(a)
	start, _ := bounds(s)
	if p < start || p-start >= Size+304 {
		t.Fatalf("aligned slice starts %d bytes in", p-start)
	}
	if p%Size >= 304 {
		t.Fatalf("first element at %#x is more than one element after the boundary", p)
	}
	if &a[len(a)-1] != &s[len(s)-1] {
		t.Fatal("the aligned slice does not end where s ends")
	}
}
