// Command copytrail finds the passages news articles share, shows each
// difference word by word, and traces who copied whom.
//
// With no subcommand it opens the desktop app; `copytrail help` lists the
// command-line subcommands (scan, report, export, gen, …), which never open
// a window nor need a display.
package main

import (
	"os"
	"runtime"

	// localefix first: it mends LANG=C.UTF-8 and the like before Fyne's
	// lang package reads them at init (see its doc for why it runs first).
	_ "github.com/copytrail/copytrail/internal/localefix"

	"github.com/copytrail/copytrail/app"
	"github.com/copytrail/copytrail/cmd/copytrail/cli"
)

func main() {
	if cli.IsSubcommand(os.Args[1:]) {
		// Fyne's driver and its systray lock the main goroutine to the
		// main thread at init, for the window loop; a subcommand opens no
		// window, and with the lock every wait of the main goroutine (a
		// channel send to a worker, a stage's wait for its workers) hands
		// the thread over and wakes it again through the kernel. Each
		// UnlockOSThread undoes one LockOSThread (none left: a no-op).
		for range 8 {
			runtime.UnlockOSThread()
		}
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(app.Run(os.Args[1:]))
}
