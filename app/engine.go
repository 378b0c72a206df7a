package app

import (
	"context"
	"io/fs"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
	"github.com/copytrail/copytrail/provenance/importer"
	"github.com/copytrail/copytrail/provenance/index"
)

// ProgressFunc receives a long stage's advance; it must not block.
type ProgressFunc func(provenance.Progress)

// Engine is the analysis pipeline the bridge drives: the ingest and scan
// packages in the real app. It is a struct of functions so a test can swap
// one stage (for instance a scan that waits, to test Cancel).
type Engine struct {
	// Load reads files and folders.
	Load func(ctx context.Context, paths []string, progress ProgressFunc) ([]provenance.Document, []provenance.Duplicate, []provenance.FileError)
	// LoadFS reads a file system (the embedded demo corpus).
	LoadFS func(ctx context.Context, fsys fs.FS, progress ProgressFunc) ([]provenance.Document, []provenance.Duplicate, []provenance.FileError)
	// FromText makes a document of pasted text.
	FromText func(text string, meta provenance.Metadata) provenance.Document
	// FetchURL downloads and reads one web page.
	FetchURL func(ctx context.Context, url string) (provenance.Document, error)
	// Scan analyses documents: passages, pairs, links, families, mutations.
	Scan func(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress ProgressFunc) (*provenance.Result, error)
	// Update brings the analysis prev, with its n-gram index ix, up to
	// date with docs: articles added since are added one by one and those
	// removed are taken out, without a whole re-scan (scan.Update). With no
	// prev or ix, other settings, or many new articles, it analyses docs
	// whole. It returns the analysis and its index and never changes prev
	// or ix (the screens go on showing them while it runs). nil: the app
	// uses Scan and keeps no index.
	Update func(ctx context.Context, prev *provenance.Result, ix *index.Index, docs []provenance.Document, s provenance.Settings, progress ProgressFunc) (*provenance.Result, *index.Index, error)
	// Preset returns a named preset's settings.
	Preset func(name string) (provenance.Settings, error)
	// Presets lists the preset names, the default first.
	Presets []string
	// Import adds paths to the workspace file at workspace as they are read,
	// committed in batches (importer.Run): an import cut short keeps what it
	// read and resumes when run again. nil: the app reads archives like
	// files (Load).
	Import func(ctx context.Context, workspace string, paths []string, progress ProgressFunc) (importer.Summary, error)
	// SetDateOrder tells later loads how to read numeric dates that could
	// be day or month first (01/06/2021); nil when the engine has no say.
	SetDateOrder func(dates.Order)
}
