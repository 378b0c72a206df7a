package app

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/store"
)

// analyse scans docs with settings whole in the background and, when it
// finishes, makes them the workspace's library and result (metadata and
// settings decide link directions, so an edit of them is analysed whole).
// problems (per-file errors, duplicates found on import) are shown
// afterwards.
func (u *UI) analyse(title string, docs []provenance.Document, s provenance.Settings, problems []provenance.FileError) {
	u.analyseFrom(title, analysisBase{lazy: u.large.lazy, whole: true}, docs, s, problems)
}

// analyseFrom is analyse starting from base: articles added or removed
// since base are added or removed one by one.
func (u *UI) analyseFrom(title string, base analysisBase, docs []provenance.Document, s provenance.Settings, problems []provenance.FileError) {
	err := u.bridge.Run(title, func(ctx context.Context, progress ProgressFunc) (func(), error) {
		docs, r, ix, err := u.runAnalysis(ctx, base, docs, s, progress)
		if err != nil {
			return nil, err
		}
		return func() { u.applyResult(docs, s, r, ix, problems) }, nil
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// applyResult installs a finished analysis and its index (nil for none).
func (u *UI) applyResult(docs []provenance.Document, s provenance.Settings, r *provenance.Result, ix *index.Index, problems []provenance.FileError) {
	r.CarryWords(docs)
	u.dropLazy() // the workspace in memory is whole now
	u.ws.Documents, u.ws.Settings, u.ws.Result, u.ws.Index = docs, s, r, ix
	u.markDirty()
	u.refreshAll()
	u.applyStart()
	problems = append(problems, r.Errors...)
	if len(problems) > 0 {
		u.showProblems(problems)
	}
}

// AddPaths imports files and folders into the workspace and re-analyses.
// Documents already in the workspace are not read again.
func (u *UI) AddPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	if u.importArchives(paths) {
		return
	}
	old, base := slices.Clone(u.ws.Documents), u.base()
	s := u.ws.Settings
	err := u.bridge.Run("Adding articles", func(ctx context.Context, progress ProgressFunc) (func(), error) {
		loaded, dups, errs := u.eng.Load(ctx, paths, progress)
		return u.addLoaded(ctx, base, old, loaded, dups, errs, s, progress)
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// importArchives adds paths holding an archive to the workspace file
// through the engine's Import: articles go into the file as they are read,
// never all held in memory, so quitting (or a crash) half way keeps them,
// and adding the same archive again resumes. A workspace without a file
// is saved first, where the user says. It reports whether it took the
// paths.
func (u *UI) importArchives(paths []string) bool {
	if u.eng.Import == nil || !slices.ContainsFunc(paths, ingest.IsArchive) {
		return false
	}
	if u.path == "" {
		u.saveAsDialog(saveAsText{title: "Import into a workspace file",
			intro: "An archive's articles are written into the workspace file as they are read: if Copytrail is closed or stopped " +
				"half way, nothing read is lost, and adding the archive again goes on where it stopped. Save the workspace as:",
			name: archiveWorkspaceName(paths), button: "Save and import"}, func() { u.importInto(paths) })
		return true
	}
	u.importInto(paths)
	return true
}

// archiveWorkspaceName is the workspace file name suggested for importing
// paths: the first archive's name without its extensions.
func archiveWorkspaceName(paths []string) string {
	for _, p := range paths {
		if ingest.IsArchive(p) {
			name := filepath.Base(p)
			if i := strings.IndexByte(name, '.'); i > 0 {
				name = name[:i]
			}
			return name + store.FileExtension
		}
	}
	return "workspace" + store.FileExtension
}

// importInto imports paths into the workspace file (importArchives).
func (u *UI) importInto(paths []string) {
	if u.dirty {
		if err := u.saver.SaveNow(u.path); err != nil { // the file must hold what is on screen first
			dialog.ShowError(err, u.win)
			return
		}
	}
	old, s, file, base := slices.Clone(u.ws.Documents), u.ws.Settings, u.path, u.base()
	err := u.bridge.Run("Importing articles", func(ctx context.Context, progress ProgressFunc) (func(), error) {
		sum, err := u.eng.Import(ctx, file, paths, progress)
		if err != nil {
			return nil, err
		}
		ws, err := store.Open(file)
		if err != nil {
			return nil, err
		}
		n := min(len(old), len(ws.Documents))
		loaded := ws.Documents[n:]
		if base.lazy != nil { // the file read whole is the base: no second read
			old, base = ws.Documents[:n], analysisBase{}
			if indexMatches(ws.Result, ws.Index) {
				base = analysisBase{result: ws.Result, index: ws.Index}
			}
		}
		if docs, _ := mergeDocs(old, loaded); len(docs) > len(old) {
			// The library shows what the file holds, analysed or not, even
			// if the analysis below is cancelled.
			ShowLater(func() { u.ws.Documents = docs; u.refreshAll() })
		}
		return u.addLoaded(ctx, base, old, loaded, sum.Duplicates, sum.Errors, s, progress)
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// addLoaded merges newly read documents into old (skipping ones already
// there) and analyses the whole set, from base. It runs on the bridge's
// goroutine.
func (u *UI) addLoaded(ctx context.Context, base analysisBase, old, loaded []provenance.Document, dups []provenance.Duplicate,
	errs []provenance.FileError, s provenance.Settings, progress ProgressFunc) (func(), error) {
	docs, skipped := mergeDocs(old, loaded)
	for _, d := range dups {
		errs = append(errs, provenance.FileError{Path: d.Doc, Reason: "duplicate of " + d.Original + " (" + d.Reason + "), not added"})
	}
	errs = append(errs, skipped...)
	if len(docs) == len(old) {
		if len(errs) == 0 {
			return nil, errors.New("nothing new to add: every article is already in the workspace")
		}
		return func() { u.showProblems(errs) }, nil
	}
	docs, r, ix, err := u.runAnalysis(ctx, base, docs, s, progress)
	if err != nil {
		return nil, err
	}
	return func() { u.applyResult(docs, s, r, ix, errs) }, nil
}

// mergeDocs appends the loaded documents not already in old (same ID or
// same content) and reports the skipped ones.
func mergeDocs(old, loaded []provenance.Document) ([]provenance.Document, []provenance.FileError) {
	docs := slices.Clone(old)
	ids, hashes := map[string]bool{}, map[string]string{}
	for _, d := range old {
		ids[d.ID] = true
		if d.ContentHash != "" {
			hashes[d.ContentHash] = d.Label()
		}
	}
	var skipped []provenance.FileError
	for _, d := range loaded {
		switch {
		case ids[d.ID]:
			skipped = append(skipped, provenance.FileError{Path: d.Path, Reason: "already in the workspace"})
		case d.ContentHash != "" && hashes[d.ContentHash] != "":
			skipped = append(skipped, provenance.FileError{Path: d.Path, Reason: "same text as “" + hashes[d.ContentHash] + "”, not added"})
		default:
			ids[d.ID] = true
			if d.ContentHash != "" {
				hashes[d.ContentHash] = d.Label()
			}
			docs = append(docs, d)
		}
	}
	return docs, skipped
}

// AddDocument adds one document (pasted text) and re-analyses.
func (u *UI) AddDocument(d provenance.Document) {
	old, s, base := slices.Clone(u.ws.Documents), u.ws.Settings, u.base()
	err := u.bridge.Run("Adding "+d.Label(), func(ctx context.Context, progress ProgressFunc) (func(), error) {
		return u.addLoaded(ctx, base, old, []provenance.Document{d}, nil, nil, s, progress)
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// AddURL downloads a page, adds it and re-analyses.
func (u *UI) AddURL(url string) {
	old, s, base := slices.Clone(u.ws.Documents), u.ws.Settings, u.base()
	err := u.bridge.Run("Fetching "+url, func(ctx context.Context, progress ProgressFunc) (func(), error) {
		d, err := u.eng.FetchURL(ctx, url)
		if err != nil {
			return nil, err
		}
		return u.addLoaded(ctx, base, old, []provenance.Document{d}, nil, nil, s, progress)
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// LoadDemo replaces the workspace with the analysed demo corpus.
func (u *UI) LoadDemo(fsys fs.FS) {
	s := u.ws.Settings
	err := u.bridge.Run("Opening the demo corpus", func(ctx context.Context, progress ProgressFunc) (func(), error) {
		docs, _, errs := u.eng.LoadFS(ctx, fsys, progress)
		docs, r, ix, err := u.runAnalysis(ctx, analysisBase{}, docs, s, progress)
		if err != nil {
			return nil, err
		}
		return func() {
			u.ws = newWorkspace(u.eng)
			u.ws.Settings = s
			u.path = ""
			u.applyResult(docs, s, r, ix, errs)
			u.dirty = false
			u.updateStatus()
		}, nil
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// RemoveDocuments drops documents from the workspace and re-analyses.
func (u *UI) RemoveDocuments(ids ...string) {
	drop := map[string]bool{}
	for _, id := range ids {
		drop[id] = true
	}
	var docs []provenance.Document
	for _, d := range u.ws.Documents {
		if !drop[d.ID] {
			docs = append(docs, d)
		}
	}
	u.analyseFrom("Removing articles", u.base(), docs, u.ws.Settings, nil)
}

// UpdateMetadata replaces a document's metadata (typed by the user) and
// re-analyses. Passages do not depend on metadata, but link directions do.
func (u *UI) UpdateMetadata(id string, m provenance.Metadata) {
	docs := slices.Clone(u.ws.Documents)
	for i := range docs {
		if docs[i].ID == id {
			docs[i].Meta = m
		}
	}
	u.analyseEdited("Updating metadata", id, docs)
}

// Reanalyse runs the analysis again with new settings.
func (u *UI) Reanalyse(s provenance.Settings) {
	u.analyse("Analysing with preset "+s.Preset, u.ws.Documents, s, nil)
}

// Dropped adds files and folders dropped onto the window. It is a plain
// method so tests can call it (the test window ignores drops).
func (u *UI) Dropped(uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() != "file" {
			continue
		}
		p := uri.Path()
		if strings.HasSuffix(p, ".copytrail") && len(uris) == 1 {
			u.OpenWorkspace(p)
			return
		}
		paths = append(paths, p)
	}
	u.AddPaths(paths)
}

// showProblems lists per-file problems in a dialog.
func (u *UI) showProblems(problems []provenance.FileError) {
	list := &widget.List{
		Length:     func() int { return len(problems) },
		CreateItem: func() fyne.CanvasObject { return &widget.Label{Wrapping: fyne.TextWrapWord} },
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(problems[i].Path + ": " + problems[i].Reason)
		},
	}
	d := dialog.NewCustom(plural(len(problems), "file needs", "files need")+" attention", "Close", list, u.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
	u.showDialog(d)
}
