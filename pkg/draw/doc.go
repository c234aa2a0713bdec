// Package draw runs a lucky draw that anyone can re-run by hand.
//
// # Eligible list
//
// [Eligible] keeps one candidate per author (the author's earliest, by
// creation time then id) and sorts them by id in byte order. [Digest]
// fingerprints that list so it can be published before the seed is known.
//
// # Random stream
//
// The k-th value of the stream for a seed is the first 8 bytes, read
// big-endian, of SHA-256(seed + ":" + k) with k written in decimal, for
// k = 0, 1, 2, … ([NewStream]).
//
// # Picking
//
// With m candidates left, [Draw] reads values until one passes [Accept]
// (rejection sampling removes modulo bias), takes index x mod m of the
// remaining list, kept in eligible order, and removes it. Alternates are
// the picks that follow the winners on the same stream, so the whole pick
// order does not depend on how many of the picks are called winners.
package draw
