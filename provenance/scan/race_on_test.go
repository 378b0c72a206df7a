//go:build race

package scan_test

// raceEnabled: the race detector is on; the largest collections are left to
// the normal run (the detector makes them ten times slower).
const raceEnabled = true
