//go:build race

package importer

// raceEnabled: the race detector slows every child process several times.
const raceEnabled = true
