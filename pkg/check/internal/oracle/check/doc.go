// Package check is the oracle for the text engine: a frozen copy of the
// per-post checks (tags, length, blocklist, banned words, topics, brief
// containment, text signature) as they were before the engine was rewritten
// to read each post in one pass. It lives here only so that the
// differential tests of package check can compare the engine with it; it is
// never built into promo. Media and window checks are left out: they are
// not part of the text engine. Do not fix bugs here: a difference the
// engine means to make is asserted, by name, in the differential test.
package check
