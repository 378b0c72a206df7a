//go:build !race

package scan_test

// raceEnabled: the race detector is off.
const raceEnabled = false
