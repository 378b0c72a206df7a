//go:build race

package app

// raceEnabled: the race detector is on; the walks over large collections
// are left to the normal run (the detector makes them twenty times slower),
// while the smaller walks still run under it.
const raceEnabled = true
