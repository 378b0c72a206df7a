package app

import (
	"context"
	"io/fs"
	"sync/atomic"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
	"github.com/copytrail/copytrail/provenance/importer"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/store"
)

// DefaultEngine is the real pipeline: the ingest and scan packages. Its
// scanner keeps each document's words and shingles between scans, so adding
// one article to an analysed workspace only tokenizes the new one.
func DefaultEngine() Engine {
	var order atomic.Int32 // set on the UI goroutine, read by loads in the background
	opts := func() ingest.Options {
		o := ingest.DefaultOptions()
		o.DateOrder = dates.Order(order.Load())
		return o
	}
	scanner := &scan.Scanner{Cache: scan.NewCache()}
	return Engine{
		Load: func(ctx context.Context, paths []string, progress ProgressFunc) ([]provenance.Document, []provenance.Duplicate, []provenance.FileError) {
			return ingest.Load(ctx, paths, opts(), progress)
		},
		LoadFS: func(ctx context.Context, fsys fs.FS, _ ProgressFunc) ([]provenance.Document, []provenance.Duplicate, []provenance.FileError) {
			return ingest.LoadFS(ctx, fsys, opts())
		},
		FromText: ingest.FromText,
		FetchURL: func(ctx context.Context, url string) (provenance.Document, error) {
			return ingest.FetchURL(ctx, url, opts())
		},
		Import: func(ctx context.Context, ws string, paths []string, progress ProgressFunc) (importer.Summary, error) {
			return importer.Run(ctx, ws, paths, importer.Options{Ingest: opts()}, importer.Hooks{Progress: progress})
		},
		SetDateOrder: func(o dates.Order) { order.Store(int32(o)) },
		Scan: func(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress ProgressFunc) (*provenance.Result, error) {
			return scanner.Run(ctx, docs, s, progress)
		},
		Update: func(ctx context.Context, prev *provenance.Result, ix *index.Index, docs []provenance.Document, s provenance.Settings, progress ProgressFunc) (*provenance.Result, *index.Index, error) {
			if prev != nil && ix != nil {
				// scan.Update changes its analysis in place: work on a copy,
				// so the screens and a Cancel keep the one shown.
				c := (&store.Workspace{Result: prev, Index: ix}).Clone()
				prev, ix = c.Result, c.Index
			}
			return scanner.Update(ctx, prev, ix, docs, s, progress, nil)
		},
		Preset:  scan.Preset,
		Presets: []string{"balanced", "strict", "lenient"},
	}
}
