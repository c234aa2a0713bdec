//go:build race

package text

// raceEnabled is true when the tests run under the race detector. The race
// run is there to check concurrency; tests whose loops have none judge a
// part of their corpus then, and the plain run (go test ./pkg/text,
// a step of .ci/run) judges all of it.
const raceEnabled = true
