package text

import "unicode/utf8"

// PhraseIndex finds the phrases of several groups (banned words, each
// topic's keywords) in one pass over a post's folded text: an Aho–Corasick
// automaton over the folded phrases' bytes, compiled once. A phrase is
// found as PhraseSet finds it: whole where it starts or ends with a
// letter or digit of a spaced script, a plain substring otherwise, so
// Chinese needs no word boundaries. Before, every phrase was a
// strings.Index of its own over the whole post.
type PhraseIndex struct {
	fold    Fold
	groups  [][]int // phrase ids per group, in rule order
	phrases []phrase
	next    [][256]int32 // the trie, then the automaton, while compiling
	out     [][]int32    // phrase ids ending at each state, failure links followed
	// trans is next flattened, state*256+byte; a target with phrases
	// ending at it is stored as ^state, so that the scan tests one sign.
	trans []int32
	// idle has a bit per three-byte character (U+0800–U+FFFF) that
	// leaves the start state where it is, every byte of it: at the start
	// state, the usual place in a post, such a character needs no step.
	idle *[0x10000 / 64]uint64
}

// CompilePhraseIndex compiles groups of phrases under fold f. Within a
// group, blank phrases are skipped and a phrase listed twice counts once,
// as in CompilePhrases.
func CompilePhraseIndex(groups [][]string, f Fold) *PhraseIndex {
	ix := &PhraseIndex{fold: f, next: make([][256]int32, 1), out: make([][]int32, 1)}
	for _, g := range groups {
		var ids []int
		for _, ph := range CompilePhrases(g, f).phrases {
			ids = append(ids, len(ix.phrases))
			ix.add(ph.folded, int32(len(ix.phrases)))
			ix.phrases = append(ix.phrases, ph)
		}
		ix.groups = append(ix.groups, ids)
	}
	ix.link()
	ix.trans = make([]int32, 0, len(ix.next)*256)
	for _, row := range ix.next {
		for _, to := range row {
			if len(ix.out[to]) > 0 {
				to = ^to
			}
			ix.trans = append(ix.trans, to)
		}
	}
	ix.next = nil
	ix.markIdle()
	return ix
}

// markIdle fills ix.idle: the three-byte characters whose bytes, stepped
// from the start state, find nothing and end there.
func (ix *PhraseIndex) markIdle() {
	ix.idle = new([0x10000 / 64]uint64)
	var buf [utf8.UTFMax]byte
	for r := rune(0x800); r <= 0xFFFF; r++ {
		st := int32(0)
		for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
			if st = ix.trans[int(st)<<8|int(c)]; st < 0 {
				break // a phrase ends on the way
			}
		}
		if st == 0 {
			ix.idle[r/64] |= 1 << (r % 64)
		}
	}
}

// isIdle reports whether the three-byte character r leaves the start
// state there (markIdle).
func (ix *PhraseIndex) isIdle(r rune) bool {
	return ix.idle[r/64]&(1<<(r%64)) != 0
}

// add puts a phrase into the trie; 0 in next means no edge yet.
func (ix *PhraseIndex) add(s string, id int32) {
	st := int32(0)
	for i := 0; i < len(s); i++ {
		if ix.next[st][s[i]] == 0 {
			ix.next = append(ix.next, [256]int32{})
			ix.out = append(ix.out, nil)
			ix.next[st][s[i]] = int32(len(ix.next) - 1)
		}
		st = ix.next[st][s[i]]
	}
	ix.out[st] = append(ix.out[st], id)
}

// link turns the trie into a complete automaton breadth first: each missing
// edge goes where the failure state's edge goes, and each state's outputs
// gain its failure state's.
func (ix *PhraseIndex) link() {
	fail := make([]int32, len(ix.next))
	var queue []int32
	for c := range 256 {
		if s := ix.next[0][c]; s != 0 {
			queue = append(queue, s) // fail[s] = 0
		}
	}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		for c := range 256 {
			s := ix.next[st][c]
			if s == 0 {
				ix.next[st][c] = ix.next[fail[st]][c]
				continue
			}
			fail[s] = ix.next[fail[st]][c]
			ix.out[s] = append(ix.out[s], ix.out[fail[s]]...)
			queue = append(queue, s)
		}
	}
}

// PhraseHits holds what one scan found, with buffers reused from scan to
// scan. The zero value is ready to use.
type PhraseHits struct {
	found []bool // by phrase id
}

// Scan finds the index's phrases in the post, replacing h's contents.
func (ix *PhraseIndex) Scan(p *Prepared, h *PhraseHits) {
	h.reset(ix)
	if len(ix.phrases) == 0 {
		return
	}
	t := p.folded
	if p.fold != ix.fold {
		t = ix.fold.Apply(p.text)
	}
	st := int32(0)
	for i := 0; i < len(t); i++ {
		st = ix.step(st, t, i, h)
	}
}

// reset empties h for a scan with ix.
func (h *PhraseHits) reset(ix *PhraseIndex) {
	h.found = h.found[:0]
	for range ix.phrases {
		h.found = append(h.found, false)
	}
}

// step moves the automaton from state st over the byte t[i] and records
// the phrases that end there whole.
func (ix *PhraseIndex) step(st int32, t string, i int, h *PhraseHits) int32 {
	to := ix.trans[int(st)<<8|int(t[i])]
	if to >= 0 {
		return to
	}
	return ix.found(^to, t, i, h)
}

// found records the phrases that end whole at t[i] in state to (step's
// rare path, kept apart so that step inlines).
func (ix *PhraseIndex) found(to int32, t string, i int, h *PhraseHits) int32 {
	for _, id := range ix.out[to] {
		if !h.found[id] && ix.phrases[id].wholeAt(t, i+1) {
			h.found[id] = true
		}
	}
	return to
}

// wholeAt reports whether the phrase, found in text ending at byte end,
// stands whole there: no gluing letter or digit just before or after.
func (ph phrase) wholeAt(text string, end int) bool {
	start := end - len(ph.folded)
	if ph.checkStart && glueRune(runeBefore(text, start)) {
		return false
	}
	if ph.checkEnd && end < len(text) {
		after, _ := utf8.DecodeRuneInString(text[end:])
		return !glueRune(after)
	}
	return true
}

// Any reports whether a phrase of group g was found.
func (ix *PhraseIndex) Any(h *PhraseHits, g int) bool {
	for _, id := range ix.groups[g] {
		if h.found[id] {
			return true
		}
	}
	return false
}

// Found returns the phrases of group g that were found, spelled as in the
// rule and in rule order, each once, as PhraseSet.Find does.
func (ix *PhraseIndex) Found(h *PhraseHits, g int) []string {
	var out []string
	for _, id := range ix.groups[g] {
		if h.found[id] {
			out = append(out, ix.phrases[id].rule)
		}
	}
	return out
}

// Groups returns the number of groups.
func (ix *PhraseIndex) Groups() int { return len(ix.groups) }
