// Package integrity finds entries that are not original: near-duplicate
// texts, texts pasted from the campaign brief, and screenshots reused
// under another author's name.
//
// # Text
//
// The caller normalizes each text first: script folding (Traditional to
// Simplified) and removal of tags, URLs and mentions, then [Clean] for
// NFKC, case folding and dropping whitespace, punctuation and symbols.
// A cleaned text is cut into shingles of [K] runes: characters rather than
// words, because Chinese has no spaces to split on.
//
// K = 4 comes from measuring the project's sample posts (Chinese,
// English and mixed, all on the campaign's topic; see TestShingleLength):
//
//	          highest Jaccard of two      lowest Jaccard of a post and   brief containment of a post
//	          different posts             its copy, 1 rune in 100 edited  quoting one brief sentence
//	k   zh     en     mix                 zh     en     mix               zh     en     mix
//	2   0.068  0.405  0.151               0.953  0.950  0.964             0.347  0.288  0.383
//	3   0.040  0.118  0.086               0.931  0.940  0.950             0.285  0.164  0.271
//	4   0.035  0.059  0.045               0.908  0.928  0.934             0.260  0.124  0.208
//	5   0.030  0.034  0.029               0.885  0.913  0.917             0.236  0.104  0.178
//	6   0.025  0.025  0.022               0.862  0.897  0.901             0.211  0.091  0.155
//
// Below 4, unrelated English posts share too many shingles (letters
// without spaces repeat); above 4, each edited rune destroys more
// shingles, so a lightly edited copy of a short post drifts toward the
// 0.8 threshold.
//
// Each text is reduced to a MinHash [Signature] of [NumHashes] = 144
// values by one-permutation hashing with optimal densification: one hash
// per shingle picks a bin and competes for its minimum, and empty bins
// borrow from a fixed probe sequence of other bins. The share of equal
// values estimates the Jaccard similarity
// (standard error about 0.033 at 0.8). For search, the signature is cut
// into [Bands] = 18 bands of [Rows] = 8 values, and two texts become
// candidates when one band agrees entirely: probability 1-(1-s^8)^18 at
// similarity s:
//
//	s     0.3     0.5     0.6     0.7     0.8     0.9
//	P     0.0012  0.068   0.263   0.657   0.963   0.99996
//
// Candidates are then confirmed by the estimate over the whole signature,
// so a pair is reported only when that estimate reaches the threshold.
// Exact copies are found by a 64-bit hash of the whole text first, and
// only one of each group of copies goes through banding.
//
// Memory: a signature is 288 bytes (16 bits of each minimum), so
// 1,000,000 texts take about 300 MB in the caller's []TextDoc; [NearRefs] adds about 40 bytes per doc plus its
// result maps. Texts shorter than K runes have no signature and take no
// part.
//
// # Brief
//
// [Brief.Containment] is the share of an entry's distinct shingles that
// occur in the brief. Quoting the tag or one sentence of the brief in a
// post of 100 or more runes stays near 0.2; pasting the brief gives
// about 1.
//
// # Images
//
// [ReadImage] opens a file once: regular files only, the header read and
// the decode refused, before any pixel is allocated, over [MaxPixels], an
// estimated [MaxDecodeBytes], [MaxFileBytes] or [MaxJPEGScans]; then it
// waits for a [Budget] shared by the goroutines decoding at once, decodes
// in full (a truncated or corrupt file is an [ImageError] in the
// decoder's words) and hashes the bytes. A file it does not decode still
// gets the SHA-256 of its bytes, so an exact copy is always found.
//
// A decoded image gets a [Print]: its grey levels at [PrintWidth] pixels
// wide, a viewer's frame removed, rows counted from the bottom, and a
// 64-bit perceptual hash of the bottom of the screen. [Reused] finds
// candidates by the hash through a multi-index (the 64 bits are cut into
// chunks, and two hashes within d bits differ by at most d/chunks bits in
// one chunk, so each lookup probes a few buckets instead of every earlier
// image), then [ComparePrints] decides: the two prints lined up to a
// fraction of a pixel and compared in tiles, the status bar left out.
// Screenshots of one page by two entrants hash a few bits apart; their
// figures make tiles differ. The thresholds are measured on the corpus in
// testdata/screens (see TestScreenCorpus).
package integrity
