// Package testfifo makes named pipes for the tests of hostile inputs, on
// the systems that have them, so that those tests build everywhere and
// skip where there are none.
package testfifo
