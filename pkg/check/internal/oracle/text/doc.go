// Package text is the oracle for the engine's per-post text work (see
// package oracle/check): straightforward versions of what text.Scanner
// replaced, frozen and never built into promo.
//
// It implements on its own the folds (each fold over the whole text,
// repeated until settled; the script fold through gocc's dictionaries and
// their PrefixMatch), the tag readings (a sigil looked for at every byte),
// the counting pass (cluster by cluster), tag matching and phrase finding
// (one strings.Index per phrase). It imports from the engine's package
// only what the scanner did not replace: grapheme clusters and what each
// counts for, URL and tag recognition at a given sigil, white space,
// normalization, the option types and near misses.
package text
