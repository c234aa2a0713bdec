package text

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// NearMiss is the closest thing to a missed tag that a post holds, for
// `promo explain`.
type NearMiss struct {
	Found  string // the candidate as written
	Line   int    // 1-based line where it starts
	Reason string // why it does not satisfy the rule, e.g. "found without its closing #"
}

// Closest looks in raw, a post that does not satisfy r, for the candidate
// that comes closest and says why it fails. In order: a tag of the rule's
// kind that holds the words and more; the same words in the other syntax;
// the words without a sigil; the words split across lines; a tag that
// differs in a few characters. It is meant for misses only and may be slow.
func (r *TagRule) Closest(raw string) (NearMiss, bool) {
	t := Normalize(raw)
	tags := readBoth(t)
	for _, try := range []func(string, []Tag) (NearMiss, bool){r.extraWords, r.otherKind, r.unsigiled, r.splitLines, r.misspelt} {
		if nm, ok := try(t, tags); ok {
			return nm, true
		}
	}
	return NearMiss{}, false
}

var kindWording = map[TagKind]string{Hashtag: "a #hashtag", Topic: "a #topic#", Cashtag: "a $cashtag"}

// otherKind finds the rule's words written as another kind of tag.
func (r *TagRule) otherKind(t string, tags []Tag) (NearMiss, bool) {
	for _, tg := range tags {
		if tg.Kind != r.kind && foldBody(tagBody(tg.Text, tg.Kind), r.fold) == r.folded {
			return NearMiss{Found: tg.Text, Line: tg.Line, Reason: fmt.Sprintf("written as %s, the rule wants %s", kindWording[tg.Kind], kindWording[r.kind])}, true
		}
	}
	return NearMiss{}, false
}

// unsigiled finds the rule's words on one line with a sigil missing.
func (r *TagRule) unsigiled(t string, _ []Tag) (NearMiss, bool) {
	for n, line := range strings.Split(t, "\n") {
		fm := newFoldMap(line, r.fold)
		for _, at := range fm.find(r.folded) {
			start, end := fm.orig(at), fm.orig(at+len(r.folded))
			open := sigilBefore(line, start)
			closeHash := hashAfter(line, end)
			var reason string
			switch r.kind {
			case Topic:
				switch {
				case open > 0 && closeHash > 0:
					reason = "found with both # signs, but another # on the line pairs with one of them"
				case open > 0:
					reason = "found without its closing #"
				case closeHash > 0:
					reason = "found without its opening #"
				default:
					reason = "found without its # signs"
				}
			case Hashtag:
				reason = "found without its #"
				if open > 0 {
					reason = sigilMissReason(line, start-open, start, end, r.kind)
				}
			case Cashtag:
				reason = "found without its $"
				if open > 0 {
					reason = sigilMissReason(line, start-open, start, end, r.kind)
				}
			}
			if reason == "" {
				continue
			}
			if r.kind != Topic && (glueRune(runeBefore(line, start)) || glueRune(firstRune(line[end:]))) {
				continue // part of a longer word
			}
			if open > 0 {
				start -= open
			}
			if closeHash > 0 {
				end += closeHash
			}
			return NearMiss{Found: line[start:end], Line: n + 1, Reason: reason}, true
		}
	}
	return NearMiss{}, false
}

// splitLines finds the rule's words broken by a line break.
func (r *TagRule) splitLines(t string, _ []Tag) (NearMiss, bool) {
	if !strings.Contains(t, "\n") {
		return NearMiss{}, false
	}
	for _, sep := range []string{" ", ""} {
		fm := newFoldMapJoined(t, r.fold, sep)
		for _, at := range fm.find(r.folded) {
			start, end := fm.orig(at), fm.orig(at+len(r.folded))
			if !strings.Contains(t[start:end], "\n") {
				continue
			}
			start -= sigilBefore(t, start)
			end += hashAfter(t, end)
			first := strings.Count(t[:start], "\n") + 1
			last := first + strings.Count(t[start:end], "\n")
			return NearMiss{Found: t[start:end], Line: first, Reason: fmt.Sprintf("split across lines %d–%d", first, last)}, true
		}
	}
	return NearMiss{}, false
}

// extraWords finds a tag of the rule's kind that holds the rule's words
// and more, and names what is extra: "#第三届积分狂欢节大赛#" for the rule
// "#第三届积分狂欢节#" has 大赛 after them. Words glued to a letter before
// them in a spaced script are not counted ("#BEST" does not hold "#ES").
func (r *TagRule) extraWords(_ string, tags []Tag) (NearMiss, bool) {
	for _, tg := range tags {
		if tg.Kind != r.kind {
			continue
		}
		body := tagBody(tg.Text, tg.Kind)
		fm := newFoldMap(body, r.fold)
		for _, at := range fm.find(r.folded) {
			start, end := fm.orig(at), fm.orig(at+len(r.folded))
			if start == 0 && end == len(body) {
				continue
			}
			if start > 0 && glueRune(runeBefore(body, start)) && glueRune(firstRune(body[start:])) {
				continue
			}
			return NearMiss{Found: tg.Text, Line: tg.Line, Reason: extraReason(body[:start], body[end:])}, true
		}
	}
	return NearMiss{}, false
}

// extraReason says what a tag holds before and after the rule's words.
func extraReason(before, after string) string {
	var parts []string
	if before != "" {
		parts = append(parts, extraWording(before)+" before")
	}
	if after != "" {
		parts = append(parts, extraWording(after)+" after")
	}
	return "has " + strings.Join(parts, " and ") + " the tag's words: a tag matches only whole"
}

// extraWording shows extra words without the spaces around them, or says
// "a space" when that is all they are.
func extraWording(s string) string {
	if w := strings.TrimFunc(s, isSpaceRune); w != "" {
		return w
	}
	return "a space"
}

// misspelt finds the tag of the rule's kind nearest to it in edit
// distance, if it is within a quarter of the rule's length.
func (r *TagRule) misspelt(_ string, tags []Tag) (NearMiss, bool) {
	want := []rune(r.folded)
	best, bestDist := -1, max(1, len(want)/4)+1
	for i, tg := range tags {
		if tg.Kind != r.kind {
			continue
		}
		if d := editDistance([]rune(foldBody(tagBody(tg.Text, tg.Kind), r.fold)), want); d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return NearMiss{}, false
	}
	tg := tags[best]
	got := []rune(foldBody(tagBody(tg.Text, tg.Kind), r.fold))
	reason := fmt.Sprintf("found %s, which differs from the rule in %d characters", tg.Text, bestDist)
	if len(got) == len(want) {
		first, last := -1, -1
		for i := range got {
			if got[i] != want[i] {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		lo, hi := max(0, first-1), min(len(got), last+2)
		// The character number counts the rule as written, sigil first.
		reason = fmt.Sprintf("found %s where the rule says %s (character %d)", string(got[lo:hi]), string(want[lo:hi]), first+2)
	}
	return NearMiss{Found: tg.Text, Line: tg.Line, Reason: reason}, true
}

// sigilMissReason says why the sigil at line[at:] and the rule's words at
// line[start:end] are not read as a hashtag or cashtag, or "" when that
// is left to the later checks.
func sigilMissReason(line string, at, start, end int, kind TagKind) string {
	sigil, n := sigilAt(line, at)
	before := runeBefore(line, at)
	blocked := cashtagBlockedBy(before)
	if kind == Hashtag {
		blocked = hashtagBlockedBy(before)
	}
	switch {
	case blocked:
		return fmt.Sprintf("found, but glued to %q before it: a tag cannot follow a letter, digit, _ or &", string(before))
	case at+n < start:
		return fmt.Sprintf("found with a space after its %c", sigil)
	case kind == Hashtag && strings.HasPrefix(line[end:], "://"):
		return "found, but directly followed by ://, which keeps it from being a hashtag"
	case kind == Hashtag:
		return "found, but what follows it on the line makes it a longer tag"
	}
	return ""
}

func firstRune(s string) rune {
	if s == "" {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// sigilBefore returns the length of the sigil ('#', '＃', '$', '＄') just
// before t[i], spaces between allowed, or 0.
func sigilBefore(t string, i int) int {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:j])
		if r == ' ' || r == 0x3000 || r == '\t' {
			j -= n
			continue
		}
		if r == '#' || r == '＃' || r == '$' || r == '＄' {
			return i - (j - n)
		}
		break
	}
	return 0
}

// hashAfter returns the length up to and including a '#' or '＃' just after
// t[i], spaces between allowed, or 0.
func hashAfter(t string, i int) int {
	for j := i; j < len(t); {
		r, n := utf8.DecodeRuneInString(t[j:])
		if r == ' ' || r == 0x3000 || r == '\t' {
			j += n
			continue
		}
		if r == '#' || r == '＃' {
			return j + n - i
		}
		break
	}
	return 0
}

// foldMap is a text folded one grapheme cluster at a time, with the way
// back from each folded byte to the original. Folding piecewise is close
// to, not the same as, folding the whole (an OpenCC phrase spanning two
// clusters is converted character by character), which is enough to point
// at a near miss.
type foldMap struct {
	folded string
	back   []int // back[k]: original offset of folded byte k; len(folded)+1 entries
}

func newFoldMap(s string, f Fold) foldMap { return newFoldMapJoined(s, f, "\n") }

// newFoldMapJoined folds s, writing each line break as sep.
func newFoldMapJoined(s string, f Fold, sep string) foldMap {
	var b strings.Builder
	var back []int
	tbl := props()
	for i := 0; i < len(s); {
		end, _ := nextCluster(s, i, tbl)
		piece := s[i:end]
		var out string
		switch {
		case piece == "\n" || piece == "\r\n":
			out = sep
		default:
			out = f.Apply(piece)
		}
		if f.Space && out == " " && strings.HasSuffix(b.String(), " ") {
			out = ""
		}
		for range len(out) {
			back = append(back, i)
		}
		b.WriteString(out)
		i = end
	}
	back = append(back, len(s))
	return foldMap{folded: b.String(), back: back}
}

// find returns the folded offsets where sub occurs.
func (fm foldMap) find(sub string) []int {
	var at []int
	for from := 0; from < len(fm.folded); {
		k := strings.Index(fm.folded[from:], sub)
		if k < 0 {
			break
		}
		at = append(at, from+k)
		from += k + 1
	}
	return at
}

// orig maps a folded offset back to the original text: the start of the
// cluster that produced it, or the end of the text.
func (fm foldMap) orig(k int) int {
	if k >= len(fm.back) {
		return fm.back[len(fm.back)-1]
	}
	// A folded offset at the end of a cluster's output maps to the start
	// of the next cluster, which back[k] already is.
	return fm.back[k]
}
