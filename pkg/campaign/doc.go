// Package campaign runs the whole judging pipeline for one campaign:
// export files are read and checked by a bounded pool of workers, the
// entries are put back in file order (so the result is the same for any
// number of workers), the checks that compare entries with each other run,
// every entry is scored, the author limit is applied, and the valid entries
// are ranked and paid.
//
//	rules → export → text → check → score → reward → report
//
// Only compact records survive the read: an entry keeps its id, author,
// source, reasons and measurements, never its text.
package campaign
