// Package text reads posts the way a campaign means them: length in seven
// units, tags in Twitter and Weibo syntax, and the folds that make
// "＃積分狂歡節＃" the same tag as "#积分狂欢节#". It is pure: no I/O, no
// printing, no global state beyond lazily built read-only tables, so it is
// safe for concurrent use (a Measurer is not shared between goroutines).
//
// # Offsets
//
// Every byte offset this package returns (Span, Tag) indexes Normalize(s):
// s with each byte that is not valid UTF-8 replaced by U+FFFD, then in NFC.
// That is s itself whenever s is valid NFC, as nearly all posts are.
//
// # Length
//
// Measure and Measurer.Measure count every unit of SPEC.md in one pass (see
// Measurer.Measure for the definitions). Most grapheme clusters are a
// single rune, which a table lookup on the rune and the next one decides;
// only where a cluster can extend (combining marks, ZWJ sequences, flags,
// Hangul jamo, Prepend) does the pass fall back to UAX #29 segmentation by
// github.com/rivo/uniseg, the one segmenter: the break table is derived
// through its API (internal/gentables), and Columns, which report pads
// tables with, counts by the same clusters. Widths come from go-runewidth's
// per-rune width with a fixed
// condition (ambiguous = 1 column) and never from the locale; an emoji
// sequence is 2 columns. A Measurer allocates nothing once warmed up.
//
// # Tokens and tags
//
// Tokenize splits a post into spans of one kind each (URL, tag, mention,
// white space, punctuation, emoji, text), so that an exclusion leaves out
// each character at most once; URLs are found first, so a '#' inside one is
// not a tag. FindTags reads hashtags as twitter-text does, Weibo/Gate
// topics ("#words with spaces#", closed on the same line) and cashtags.
//
// # Matching
//
// Fold.Apply folds width (NFKC), case, space and script (Traditional to
// Simplified, by OpenCC's t2s dictionaries from github.com/liuzl/gocc,
// generated into t2stables.go by internal/gent2s). A rule's tag is
// compiled once (CompileTag) and a post prepared once (Prepare); a rule
// matches only a whole tag of its own kind with equal folded text.
// TagRule.Closest explains a miss. PhraseSet finds banned words and topic
// keywords, whole but never by \b, so CJK text needs no spaces;
// PhraseIndex finds several groups of them in one automaton pass.
//
// # Judging a post
//
// Scanner does for the checker, in two passes over a post, what Prepare,
// Measure, PhraseIndex.Scan and the similarity signature's wording filter
// do one by one: a pass over the normalized text counts every unit while
// folding it, and a pass over the folded text runs the phrase automaton
// and hands the wording, folded the same whatever the rule's folds, to the
// signer. The package functions stay the reference it is tested against
// (and a frozen straightforward copy, in the checker's oracle).
package text
