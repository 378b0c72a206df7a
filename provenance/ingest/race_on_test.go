//go:build race

package ingest

// raceEnabled: the race detector is on; single-goroutine checks over many
// texts are left to the normal run (the detector makes them ten times slower).
const raceEnabled = true
