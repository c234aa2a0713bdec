package draw

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
)

// Stream yields the values a draw consumes, the k-th value on the k-th call
// (k from 0). Tests inject their own to reach rare paths.
type Stream interface {
	Next() uint64
}

// NewStream returns the stream for seed: the k-th value is the first 8
// bytes, big-endian, of SHA-256(seed + ":" + k), k in decimal.
func NewStream(seed string) Stream {
	return &hashStream{seed: seed}
}

type hashStream struct {
	seed string
	k    uint64
	buf  []byte
}

func (s *hashStream) Next() uint64 {
	s.buf = append(s.buf[:0], s.seed...)
	s.buf = append(s.buf, ':')
	s.buf = strconv.AppendUint(s.buf, s.k, 10)
	s.k++
	sum := sha256.Sum256(s.buf)
	return binary.BigEndian.Uint64(sum[:8])
}
