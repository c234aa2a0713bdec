// Package input opens every text file promo reads — exports, the rule file,
// the brief, the judges sheet, the announcement, the config file and
// standard input of count — in one way:
//
//   - only regular files are opened: a named pipe, device, socket or folder
//     is refused by its mode before anything is read, and files are opened
//     non-blocking, so a FIFO swapped in after the check cannot make the
//     run wait;
//   - whole-file reads stop at a size limit (DefaultMaxSize unless the
//     caller raises it) with an error naming the file, the limit and the
//     setting that raises it;
//   - the text encoding is decided per file: a byte-order mark first; then
//     valid UTF-8 is UTF-8; otherwise a detector measures which of GBK/
//     GB18030, Big5, UTF-16LE/BE and UTF-8-with-damage reads as the most
//     plausible Chinese text. A forced encoding applies only to files that
//     are neither valid UTF-8 nor marked by a BOM. Info says what was
//     chosen and why, with a warning for the operator when there is
//     something to know.
//
// It imports nothing of promo, so every package can use it.
package input
