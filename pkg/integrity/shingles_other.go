//go:build !amd64

package integrity

// vectorShingles is false: shingleHashes8 has no version here.
var vectorShingles = false

func shingleHashes8(out *uint64, rs *rune, blocks int) { panic("integrity: no vector shingle hashes") }

func finishBins8(sig *uint16, mins *uint32, empty *uint64) { panic("integrity: no vector bins") }
