//go:build unix

package app

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system time so far. On a shared
// machine wall time says more about the neighbours than about the app;
// cpu-s/op says what a free machine would take on one core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
