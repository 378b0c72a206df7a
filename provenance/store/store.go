// Package store saves and opens Copytrail workspaces: `.copytrail` files that
// are SQLite databases (written with the pure-Go driver modernc.org/sqlite, so
// no C toolchain is needed). A workspace holds the articles with their
// metadata and where each field came from, the analysis settings and results,
// and the user's own work: decisions on links, notes on articles and links,
// and what the user was looking at.
//
// Saving is atomic: Save writes a complete new database beside the target,
// syncs it, renames it over the target and syncs the folder, so an
// interrupted save leaves the previous file intact. Open checks the file
// before trusting it and names the file and the reason when it cannot read
// it; Recover salvages what a damaged file still holds. Autosaver saves in
// the background, debounced.
//
// Documents, passages, links and the other result lists are real tables, so
// a researcher can query a workspace with the sqlite3 shell; see
// docs/reliability.md for the layout.
package store

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/index"
)

// SchemaVersion is the workspace format this package writes. Files with a
// lower version are migrated when opened; files with a higher one are
// refused (ErrNewerSchema), never silently damaged.
// Version 2 added the documents' role field.
const SchemaVersion = 3

// FileExtension is the usual extension of a workspace file.
const FileExtension = ".copytrail"

// Workspace is everything a user's session holds. The zero value is an empty
// workspace.
type Workspace struct {
	// Documents are the articles in the library, in library order.
	Documents []provenance.Document
	// Settings are the analysis settings the user chose.
	Settings provenance.Settings
	// Result is the last finished analysis, or nil when there is none. Its
	// Documents may differ from the library's (articles added since).
	Result *provenance.Result
	// Decisions are the user's verdicts and notes on links.
	Decisions map[LinkKey]Decision
	// Notes are the user's notes on articles, by document ID.
	Notes map[string]string
	// Index is the n-gram index of Result (scan.RunIndexed), kept so that
	// articles can be added, removed and looked up without a full re-scan;
	// nil when there is none. It is saved in tables of its own.
	Index *index.Index
	// View records what the user was looking at (screen, selected pair,
	// scroll position, ...) so reopening restores it. Keys are the app's.
	View map[string]string
}

// LinkKey names a link by its two documents: Source is where the text came
// from, Target the document that reused it (provenance.Link's direction).
type LinkKey struct {
	Source string
	Target string
}

// KeyOf returns the key of a link.
func KeyOf(l provenance.Link) LinkKey { return LinkKey{Source: l.Source, Target: l.Target} }

// Verdict is the user's judgement of a link.
type Verdict string

// Verdicts. VerdictNone with a note is a note on a link without a verdict.
const (
	VerdictNone      Verdict = ""
	VerdictConfirmed Verdict = "confirmed"
	VerdictDismissed Verdict = "dismissed"
)

// Decision is the user's judgement of one link and a note on it.
type Decision struct {
	Verdict Verdict
	Note    string
	// At is when the decision was last changed. Open returns it in UTC with
	// no monotonic clock reading; the zero time means unknown.
	At time.Time
}

// Decision returns the user's decision on a link, looking it up in either
// direction (an analysis with other settings may turn a link around).
func (w *Workspace) Decision(source, target string) (Decision, bool) {
	if d, ok := w.Decisions[LinkKey{source, target}]; ok {
		return d, true
	}
	d, ok := w.Decisions[LinkKey{target, source}]
	return d, ok
}

// Clone returns a copy of w that shares no slice or map with it (strings are
// immutable and shared). The app can hand a clone to Save or an Autosaver
// while it goes on editing the original.
func (w *Workspace) Clone() *Workspace {
	if w == nil {
		return nil
	}
	c := &Workspace{
		Documents: cloneDocs(w.Documents),
		Settings:  w.Settings,
		Decisions: maps.Clone(w.Decisions),
		Notes:     maps.Clone(w.Notes),
		View:      maps.Clone(w.View),
	}
	if w.Result != nil {
		c.Result = cloneResult(w.Result)
	}
	if w.Index != nil {
		ix := *w.Index
		ix.IDs = slices.Clone(ix.IDs)
		ix.Facts = slices.Clone(ix.Facts)
		ix.Buckets = slices.Clone(ix.Buckets)
		for i, b := range ix.Buckets {
			ix.Buckets[i] = slices.Clone(b)
		}
		c.Index = &ix
	}
	return c
}

func cloneDocs(docs []provenance.Document) []provenance.Document {
	out := slices.Clone(docs)
	for i := range out {
		out[i].Boilerplate = slices.Clone(out[i].Boilerplate)
		out[i].Skip = slices.Clone(out[i].Skip)
	}
	return out
}

func cloneResult(r *provenance.Result) *provenance.Result {
	c := *r
	c.Documents = cloneDocs(r.Documents)
	c.Passages = slices.Clone(r.Passages)
	for i := range c.Passages {
		c.Passages[i].Diff = slices.Clone(c.Passages[i].Diff)
	}
	c.Pairs = slices.Clone(r.Pairs)
	for i := range c.Pairs {
		c.Pairs[i].Passages = slices.Clone(c.Pairs[i].Passages)
	}
	c.Links = slices.Clone(r.Links)
	for i := range c.Links {
		c.Links[i].Reasons = slices.Clone(c.Links[i].Reasons)
		c.Links[i].Passages = slices.Clone(c.Links[i].Passages)
	}
	c.Families = slices.Clone(r.Families)
	for i := range c.Families {
		c.Families[i].Members = slices.Clone(c.Families[i].Members)
		c.Families[i].Edges = slices.Clone(c.Families[i].Edges)
	}
	c.Mutations = slices.Clone(r.Mutations)
	c.OutletEdges = slices.Clone(r.OutletEdges)
	c.Duplicates = slices.Clone(r.Duplicates)
	c.Errors = slices.Clone(r.Errors)
	return &c
}

// Kinds of workspace errors, for errors.Is.
var (
	// ErrNotWorkspace: the file is not a SQLite database, or not one that
	// Copytrail wrote.
	ErrNotWorkspace = errors.New("not a Copytrail workspace")
	// ErrDamaged: the file is a workspace but truncated or corrupted;
	// Recover may salvage part of it.
	ErrDamaged = errors.New("workspace file is damaged")
	// ErrNewerSchema: a newer Copytrail wrote the file.
	ErrNewerSchema = errors.New("workspace written by a newer Copytrail")
)

// Error is a failure to open, save or recover one workspace file. Its message
// names the file and the reason.
type Error struct {
	Path   string
	Op     string // "open", "save" or "recover"
	Kind   error  // ErrNotWorkspace, ErrDamaged, ErrNewerSchema, or nil
	Reason string // in plain words
	Err    error  // the underlying cause, if any
}

func (e *Error) Error() string {
	s := e.Op + " workspace " + e.Path + ": " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the error's Kind.
func (e *Error) Is(target error) bool { return e.Kind != nil && target == e.Kind }

func errorf(op, path string, kind, cause error, format string, args ...any) *Error {
	return &Error{Path: path, Op: op, Kind: kind, Err: cause, Reason: fmt.Sprintf(format, args...)}
}
