package commands

import (
	"runtime"
	"slices"
	"sync"
)

// --workers N bounds the CPUs a whole run uses, not only the files and
// parts read at once: the stages after the read (the near-duplicate
// search, scoring, the report's model and its JSON) split their work by
// GOMAXPROCS, so a run of --workers 1 still used every core. Capping
// GOMAXPROCS for the run bounds them all, and the garbage collector, in
// one place. A --workers above the number of CPUs raises nothing: the
// readers it asks for still share the CPUs there are.
//
// GOMAXPROCS belongs to the process, and tests start several runs in one
// process at once: the runs going on are bounded together by the smallest
// --workers among them, and the value from before the first is put back
// when the last one ends.
var procs struct {
	sync.Mutex
	before int   // GOMAXPROCS before the first bounded run
	bounds []int // the --workers of each bounded run going on
}

// boundProcs caps GOMAXPROCS at n, if n is above 0, until the function it
// returns is called.
func boundProcs(n int) (end func()) {
	if n <= 0 {
		return func() {}
	}
	procs.Lock()
	defer procs.Unlock()
	if len(procs.bounds) == 0 {
		procs.before = runtime.GOMAXPROCS(0)
	}
	procs.bounds = append(procs.bounds, n)
	setProcs()
	var once sync.Once
	return func() {
		once.Do(func() {
			procs.Lock()
			defer procs.Unlock()
			i := slices.Index(procs.bounds, n)
			procs.bounds = slices.Delete(procs.bounds, i, i+1)
			setProcs()
		})
	}
}

// setProcs sets GOMAXPROCS to the smallest bound going on, or back to
// what it was, and leaves it alone when it is already so: setting it
// stops the world, and turns off the runtime's own updates of it.
func setProcs() {
	want := procs.before
	if len(procs.bounds) > 0 {
		want = min(want, slices.Min(procs.bounds))
	}
	if runtime.GOMAXPROCS(0) != want {
		runtime.GOMAXPROCS(want)
	}
}
