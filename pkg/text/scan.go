package text

import "unicode/utf8"

// Scanner reads posts for the checker: what Prepare, Measure, a
// PhraseIndex and the wording filter of the similarity signature each
// found in passes of their own, it finds in two passes over each post.
// The first walks the normalized text once, counting every length unit
// with the rule's exclusions while folding it into the text tags and
// phrases are matched on; the second walks that folded text once, running
// the phrase automaton and handing the wording to the signature; under
// every fold, pass 1 notes the folded text's sigils as it appends them,
// and the second pass reads the folded text once, finding its URLs, tags
// and mentions from those sigils (quickSecond). URLs and sigils are found
// once and shared by the three tag readings. The zero value is ready
// to use; a Scanner is not safe for concurrent use.
type Scanner struct {
	pr    Preparer
	auto  []Span // the text's URLs, tags and mentions in the auto syntax
	walk  walkSpecials
	sign  []byte // the text under every fold, when the rule folds less
	spans []Span // the URLs, tags and mentions of the signed text
	tk    Tokenizer
	tmp   []byte    // scratch for the script fold
	keyAt []int32   // where in the folded text a script fold key may start
	nfc   bool      // the folded text is known to be in NFC (quickNFC would say so)
	words []rune    // the wording of the post, for Wording
	fw    foldWords // what pass 1 gathered for pass 2
	// fsig holds the offsets of the folded text's sigils, as findSigils
	// would find them, when fsigOK: noted as pass 1 appends them, so that
	// quickSecond need not look for them again.
	fsig   []int32
	fsigOK bool
	// fwOK says that pass 1 folded the text itself, under every fold:
	// no slow fold built it anew, and fw may read it (quickSecond).
	fwOK bool
}

// Wording receives the characters that carry a post's wording, all of a
// post's at once, in order (an integrity.Signer).
type Wording interface{ AddRunes(rs []rune) }

// Scan reads s once for the checker and returns it prepared for tag
// matching under f (as Prepare) and its length in every unit with the
// kinds in ex left out (as Measure with the auto syntax). It finds ix's
// phrases in it into hits (as ix.Scan), and hands w the wording of s for
// its similarity signature: s under every fold whatever f is, without its
// URLs, tags and mentions, only letters, digits, marks and numbers. The
// Prepared is valid until the next Scan.
func (sc *Scanner) Scan(s string, f Fold, ex Exclude, ix *PhraseIndex, hits *PhraseHits, w Wording) (*Prepared, Counts) {
	pr := &sc.pr
	fused := f.Width && f.Case
	t := s
	if !fused {
		t = normalizeInto(s, &pr.norm)
	}
	// With the fused fold, the counting pass checks that s is in NFC as
	// it reads it (quickNFC's check), and only a post where it is not
	// (rare) is normalized and read again.
	urls, sigils, c, ok := sc.first(t, f, ex, ix, fused)
	if !ok {
		t = normalizeInto(s, &pr.norm)
		urls, sigils, c, _ = sc.first(t, f, ex, ix, false)
	}
	p := pr.finish(t, f, urls, sigils)
	if sc.fwOK && sc.nfc && f == AllFolds && ix.fold == f {
		sc.quickSecond(p, ix, hits)
		w.AddRunes(sc.fw.rs)
		return p, c
	}
	sc.words = sc.words[:0]
	sc.second(p, ix, hits)
	w.AddRunes(sc.words)
	return p, c
}

// quickSecond is second where pass 1 folded the text under every fold
// and in NFC: its URLs, tags and mentions are found first, then fw reads
// it once, stepping the automaton over all of it and gathering the
// wording outside those spans, and the phrases the automaton reached are
// checked whole. The spans are not the raw text's (full-width sigils and
// colons, the space fold inside a topic), so pass 1 could not have left
// that wording out itself.
func (sc *Scanner) quickSecond(p *Prepared, ix *PhraseIndex, hits *PhraseHits) {
	u := p.folded
	if sc.fsigOK {
		sc.spans = sc.tk.specialsOfSigils(u, SyntaxAuto, sc.fsig, sc.spans[:0])
	} else {
		sc.spans = sc.tk.specialsOf(u, SyntaxAuto, sc.spans[:0])
	}
	sc.fw.readAll(sc.pr.arena[:len(u)], sc.spans, props())
	hits.reset(ix)
	sc.fw.hits(u, hits)
}

// first is pass 1 over t: its URLs and sigils, its counts, and its fold
// into pr.arena. With check, t is any string and ok false means that it
// is not plainly in NFC (quickNFC would say false) and nothing is to be
// kept; without, t is Normalize's result and ok is always true.
func (sc *Scanner) first(t string, f Fold, ex Exclude, ix *PhraseIndex, check bool) (urls []Span, sigils []int32, c Counts, ok bool) {
	pr := &sc.pr
	urls = findURLs(t, pr.sc.urls[:0])
	pr.sc.urls = urls
	sc.nfc, sc.fwOK, sc.fsigOK = false, false, false
	if f.Width && f.Case {
		// The sigils, and the tags and mentions they start, are found
		// as the counting pass meets them (walkSpecials).
		sp := &sc.walk
		*sp = walkSpecials{t: t, urls: urls, tags: ex&(ExcludeTags|ExcludeMentions) != 0, out: sp.out[:0], sigils: pr.sc.sigils[:0]}
		var folded, valid bool
		var script *[]int32 // where the script fold may start a key
		if f.Script {
			sc.keyAt = sc.keyAt[:0]
			script = &sc.keyAt
		}
		if f == AllFolds && ix.fold == f {
			sc.fw.reset(ix) // quickSecond will read the folded text
		} else {
			sc.fw.reset(nil)
		}
		sc.fsig = sc.fsig[:0]
		pr.arena, c, folded, sc.nfc, valid = countFold(pr.arena[:0], t, sp, ex, f.Space, check, script, &sc.fsig)
		sigils, pr.sc.sigils = sp.sigils, sp.sigils
		if !valid {
			return nil, nil, Counts{}, false
		}
		// The script fold keeps the text in NFC: its values are
		// (TestT2SValuesNFC).
		sc.nfc = sc.nfc && folded
		sc.fwOK, sc.fsigOK = folded, folded
		if folded && f.Script {
			// Most Simplified posts have no key anywhere: only from
			// the first place where one matches is the fold needed.
			if from := scriptFrom(pr.arena, sc.keyAt); from >= 0 {
				pr.arena = foldScriptInto(pr.arena, from, &sc.tmp)
				// Its values may be longer or shorter than its keys:
				// the sigils after from are elsewhere now.
				sc.fsigOK = false
			}
		}
		if !folded {
			pr.arena = f.appendApply(pr.arena[:0], t)
		}
		return urls, sigils, c, true
	}
	sigils = findSigils(t, pr.sc.sigils[:0])
	pr.sc.sigils = sigils
	auto := urls // the twitter unit needs the URLs only
	if ex&(ExcludeTags|ExcludeMentions) != 0 {
		sc.auto = specialsWith(t, urls, sigils, SyntaxAuto, sc.auto[:0])
		auto = sc.auto
	}
	c = count(t, auto, ex)
	pr.arena = f.appendApply(pr.arena[:0], t)
	return urls, sigils, c, true
}

// second is the pass over the folded text: phrases, and the wording
// appended to sc.words.
func (sc *Scanner) second(p *Prepared, ix *PhraseIndex, hits *PhraseHits) {
	hits.reset(ix)
	u := p.folded
	if p.fold != AllFolds {
		// Similarity never depends on the rule's folds: sign the text
		// under every fold, and match phrases on their own.
		sc.sign = AllFolds.appendApply(sc.sign[:0], p.text)
		u = bytesString(sc.sign)
		ix.Scan(p, hits)
		ix = nil
	} else if ix.fold != p.fold {
		ix.Scan(p, hits)
		ix = nil
	}
	var (
		t     string
		spans []Span
	)
	if sc.nfc && p.fold == AllFolds {
		// Pass 1 built u from characters NFC leaves alone: no need to
		// check it again.
		t, spans = u, sc.tk.specialsOf(u, SyntaxAuto, sc.spans[:0])
	} else {
		t, spans = sc.tk.Specials(u, SyntaxAuto, sc.spans[:0])
	}
	sc.spans = spans
	if t != u {
		// The folded text is not in NFC (rare): the spans index its
		// NFC form, so read it the long way.
		if ix != nil {
			ix.Scan(p, hits)
		}
		sc.slowWording(u)
		return
	}
	if ix != nil && len(ix.phrases) == 0 {
		ix = nil
	}
	tbl := props()
	k, st := 0, int32(0)
	next := len(u) // where span k starts
	if len(spans) > 0 {
		next = spans[0].Start
	}
	words := sc.words
	var trans []int32
	if ix != nil {
		trans = ix.trans
	}
	for i := 0; i < len(u); {
		if i < next && unifiedAt(u, i) {
			// A run of CJK unified ideographs outside URLs, tags and
			// mentions: all wording, read in a loop of its own.
			for ; i < next && unifiedAt(u, i); i += 3 {
				r := rune(u[i]&0x0F)<<12 | rune(u[i+1]&0x3F)<<6 | rune(u[i+2]&0x3F)
				words = append(words, r)
				if trans == nil || st == 0 && ix.isIdle(r) {
					// At the start state, a character no phrase starts
					// with leaves it there.
					continue
				}
				for j := i; j < i+3; j++ {
					to := trans[int(st)<<8|int(u[j])]
					if to < 0 {
						to = ix.found(^to, u, j, hits)
					}
					st = to
				}
			}
			continue
		}
		// u is valid UTF-8 (Specials returned it as its own NFC form).
		// Each length has its own case and its own loop of the
		// automaton's steps, whose count its branch then always
		// predicts: one loop for every length mispredicted wherever
		// ASCII and Chinese alternate.
		var (
			r rune
			n int
		)
		switch c := u[i]; {
		case c < utf8.RuneSelf:
			r, n = rune(c), 1
			if trans != nil {
				to := trans[int(st)<<8|int(c)]
				if to < 0 {
					to = ix.found(^to, u, i, hits)
				}
				st = to
			}
		case c >= 0xE0 && c < 0xF0:
			r, n = rune(c&0x0F)<<12|rune(u[i+1]&0x3F)<<6|rune(u[i+2]&0x3F), 3
			for j := i; trans != nil && j < i+3; j++ {
				to := trans[int(st)<<8|int(u[j])]
				if to < 0 {
					to = ix.found(^to, u, j, hits)
				}
				st = to
			}
		default:
			r, n = decode(u, i)
			for j := i; trans != nil && j < i+n; j++ {
				to := trans[int(st)<<8|int(u[j])]
				if to < 0 {
					to = ix.found(^to, u, j, hits)
				}
				st = to
			}
		}
		if i >= next {
			for k < len(spans) && spans[k].End <= i {
				k++
			}
			switch {
			case k < len(spans) && spans[k].Start <= i:
				i += n
				continue // inside a URL, tag or mention
			case k < len(spans):
				next = spans[k].Start
			default:
				next = len(u)
			}
		}
		i += n
		if r < utf8.RuneSelf {
			if asciiWording[r] {
				words = append(words, r)
			}
		} else if 0x4E00 <= r && r <= 0x9FFF || r != utf8.RuneError && propOf(tbl, r)&pWord != 0 {
			words = append(words, r)
		}
	}
	sc.words = words
}

// asciiWording marks the ASCII letters and digits.
var asciiWording = func() (a [utf8.RuneSelf]bool) {
	for c := range a {
		a[c] = isASCIILetter(byte(c)) || '0' <= c && c <= '9'
	}
	return a
}()

// slowWording appends to sc.words the wording of u read through
// Tokenize, for a folded text that NFC still changes.
func (sc *Scanner) slowWording(u string) {
	sc.spans = sc.tk.Tokenize(u, SyntaxAuto, sc.spans[:0])
	tbl := props()
	for _, sp := range sc.spans {
		if sp.End > len(u) {
			break // offsets index Normalize(u), which u already is
		}
		if sp.Kind == SpanURL || sp.Kind == SpanTag || sp.Kind == SpanMention {
			continue
		}
		for _, r := range u[sp.Start:sp.End] {
			if r != utf8.RuneError && propOf(tbl, r)&pWord != 0 {
				sc.words = append(sc.words, r)
			}
		}
	}
}

// countFold is count over t fused with the width and case folds (and the
// space fold with space) of t appended to dst, as fastWidthCase folds it;
// ok is false when t needs the slow fold, and then dst is to be ignored.
// nfc reports that every character appended is one NFC leaves alone
// whatever surrounds it, so that the folded text is in NFC (t must be
// valid UTF-8, as Normalize's results are). With check, t may be any
// string: valid is false, and the rest to be ignored, as soon as t is not
// plainly in NFC (where quickNFC says false); without, valid is true.
//
// With script not nil, the offset in dst of every character appended
// that may start a key of the script fold is appended to *script
// (markKeys), so that the fold need not read the whole text again.
//
// The URLs, tags and mentions whose characters the exclusions concern
// are sp's (t's URLs, found before): sp finds the tags and mentions, and
// notes every sigil, as the walk meets them.
//
// The offset in dst of every sigil appended is appended to *sigils (as
// findSigils would find it in what is appended).
func countFold(dst []byte, t string, sp *walkSpecials, ex Exclude, space, check bool, script *[]int32, sigils *[]int32) (_ []byte, c Counts, ok, nfc, valid bool) {
	tbl := props()
	var (
		halves   int
		inWord   bool
		k        int
		urlShown = -1 // index of the last URL whose 23 was counted
		inSpace  bool
		// The characters of the runs of letters and of ideographs,
		// each of which counts alike in every unit: added to c once,
		// at the end, rather than unit by unit for every run.
		letters, han int
	)
	ok, nfc = true, true
	if cap(dst) < len(t) {
		dst = make([]byte, 0, len(t)+len(t)/8)
	}
	nextSpecial := sp.next(0)
	textKept := spanExclude[SpanText]&ex == 0 // plain text is counted
	var keyStarts *[t2sEnd / 64]uint64
	if script != nil {
		keyStarts = t2sAnyStart()
	}
	// What the runs count, and which of their characters: the ASCII
	// kinds not left out, and the punctuation if it is not.
	var rc runCounts
	keep := uint8(acText)
	if spanExclude[SpanSpace]&ex == 0 {
		keep |= acSpace
	}
	fp := punctTable()
	fast := &fp.han
	if spanExclude[SpanPunct]&ex == 0 {
		keep |= acPunct
		fast = &fp.punct
	}
	for i := 0; i < len(t); {
		var (
			end int
			// The cluster's info, in a table or in own: clusterInfo has
			// too many fields for the compiler to keep in registers, so
			// a copy of a table's entry for every cluster was a copy
			// through the stack.
			ci  *clusterInfo
			own clusterInfo
		)
		b := t[i]
		switch {
		case b < utf8.RuneSelf && b != '\r' && (i+1 == len(t) || t[i+1] < utf8.RuneSelf || cjkAlone(t, i+1, tbl)):
			// The common case, without a call but where Chinese follows
			// (BTC 池): an ASCII character other than CR is a cluster of
			// its own unless what follows extends it.
			end, ci = i+1, &asciiInfo[b]
			if ok && i < nextSpecial && textKept && asciiClass[b]&acRun != 0 {
				// The ASCII that follows, up to the next tag, URL or
				// mention, is folded and counted as a run (asciiRun).
				dst, i = asciiRun(dst, t, i, nextSpecial, keep, space, &inSpace, &inWord, &rc, tbl)
				continue
			}
			if ci.word == 1 && i < nextSpecial && textKept {
				// Nothing is appended any more (!ok): the letters and
				// digits that follow, up to the next tag, URL or
				// mention, are counted here as a run and as one word,
				// the last one included: it is plain text before the
				// next special.
				end = wordRunEnd(t, end, nextSpecial, tbl)
				letters += end - i
				if !inWord {
					c.Words++
					inWord = true
				}
				i = end
				continue
			}
			if sigilByte[b] && sp.sigil(i, 1) {
				nextSpecial = i
			}
			switch {
			case !ok:
			case b <= ' ':
				dst = appendASCIISpace(dst, b, space, &inSpace)
			case 'A' <= b && b <= 'Z':
				dst = append(dst, b+'a'-'A')
				inSpace = false
			default:
				if sigilByte[b] {
					*sigils = append(*sigils, int32(len(dst)))
				}
				dst = append(dst, b)
				inSpace = false
			}
		case 0xE4 <= b && b <= 0xE9 && (!check || cont2(t, i)) && cjkAlone(t, i+3, tbl):
			// U+4000–U+9FFF (CJK unified ideographs, Extension A, the
			// Yijing hexagrams) not extended by what follows: a cluster
			// of its own, which no fold changes. The unified ideographs,
			// most of a Chinese post, all count alike.
			ci = &cjkInfo
			end = i + 3
			if r := rune(b&0x0F)<<12 | rune(t[i+1]&0x3F)<<6 | rune(t[i+2]&0x3F); r < 0x4E00 {
				own = runeInfo(r, tbl[r])
				ci = &own
			} else if i < nextSpecial && textKept {
				if ok {
					// The ideographs and punctuation that follow, up to
					// the next tag, URL or mention, are folded and
					// counted as a run (cjkRun). The wording is read
					// afterwards, once for the post (foldWords.readAll):
					// a read a run cost a call and a mark each.
					dst, i = cjkRun(dst, t, i, nextSpecial, fast, keyStarts, script, &han, &rc, tbl)
					inSpace = false
				} else {
					// Nothing is appended any more: the ideographs that
					// follow are counted here as a run, each as cjkInfo
					// says. Each but the last is followed by another,
					// which extends nothing: only what follows the last
					// needs a look, and if it extends that one, the last
					// is left to the next cluster. (Without check, t is
					// valid UTF-8 and ideographAt's continuation bytes
					// hold.)
					for end < nextSpecial && ideographAt(t, end) {
						end += 3
					}
					if end > i+3 && !cjkAlone(t, end, tbl) {
						end -= 3
					}
					han += (end - i) / 3
					i = end
				}
				inWord = false
				continue
			}
			if ok {
				if script != nil {
					*script = markHanKeys(*script, keyStarts, t[i:end], len(dst))
				}
				dst = append(dst, t[i:end]...)
				inSpace = false
			}
		case b == 0xEF && i+2 < len(t) && (t[i+1] == 0xBC && t[i+2] >= 0x81 && t[i+2] <= 0xBF || t[i+1] == 0xBD && t[i+2] >= 0x80 && t[i+2] <= 0x9E) && cjkAlone(t, i+3, tbl):
			// U+FF01–U+FF5E, the full-width forms of ASCII (the commas,
			// colons and brackets of a Chinese post) not extended by what
			// follows: a cluster of its own, folded to its ASCII form.
			if r := 0xFF00 | int(t[i+1]&1)<<6 | int(t[i+2]&0x3F); ok && i < nextSpecial && textKept && fast[r>>6]>>(r&0x3F)&1 != 0 {
				dst, end = cjkRun(dst, t, i, nextSpecial, fast, keyStarts, script, &han, &rc, tbl)
				inSpace, inWord = false, false
				i = end
				continue
			}
			r := rune(t[i+1]&0x3F)<<6 | rune(t[i+2]&0x3F) | 0xF000
			end, own = i+3, runeInfo(r, tbl[r])
			ci = &own
			if (r == '＃' || r == '＄' || r == '＠') && sp.sigil(i, 3) {
				nextSpecial = i
			}
			if ok {
				a := byte(r - 0xFEE0)
				if 'A' <= a && a <= 'Z' {
					a += 'a' - 'A'
				}
				if sigilByte[a] {
					*sigils = append(*sigils, int32(len(dst)))
				}
				dst = append(dst, a)
				inSpace = false
			}
		case b == 0xE3 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2]&0xC0 == 0x80 && plainCJKPunct>>(t[i+2]&0x3F)&1 != 0 && cjkAlone(t, i+3, tbl):
			// The CJK punctuation that no fold changes (。、「」《》),
			// not extended by what follows: a cluster of its own,
			// copied as it is (plainCJKPunct says which).
			if ok && i < nextSpecial && textKept && fast[0x3000>>6]>>(t[i+2]&0x3F)&1 != 0 {
				dst, end = cjkRun(dst, t, i, nextSpecial, fast, keyStarts, script, &han, &rc, tbl)
				inSpace, inWord = false, false
				i = end
				continue
			}
			r := 0x3000 | rune(t[i+2]&0x3F)
			end, own = i+3, runeInfo(r, tbl[r])
			ci = &own
			if ok {
				dst = append(dst, t[i:end]...)
				inSpace = false
			}
		default:
			if check && !validAt(t, i) {
				return dst, c, false, false, false
			}
			end, own = nextCluster(t, i, tbl)
			ci = &own
			if check && !quickNFC(t[i:end]) {
				return dst, c, false, false, false
			}
			// A sigil may be anywhere in a cluster (after a Prepend
			// character, or with a keycap's marks).
			for j := i; j < end; j++ {
				if s, n := sigilAt(t, j); s != 0 {
					if sp.sigil(j, n) {
						nextSpecial = min(nextSpecial, j)
					}
					j += n - 1
				}
			}
			from := len(dst)
			for j := i; ok && j < end; {
				dst, j, ok = foldStep(dst, t, j, space, &inSpace)
			}
			// The fast cases append only ASCII and U+4000–U+9FFF;
			// what the others appended is checked here.
			nfc = nfc && ok && quickNFC(bytesString(dst[from:]))
			if ok && script != nil {
				*script = markKeys(*script, dst, from)
			}
			if ok {
				*sigils = appendSigils(*sigils, dst, from)
			}
		}
		kind := ci.kind
		inURL := false
		if i >= nextSpecial {
			sp.urlsTo(i)
			specials := sp.out
			for k < len(specials) && specials[k].End <= i {
				k++
			}
			if k < len(specials) && specials[k].Start <= i {
				kind = specials[k].Kind
				inURL = kind == SpanURL
				nextSpecial = i // still inside: look again at the next cluster
			} else {
				nextSpecial = sp.next(k)
			}
		}
		i = end
		if ex != 0 {
			excluded := spanExclude[kind]&ex != 0
			if !inURL && kind != ci.kind {
				excluded = excluded || spanExclude[ci.kind]&ex != 0
			}
			if excluded {
				if ci.word == 0 {
					inWord = false
				}
				continue
			}
		}
		c.Runes += int(ci.runes)
		c.Graphemes++
		c.Width += int(ci.width)
		c.Han += int(ci.han)
		if ci.half {
			halves++
		} else {
			c.Weibo++
		}
		if inURL {
			if urlShown != k {
				urlShown = k
				c.Twitter += twitterURLWeight
				c.Words++
			}
			inWord = false
			continue
		}
		c.Twitter += int(ci.twitter)
		switch ci.word {
		case 0:
			inWord = false
		case 1:
			if !inWord {
				c.Words++
				inWord = true
			}
		case 2:
			c.Words++
			inWord = false
		}
	}
	rc.add(&c, &halves)
	c.Runes += letters + han
	c.Graphemes += letters + han
	c.Width += letters + 2*han
	c.Twitter += letters + 2*han
	c.Han += han
	c.Words += han
	c.Weibo += han + (halves+letters+1)/2
	return dst, c, ok, nfc, true
}

// walkSpecials finds the specials of t as specialsWith does in the auto
// syntax, given t's URLs, but as a walk over t meets its sigils, so that
// the counting pass needs no pass of its own to find them first: out
// holds the specials of t up to where the walk has been (in order, as
// specialsWith returns them), and sigils every sigil it met (as
// findSigils returns them). Without tags, only the sigils are noted and
// out holds the URLs (all the twitter unit needs).
type walkSpecials struct {
	t      string
	urls   []Span
	u      int // urls[u] is the first URL not yet in out
	pos    int // where specialsWith's cursor stands: the end of the last special in out
	tags   bool
	out    []Span
	sigils []int32
}

// urlsTo puts in out the URLs that start at or before i.
func (sp *walkSpecials) urlsTo(i int) {
	for sp.u < len(sp.urls) && sp.urls[sp.u].Start <= i {
		sp.out = append(sp.out, sp.urls[sp.u])
		sp.pos = sp.urls[sp.u].End
		sp.u++
	}
}

// sigil notes the sigil of n bytes at t[j], the walk having met every
// sigil before it, and reports whether it starts a tag or mention, which
// is then in out.
func (sp *walkSpecials) sigil(j, n int) bool {
	sp.sigils = append(sp.sigils, int32(j))
	if !sp.tags {
		return false
	}
	sp.urlsTo(j)
	if j < sp.pos {
		return false // inside a URL or a special read before
	}
	limit := len(sp.t)
	if sp.u < len(sp.urls) {
		limit = sp.urls[sp.u].Start
	}
	s, ok := SpecialAt(sp.t, j, limit, SyntaxAuto)
	if ok {
		sp.out = append(sp.out, s)
		sp.pos = s.End
	}
	return ok
}

// next returns where the first special from out[k] on starts, as far as
// the walk knows: a tag or mention not met yet starts at a sigil, which
// the walk will meet first.
func (sp *walkSpecials) next(k int) int {
	switch {
	case k < len(sp.out):
		return sp.out[k].Start
	case sp.u < len(sp.urls):
		return sp.urls[sp.u].Start
	}
	return len(sp.t)
}

// sigilByte marks the ASCII sigils.
var sigilByte = [utf8.RuneSelf]bool{'#': true, '$': true, '@': true}

// plainCJKPunct has a bit, by their last six bits, for the characters of
// U+3000–U+303F that the default steps of countFold would take as a
// cluster of one character appended unchanged and nothing else: NFC
// leaves them alone whatever surrounds them, they start no multi-rune
// cluster and extend none, the width, case and space folds leave them as
// they are, no script-fold key starts with them, and they are no sigil.
// The full stop 。 of nearly every Chinese post is one of them; the
// ideographic space, which the width fold turns into a space, is not.
// TestPlainCJKPunct works the bits out from those properties.
const plainCJKPunct uint64 = 0xf8bf03fffffffffe

// appendASCIISpace is foldStep for the ASCII control character or space
// b, without decoding it or looking up its properties: the white space
// of a post (spaces, line breaks) is the most of its ASCII that is not
// letters (TestASCIISpaceStep).
func appendASCIISpace(dst []byte, b byte, space bool, inSpace *bool) []byte {
	if space && foldedSpaceByte[b&0x3F] {
		if !*inSpace {
			dst = append(dst, ' ')
		}
		*inSpace = true
		return dst
	}
	*inSpace = false
	return append(dst, b)
}

// foldedSpaceByte marks the ASCII characters up to the space that the
// space fold turns into a space (tab and space; it drops none of them),
// by their low six bits (TestFoldedSpaceByte). It is a literal so that
// the package's init does not build the property table, which
// isFoldedSpace reads: a command that reads no post never builds it.
var foldedSpaceByte = [64]bool{'\t': true, ' ': true}

// wordRunEnd returns where the run of ASCII letters and digits from t[j]
// ends, before limit, each standing alone as a cluster (what follows the
// last does not extend it).
//
// Each letter or digit of the run but the last is followed by another,
// ASCII, which extends nothing: only what follows the last needs a look,
// and if it extends that one (1️⃣), the last is left out.
func wordRunEnd(t string, j, limit int, tbl *[propTableSize]prop) int {
	from := j
	for j < limit && wordByte[t[j]] {
		j++
	}
	if j > from && !cjkAlone(t, j, tbl) {
		j--
	}
	return j
}

// appendSigils appends to at the offset of every sigil in b from b[from]
// on, as findSigils finds them.
func appendSigils(at []int32, b []byte, from int) []int32 {
	s := bytesString(b)
	for j := from; j < len(s); {
		if c, n := sigilAt(s, j); c != 0 {
			at = append(at, int32(j))
			j += n
			continue
		}
		j++
	}
	return at
}

// wordByte is asciiWording over every byte, so that a run of letters
// and digits takes one look-up a byte.
var wordByte = func() (a [256]bool) {
	copy(a[:], asciiWording[:])
	return a
}()

// cont2 reports whether the two bytes after t[i] are continuation bytes
// (the lead byte t[i] is E4–E9: the three are valid UTF-8).
func cont2(t string, i int) bool {
	return i+2 < len(t) && t[i+1]&0xC0 == 0x80 && t[i+2]&0xC0 == 0x80
}

// validAt reports whether a valid UTF-8 character starts at t[i], so
// that nextCluster may read from there.
func validAt(t string, i int) bool {
	r, n := utf8.DecodeRuneInString(t[i:])
	return r != utf8.RuneError || n > 1
}

// cjkInfo is what a CJK unified ideograph (U+4E00–U+9FFF) standing alone
// counts for: one Han character, two columns, one word, weight 2.
var cjkInfo = clusterInfo{runes: 1, han: 1, width: 2, twitter: 2, word: 2, kind: SpanText}

// unifiedAt reports whether a CJK unified ideograph (U+4E00–U+9FFF)
// starts at t[j]: lead byte E5–E9, or E4 with a second byte from B8.
func unifiedAt(t string, j int) bool {
	if j+2 >= len(t) {
		return false
	}
	b := t[j]
	return 0xE5 <= b && b <= 0xE9 || b == 0xE4 && t[j+1] >= 0xB8
}

// ideographAt reports whether a CJK unified ideograph (U+4E00–U+9FFF)
// starts at t[j] with both its continuation bytes in place (unifiedAt and
// cont2 in one).
func ideographAt(t string, j int) bool {
	if j+2 >= len(t) {
		return false
	}
	b := t[j]
	return (0xE5 <= b && b <= 0xE9 || b == 0xE4 && t[j+1] >= 0xB8) && t[j+1]&0xC0 == 0x80 && t[j+2]&0xC0 == 0x80
}

// cjkAlone reports whether no character that extends a cluster starts at
// t[j]: ASCII, U+4000–U+9FFF, the full-width forms and CJK punctuation
// are known by their first bytes, others are looked up. The first two,
// most of what follows a character in a post, are tested here, where the
// call is inlined.
func cjkAlone(t string, j int, tbl *[propTableSize]prop) bool {
	return j >= len(t) || aloneLead[t[j]] || cjkAloneSlow(t, j, tbl)
}

// aloneLead marks the first bytes of the characters that never extend a
// cluster whatever bytes follow: ASCII and U+4000–U+9FFF.
var aloneLead = func() (a [256]bool) {
	for c := range a {
		a[c] = c < utf8.RuneSelf || 0xE4 <= c && c <= 0xE9
	}
	return a
}()

// cjkAloneSlow is cjkAlone past its first two cases.
func cjkAloneSlow(t string, j int, tbl *[propTableSize]prop) bool {
	switch c := t[j]; {
	case c == 0xEF && j+1 < len(t) && (t[j+1] == 0xBC || t[j+1] == 0xBD):
		return true // U+FF00–U+FF7F: full-width forms, none extends
	case c == 0xE3 && j+2 < len(t) && t[j+1] == 0x80 && (t[j+2] < 0xAA || t[j+2] > 0xAF):
		return true // U+3000–U+303F but the tone marks U+302A–U+302F
	}
	r, _ := decode(t, j)
	return propOf(tbl, r)&pExt == 0
}
