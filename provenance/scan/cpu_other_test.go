//go:build !unix

package scan_test

// cpuSeconds is unavailable here.
func cpuSeconds() float64 { return 0 }
