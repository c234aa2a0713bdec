package hugepage

import (
	"math"
	"reflect"
	"strings"
	"unsafe"
)

// Unzeroed returns n values of T in memory the runtime did not clear,
// for an array that is written before it is read, where that is known to
// hold. T must hold no pointers; for a T that does, it is make([]T, n).
//
// make clears an array whose place the heap used before, and a large
// one often starts in the free pages at the top of the heap and runs on
// into pages never touched: clearing then faults all of it in, small page
// by small page, before Advise can ask for huge pages. Memory left as it
// is can be advised first, and the array made after it lands above it, in
// pages never used.
func Unzeroed[T any](n int) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if n <= 0 || size == 0 || hasPointers(reflect.TypeFor[T]()) || n > maxBytes/size {
		return make([]T, n)
	}
	p := unzeroedBytes(n * size)
	if p == nil || uintptr(p)%unsafe.Alignof(zero) != 0 {
		return make([]T, n)
	}
	return unsafe.Slice((*T)(p), n)
}

// unzeroedBytes returns the start of n bytes the runtime did not clear, or
// nil. A builder grows into such memory: it writes every byte before it
// is read.
func unzeroedBytes(n int) unsafe.Pointer {
	var b strings.Builder
	b.Grow(n)
	return unsafe.Pointer(unsafe.StringData(b.String())) // the empty string at the start of its room
}

// maxBytes bounds an unzeroed array; larger ones are made as usual.
const maxBytes = min(1<<40, math.MaxInt)

// hasPointers reports whether a value of t holds anything the collector
// follows.
func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true
}

// Aligned returns s from its first element after a huge page boundary on,
// or s itself when there is none: the memory before the boundary can only
// be backed by small pages, each a fault of its own, while the slice made
// to start after it is backed by huge pages from its first element.
func Aligned[T any](s []T) []T {
	var zero T
	size := unsafe.Sizeof(zero)
	if len(s) == 0 || size == 0 {
		return s
	}
	p, _ := bounds(s)
	skip := ((p+Size-1)&^(Size-1) - p + size - 1) / size // elements to the first wholly after the boundary
	if skip >= uintptr(len(s)) {
		return s
	}
	return s[skip:]
}
