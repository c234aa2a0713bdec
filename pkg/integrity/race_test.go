//go:build race

package integrity

// raceEnabled is true when the tests run under the race detector. The race
// run is there to check concurrency; tests whose loops have none judge a
// part of their corpus then, and the plain run (go test ./pkg/integrity,
// a step of .ci/run) judges all of it.
const raceEnabled = true
