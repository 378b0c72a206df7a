//go:build !race

package lineage_test

// raceEnabled: the race detector is off.
const raceEnabled = false
