//go:build !race

package ingest

// raceEnabled: the race detector is off.
const raceEnabled = false
