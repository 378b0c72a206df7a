package cli

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target for the subcommands: the
// heap may grow to 1.5 times what is live rather than twice (Go's default),
// so the engine's peak memory on a large collection stays near what it
// needs, for about a tenth more CPU time. GOGC or GOMEMLIMIT in the
// environment leave the runtime's settings alone.
const gcPercent = 50

func tuneMemory() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
