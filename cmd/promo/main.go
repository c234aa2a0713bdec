// Command promo judges social-media campaign entries offline.
package main

import (
	"os"
	"runtime/debug"

	"github.com/promo-cli/promo/pkg/commands"
)

func main() {
	// A run holds a compact record of every entry until it ends, and
	// little else. Go's default lets the heap grow to twice what is live
	// before it collects, which made the peak memory about twice the
	// records; half as much headroom costs a few per cent of CPU. GOGC
	// and GOMEMLIMIT, when set, work as usual.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	os.Exit(commands.Main())
}
