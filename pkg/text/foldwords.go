package text

import "unicode/utf8"

// foldWords is what pass 1 gathers for pass 2 while it folds a post: the
// phrase automaton stepped over the folded text, and its wording
// characters, read after each run of ideographs is appended (while it is
// in cache) instead of in a pass of its own. The folded text's URLs, tags
// and mentions are not the raw text's (full-width sigils and colons, the
// space fold inside a topic), so the wording inside them is dropped
// afterwards, once they are known; and whether a phrase found stands
// whole may depend on what follows it, so the automaton's hits are
// checked then too.
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
	// Where each read started, so that a script fold that rewrites the
	// text from some offset on need have only that part read again.
	marks []foldMark
}

// foldMark is foldWords' state where a read started.
type foldMark struct{ at, rs, ends, st int32 }

// reset empties w for a post; with ix nil, w reads nothing (quickSecond
// will not run).
func (w *foldWords) reset(ix *PhraseIndex) {
	w.rs, w.ends, w.marks, w.st, w.done = w.rs[:0], w.ends[:0], w.marks[:0], 0, 0
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
// of line (end).
func (w *foldWords) read(b []byte, tbl *[propTableSize]prop) {
	if w.off || w.done == len(b) {
		return
	}
	w.marks = append(w.marks, foldMark{int32(w.done), int32(len(w.rs)), int32(len(w.ends)), w.st})
	rs, st, trans, ix := w.rs, w.st, w.trans, w.ix
	for i := w.done; i < len(b); {
		var (
			r rune
			n int
		)
		switch c := b[i]; {
		case c < utf8.RuneSelf:
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
				rs = append(rs, rune(c))
			}
			i++
			continue
		case c >= 0xE0 && c < 0xF0:
			r, n = rune(c&0x0F)<<12|rune(b[i+1]&0x3F)<<6|rune(b[i+2]&0x3F), 3
			if trans != nil && (st != 0 || !ix.isIdle(r)) {
				for j := i; j < i+3; j++ {
					if st = trans[int(st)<<8|int(b[j])]; st < 0 {
						st = w.end(st, j)
					}
				}
			}
		default:
			r, n = utf8.DecodeRune(b[i:])
			for j := i; trans != nil && j < i+n; j++ {
				if st = trans[int(st)<<8|int(b[j])]; st < 0 {
					st = w.end(st, j)
				}
			}
		}
		if 0x4E00 <= r && r <= 0x9FFF || isWording(r, tbl) {
			rs = append(rs, r)
		}
		i += n
	}
	w.rs, w.st, w.done = rs, st, len(b)
}

// rewind takes w back to the last place a read started at or before
// from, the text before from being unchanged, so that what follows it is
// read again. Every read leaves a mark: marks 256 bytes apart made the
// scanner 9 % slower on the benchmark export's posts, where a script
// fold, and so a rewind, is common, for more read again than marking
// saved.
func (w *foldWords) rewind(from int) {
	m := foldMark{}
	for k := len(w.marks) - 1; k >= 0; k-- {
		if int(w.marks[k].at) <= from {
			m = w.marks[k]
			w.marks = w.marks[:k]
			break
		}
	}
	w.rs, w.ends, w.st, w.done = w.rs[:m.rs], w.ends[:m.ends], m.st, int(m.at)
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

// drop removes the characters that start inside one of spans (in order,
// not overlapping, as specialsOf returns them) of u, the folded text:
// u is read up to the last span's end, counting its wording characters
// to know which of rs fall inside the spans (posts have few spans, most
// often one tag near the start).
func (w *foldWords) drop(u string, spans []Span, tbl *[propTableSize]prop) {
	if len(spans) == 0 {
		return
	}
	n, k := 0, 0 // characters kept so far, read so far
	from := 0    // where in u the count k stands
	for _, sp := range spans {
		lo := k + countWording(u[from:sp.Start], tbl)
		hi := lo + countWording(u[sp.Start:sp.End], tbl)
		n += copy(w.rs[n:], w.rs[k:lo])
		k, from = hi, sp.End
	}
	n += copy(w.rs[n:], w.rs[k:])
	w.rs = w.rs[:n]
}

// countWording returns the number of wording characters in s.
func countWording(s string, tbl *[propTableSize]prop) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWording[c] {
				n++
			}
			i++
			continue
		}
		if unifiedAt(s, i) {
			n++
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWording(r, tbl) {
			n++
		}
		i += size
	}
	return n
}
