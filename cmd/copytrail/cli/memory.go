package cli

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// gcPercent is the garbage collector's target for the subcommands: the
// heap may grow to 1.5 times what is live rather than twice (Go's default),
// so the engine's peak memory on a large collection stays near what it
// needs, for about a tenth more CPU time.
const gcPercent = 50

// memoryLimit is the soft limit on the heap of a subcommand: past it the
// collector works harder rather than letting garbage pile up (an archive of
// 100,000 articles needs about 3 GB live at its peak). Half the machine's
// memory when that is less.
const memoryLimit = 3584 << 20

// tuneMemory sets the collector's target and soft limit, unless GOGC or
// GOMEMLIMIT in the environment say otherwise.
func tuneMemory() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	limit := int64(memoryLimit)
	if total := totalMemory(); total > 0 && total/2 < limit {
		limit = total / 2
	}
	debug.SetMemoryLimit(limit)
}

// totalMemory is the machine's memory in bytes (Linux), or 0.
func totalMemory() int64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
