package text

import (
	"slices"
	"unicode/utf8"
)

// foldWords is what pass 2 gathers in one read of the folded text when
// pass 1 folded it under every fold (quickSecond): the phrase automaton
// stepped over all of it, and its wording characters outside its URLs,
// tags and mentions. Those spans are not the raw text's (full-width
// sigils and colons, the space fold inside a topic), so the read waits
// until pass 1 and the script fold are done and they are known; and
// whether a phrase found stands whole may depend on what follows it, so
// the automaton's hits are checked then.
type foldWords struct {
	rs   []rune
	done int  // the folded text read so far
	off  bool // nothing is to be read: quickSecond will not run
	// The automaton, when one is run: its state and, for every step that
	// reached a state where phrases end, that state and the byte's offset.
	ix    *PhraseIndex
	trans []int32
	st    int32
	ends  []int32
}

// reset empties w for a post; with ix nil, w reads nothing (quickSecond
// will not run).
func (w *foldWords) reset(ix *PhraseIndex) {
	w.rs, w.ends, w.st, w.done = w.rs[:0], w.ends[:0], 0, 0
	w.ix, w.trans, w.off = nil, nil, ix == nil
	if ix != nil && len(ix.phrases) > 0 {
		w.ix, w.trans = ix, ix.trans
	}
}

// read reads the folded text b (valid UTF-8) from where it last stopped
// to its end. Each length has a case of its own, as in second;
// FuzzScanPassTwo holds the two to the same wording and phrase hits.
//
// The automaton's step is written out in the loop, its rare append out
// of line (end). The wording is written into room made once for the
// whole read (a character takes a byte at least), without append's call
// to grow it, which made the compiler keep the loop's state on the stack
// across every character; the runs of ideographs that leave the
// automaton idle, most of a Chinese post, are read by a loop of their
// own (idleHan).
func (w *foldWords) read(b []byte, tbl *[propTableSize]prop) {
	if w.off || w.done == len(b) {
		return
	}
	w.readFrom(b, tbl)
}

// readAll reads the folded text b, whole, once pass 1 appended it and the
// script fold rewrote it, leaving out the wording of the characters that
// start inside one of spans (in order, not overlapping, as specialsOf
// returns them). One read for the post: a read after each run of
// ideographs (five runes long, forty of them, in the benchmark export's
// posts) cost more in its calls and the branches its loops' ends guessed
// wrong than the text left in cache saved, a script fold had part of the
// text read again, and the wording inside the spans was dropped
// afterwards by counting it again.
func (w *foldWords) readAll(b []byte, spans []Span, tbl *[propTableSize]prop) {
	for _, sp := range spans {
		w.read(b[:sp.Start], tbl)
		n := len(w.rs)
		w.read(b[:sp.End], tbl) // for the automaton
		w.rs = w.rs[:n]
	}
	w.read(b, tbl)
}

// readFrom is read past its checks, out of line so that read's checks
// are inlined in readAll.
func (w *foldWords) readFrom(b []byte, tbl *[propTableSize]prop) {
	rs := slices.Grow(w.rs, len(b)-w.done)
	n, out := len(rs), rs[:cap(rs)]
	st, trans, ix := w.st, w.trans, w.ix
	var idle *[0x10000 / 64]uint64 // nil: every ideograph leaves the start state alone
	if trans != nil {
		idle = ix.idle
	}
	for i := w.done; i < len(b); {
		var (
			r  rune
			sz int
		)
		switch c := b[i]; {
		case c < utf8.RuneSelf:
			if j, m, to := asciiWords(b, i, out, n, trans, st); j > i {
				i, n, st = j, m, to
				continue
			}
			// A phrase ends at b[i]: stepped here, where end notes it.
			switch {
			case trans == nil:
			case st == 0:
				// The start state's row, where most bytes
				// leave it, is looked up without waiting for
				// the last step's result: the branch is
				// predicted, the address known.
				if st = trans[c]; st < 0 {
					st = w.end(st, i)
				}
			default:
				if st = trans[int(st)<<8|int(c)]; st < 0 {
					st = w.end(st, i)
				}
			}
			if asciiWording[c] {
				out[n] = rune(c)
				n++
			}
			i++
			continue
		case c >= 0xE0 && c < 0xF0:
			if st == 0 && c >= 0xE4 && c <= 0xE9 {
				if j, m := idleHan(b, i, out, n, idle); j > i {
					i, n = j, m
					continue
				}
			}
			r, sz = rune(c&0x0F)<<12|rune(b[i+1]&0x3F)<<6|rune(b[i+2]&0x3F), 3
			if trans != nil && (st != 0 || !ix.isIdle(r)) {
				for j := i; j < i+3; j++ {
					if st = trans[int(st)<<8|int(b[j])]; st < 0 {
						st = w.end(st, j)
					}
				}
			}
		default:
			r, sz = utf8.DecodeRune(b[i:])
			for j := i; trans != nil && j < i+sz; j++ {
				if st = trans[int(st)<<8|int(b[j])]; st < 0 {
					st = w.end(st, j)
				}
			}
		}
		if 0x4E00 <= r && r <= 0x9FFF || isWording(r, tbl) {
			out[n] = r
			n++
		}
		i += sz
	}
	w.rs, w.st, w.done = out[:n], st, len(b)
}

// asciiWords steps the automaton over the ASCII characters that start at
// b[i], up to the first non-ASCII one or the first at which a phrase
// ends, and writes their wording to out from n on. It returns where it
// stopped, the new n and the automaton's state. Every character is
// written and n moves on only past wording, so that letters, digits and
// the spaces and signs between them take no branch that a guess could
// get wrong.
func asciiWords(b []byte, i int, out []rune, n int, trans []int32, st int32) (int, int, int32) {
	for i < len(b) {
		c := b[i]
		if c >= utf8.RuneSelf {
			break
		}
		if trans != nil {
			next := trans[c] // the start state's row: see read
			if st != 0 {
				next = trans[int(st)<<8|int(c)]
			}
			if next < 0 {
				break
			}
			st = next
		}
		out[n] = rune(c)
		n += int(asciiWordingN[c])
		i++
	}
	return i, n, st
}

// asciiWordingN is asciiWording as a count: 1 for wording, else 0.
var asciiWordingN = func() (a [utf8.RuneSelf]uint8) {
	for c, ok := range asciiWording {
		if ok {
			a[c] = 1
		}
	}
	return a
}()

// idleHan writes to out from n on the unified ideographs (U+4E00–U+9FFF)
// that start at b[i], up to the first that would take the automaton out
// of its start state (idle's bit clear; none with idle nil) or any other
// character, and returns where it stopped and the new n. Every unified
// ideograph is wording. A loop of its own, without a call, keeps its
// state in registers. Having pass 1 note each run's idle stretch and its
// ideographs as cjkRun decodes them, for this read to copy, cost pass 1
// more than it saved here: a run is five ideographs long in a campaign
// post, and this loop is about a decode, a bit and a store a character.
func idleHan(b []byte, i int, out []rune, n int, idle *[0x10000 / 64]uint64) (int, int) {
	for i+2 < len(b) {
		c := b[i]
		if c < 0xE4 || c > 0xE9 {
			break
		}
		r := rune(c&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
		if r < 0x4E00 || idle != nil && idle[r/64]&(1<<(r%64)) == 0 {
			break
		}
		out[n] = r
		n++
		i += 3
	}
	return i, n
}

// end notes that the automaton reached the state ^to, where phrases end,
// at the byte j, and returns that state. It is out of read's loop, which
// seldom takes it.
//
//go:noinline
func (w *foldWords) end(to int32, j int) int32 {
	w.ends = append(w.ends, ^to, int32(j))
	return ^to
}

// isWording reports whether r carries wording, as second reads it.
func isWording(r rune, tbl *[propTableSize]prop) bool {
	if r < utf8.RuneSelf {
		return asciiWording[r]
	}
	return 0x4E00 <= r && r <= 0x9FFF || r != utf8.RuneError && propOf(tbl, r)&pWord != 0
}

// hits records in h (reset) the phrases the automaton found whole in u,
// the folded text it was stepped over.
func (w *foldWords) hits(u string, h *PhraseHits) {
	for k := 0; k < len(w.ends); k += 2 {
		w.ix.found(w.ends[k], u, int(w.ends[k+1]), h)
	}
}
