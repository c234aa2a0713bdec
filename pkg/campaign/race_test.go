//go:build race

package campaign_test

// raceEnabled is true when the tests run under the race detector. The race
// run is there to check concurrency; a test whose corpus would take it
// minutes judges a part of it then, and the plain run (the promopoison step
// of .ci/run) judges all of it.
const raceEnabled = true
