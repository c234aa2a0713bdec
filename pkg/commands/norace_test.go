//go:build !race

package commands_test

// raceEnabled is true when the tests run under the race detector. Then the
// scripts and goldens run a plain build of promo (TestMain), and
// TestTablesFitTerminal checks one terminal width; the plain run (a step of
// .ci/run) checks them all.
const raceEnabled = false
