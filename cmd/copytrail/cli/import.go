package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sync"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/importer"
)

func init() {
	register(&command{
		name:    "import",
		summary: "add files, folders and archives to a workspace, resumably (WORKSPACE PATH...)",
		usage:   "[--batch N] WORKSPACE.copytrail PATH...",
		about: `Adds every article of PATH (files, folders, JSON lines, CSV, TSV, WARC and zip archives,
web addresses) to the library of the workspace file, creating it when missing. Articles
are committed in batches as they are read, so an import of a large archive holds little
in memory, and an import that is interrupted (Ctrl+C, a crash, the machine switched off)
keeps every article committed: run the same command again and it passes over the
articles the workspace already holds and goes on. Articles already in the workspace, or
with the same text as one there, are not added twice. The workspace should not be open
in the app meanwhile. Exit status 1 when some files or records could not be read (they
are named on stderr; the rest is imported).`,
		examples: []string{"import out/library.copytrail articles/"},
		files:    true,
		setup:    setupImport,
	})
}

func setupImport(fs *flag.FlagSet) func(e *Env, args []string) int {
	batch := fs.Int("batch", 500, "articles per committed batch")
	return func(e *Env, args []string) int {
		switch {
		case len(args) < 2:
			return e.UsageError(errors.New("give the workspace file and at least one file or folder to import"))
		case *batch < 1:
			return e.UsageError(errors.New("--batch must be at least 1"))
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		ws, paths := args[0], args[1:]
		var mu sync.Mutex
		var last provenance.Progress
		committed := 0
		draw := func() {
			if e.Progress == nil {
				return
			}
			line := fmt.Sprintf("importing: %d articles committed", committed)
			if last.Stage == "reading archive" && last.Total > 0 {
				line += fmt.Sprintf(", %s %d%%", last.Note, 100*last.Done/last.Total)
			} else if last.Total > 0 {
				line += fmt.Sprintf(", %d of %d files read", last.Done, last.Total)
			}
			fmt.Fprintf(e.Progress, "\r%-78.78s", line)
		}
		hooks := importer.Hooks{
			Progress: func(p provenance.Progress) {
				mu.Lock()
				last = p
				draw()
				mu.Unlock()
			},
			Committed: func(n int) {
				mu.Lock()
				committed = n
				draw()
				mu.Unlock()
			},
			Error: func(fe provenance.FileError) {
				mu.Lock()
				if e.Progress != nil {
					fmt.Fprintf(e.Progress, "\r%-78s\r", "")
				}
				e.Errorf("%s", fe.Error())
				mu.Unlock()
			},
		}
		sum, err := importer.Run(ctx, ws, paths, importer.Options{BatchSize: *batch}, hooks)
		mu.Lock()
		if e.Progress != nil {
			fmt.Fprintf(e.Progress, "\r%-78s\r", "")
		}
		mu.Unlock()
		if err != nil {
			return e.Fail(err)
		}
		e.Infof("imported %s into %s (%d already there, %d duplicates); the library holds %d",
			plural(sum.Added, "new article"), ws, sum.Already, len(sum.Duplicates), sum.Library)
		if sum.Interrupted {
			e.Errorf("interrupted: the %d articles imported are saved; run the same command again to go on", sum.Added)
			return ExitFailed
		}
		if len(sum.Errors) > 0 {
			return ExitFailed
		}
		return ExitOK
	}
}
