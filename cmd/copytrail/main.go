// Command copytrail finds the passages news articles share, shows each
// difference word by word, and traces who copied whom.
//
// With no subcommand it opens the desktop app; `copytrail help` lists the
// command-line subcommands (scan, report, export, gen, …), which never open
// a window nor need a display.
package main

import (
	"os"

	// localefix first: it mends LANG=C.UTF-8 and the like before Fyne's
	// lang package reads them at init (see its doc for why it runs first).
	_ "github.com/copytrail/copytrail/internal/localefix"

	"github.com/copytrail/copytrail/app"
	"github.com/copytrail/copytrail/cmd/copytrail/cli"
)

func main() {
	if cli.IsSubcommand(os.Args[1:]) {
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(app.Run(os.Args[1:]))
}
