package integrity

import "golang.org/x/sys/cpu"

// vectorShingles says that shingleHashes8 may run: the CPU has AVX-512
// with its quadword multiplication, and the OS keeps its registers.
var vectorShingles = cpu.X86.HasAVX512F && cpu.X86.HasAVX512DQ

// shingleHashes8 is in shingles_amd64.s.
//
//go:noescape
func shingleHashes8(out *uint64, rs *rune, blocks int)

// finishBins8 is in shingles_amd64.s.
//
//go:noescape
func finishBins8(sig *uint16, mins *uint32, empty *uint64)

// finishBins8 is written for 144 bins, nine steps of sixteen: these fail
// to compile for any other count.
var (
	_ [NumHashes - 144]struct{}
	_ [144 - NumHashes]struct{}
)
