//go:build !race

package store

// raceEnabled: the race detector is on; slow tests do less.
const raceEnabled = false
