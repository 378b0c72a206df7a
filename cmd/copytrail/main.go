// Command copytrail finds the passages news articles share, shows each
// difference word by word, and traces who copied whom.
//
// With no subcommand it opens the desktop app; `copytrail help` lists the
// command-line subcommands (scan, report, export, gen).
package main

import (
	"os"

	"github.com/copytrail/copytrail/app"
	"github.com/copytrail/copytrail/cmd/copytrail/cli"
)

func main() {
	if cli.IsSubcommand(os.Args[1:]) {
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(app.Run(os.Args[1:]))
}
