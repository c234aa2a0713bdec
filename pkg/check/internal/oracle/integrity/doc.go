// Package integrity is the oracle copy of the engine's text signature:
// the straightforward wording filter (Clean, Wording), shingling with a
// K-rune window recomputed per shingle (Signer.Sign), and brief
// containment from sorted shingle lists. It is frozen and never built into
// promo; see package oracle/check.
package integrity
