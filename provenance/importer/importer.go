// Package importer adds files, folders and archives to a workspace file as
// they are read (ingest.Stream into a store.Importer), so that an import
// of a 100,000-article archive never holds the archive in memory and never
// has to start over: articles are committed in batches, a process killed
// half way loses at most the batch it was writing, and running the same
// import again passes over every article already in the workspace (by
// document ID, before it is even extracted) and goes on from there.
package importer

import (
	"context"
	"errors"
	"os"
	"sync/atomic"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/store"
)

// Options of an import. Zero fields take their defaults.
type Options struct {
	// Ingest bounds the reading (its zero fields take ingest's
	// defaults); its Skip is set by Run.
	Ingest ingest.Options
	// BatchSize and Interval say when a batch is committed: after this
	// many articles (default 500) or this long with articles pending
	// (default 2 s), whichever comes first.
	BatchSize int
	Interval  time.Duration
}

// Hooks hear an import as it goes; any may be nil. They are called from
// the goroutine that called Run, except Progress (from ingest's own).
type Hooks struct {
	// Progress gets ingest's progress: "listing", "reading", "reading
	// archive" (Done and Total in KiB of the archive).
	Progress func(provenance.Progress)
	// Error gets each file or record that could not be read.
	Error func(provenance.FileError)
	// Committed gets the number of articles committed so far, after each
	// batch is on disk.
	Committed func(n int)
}

// Summary says what an import did.
type Summary struct {
	// Added is the number of new articles committed.
	Added int
	// Already is the number of articles passed over because the workspace
	// held them (a resumed import, or the same files imported again).
	Already int
	// Duplicates are articles left out as the same file, or the same text
	// as an article read before or already in the workspace.
	Duplicates []provenance.Duplicate
	// Errors are the files and records that could not be read.
	Errors []provenance.FileError
	// Library is the number of articles in the workspace after the import.
	Library int
	// Interrupted is true when ctx was cancelled: what was read is
	// committed, and running the import again resumes it.
	Interrupted bool
}

// Run imports paths (files, folders, archives, web addresses, as
// ingest.Load reads them) into the workspace file at workspace, creating
// it when missing. Articles are committed as they come; on cancellation
// the articles read so far are committed and Run returns with
// Summary.Interrupted set and a nil error. The error is for the workspace
// itself (it cannot be opened or written); problems with inputs are in
// Summary.Errors.
func Run(ctx context.Context, workspace string, paths []string, opts Options, hooks Hooks) (Summary, error) {
	var sum Summary
	if _, err := os.Stat(workspace); errors.Is(err, os.ErrNotExist) {
		// A new workspace gets the default analysis settings, as the app's.
		settings, err := scan.Preset("balanced")
		if err != nil {
			return sum, err
		}
		if err := store.Save(workspace, &store.Workspace{Settings: settings}); err != nil {
			return sum, err
		}
	}
	im, err := store.NewImporter(workspace)
	if err != nil {
		return sum, err
	}
	if opts.BatchSize > 0 {
		im.BatchSize = opts.BatchSize
	}
	if opts.Interval > 0 {
		im.Interval = opts.Interval
	}
	im.OnCommit = hooks.Committed
	// Skip is asked from ingest's reading goroutine: give it the library
	// as it was when the import began, which nothing changes meanwhile.
	known := im.IDs()
	io := opts.Ingest // zero fields take ingest's defaults
	var skipped atomic.Int64
	already := 0
	io.Skip = func(id string) bool {
		if known[id] {
			skipped.Add(1)
			return true
		}
		return false
	}
	sink := ingest.Sink{
		Document: func(d provenance.Document) error {
			added, dup, err := im.Add(d)
			switch {
			case err != nil:
				return err
			case dup != "":
				sum.Duplicates = append(sum.Duplicates, provenance.Duplicate{Doc: d.ID, Original: dup, Reason: "identical text (already in the workspace)"})
			case added:
				sum.Added++
			default:
				already++
			}
			return nil
		},
		Duplicate: func(d provenance.Duplicate) { sum.Duplicates = append(sum.Duplicates, d) },
		Error: func(e provenance.FileError) {
			sum.Errors = append(sum.Errors, e)
			if hooks.Error != nil {
				hooks.Error(e)
			}
		},
	}
	err = ingest.Stream(ctx, paths, io, hooks.Progress, sink)
	sum.Already = already + int(skipped.Load())
	if errors.Is(err, ctx.Err()) && ctx.Err() != nil {
		sum.Interrupted, err = true, nil
	}
	if cerr := im.Close(); err == nil {
		err = cerr
	}
	sum.Library = im.Len()
	return sum, err
}
