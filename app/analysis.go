package app

import (
	"context"
	"reflect"
	"slices"

	"fyne.io/fyne/v2/dialog"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/store"
)

// analysisBase is the analysis an update starts from: the workspace's
// result and its n-gram index, or nothing (a whole scan). For a workspace
// opened lazily, lazy is its file: the job reads the whole workspace from
// it first (every text, the whole analysis and the index).
type analysisBase struct {
	result *provenance.Result
	index  *index.Index
	lazy   *store.Lazy
	// whole: analyse from scratch even when an analysis can be updated
	// (metadata and settings decide link directions).
	whole bool
}

// base is the workspace's analysis to update, taken on the UI goroutine:
// empty when there is no index or it does not belong to the result (a
// workspace saved by an older Copytrail), so the update scans whole.
func (u *UI) base() analysisBase {
	if u.large.lazy != nil {
		return analysisBase{lazy: u.large.lazy}
	}
	if u.ws.Result == nil || !indexMatches(u.ws.Result, u.ws.Index) {
		return analysisBase{}
	}
	return analysisBase{result: u.ws.Result, index: u.ws.Index}
}

// resolve turns a lazy base into the whole one, off the UI goroutine: it
// reads the workspace file whole and fills docs' texts from it (docs
// itself is not changed). Other bases come back as they are.
func resolve(base analysisBase, docs []provenance.Document, progress ProgressFunc) (analysisBase, []provenance.Document, error) {
	if base.lazy == nil {
		return base, docs, nil
	}
	full, err := readWhole(base.lazy, progress)
	if err != nil {
		return base, docs, err
	}
	docs = withTexts(docs, full)
	if base.whole || !indexMatches(full.Result, full.Index) {
		return analysisBase{whole: base.whole}, docs, nil
	}
	return analysisBase{result: full.Result, index: full.Index}, docs, nil
}

// indexMatches reports whether ix indexes exactly r's documents.
func indexMatches(r *provenance.Result, ix *index.Index) bool {
	if r == nil || ix == nil {
		return false
	}
	live := 0
	in := make(map[string]bool, len(r.Documents))
	for _, d := range r.Documents {
		in[d.ID] = true
	}
	for _, id := range ix.IDs {
		if id == "" {
			continue
		}
		if !in[id] {
			return false
		}
		live++
	}
	return live == len(in)
}

// runAnalysis analyses docs with settings s off the UI goroutine: from
// base, adding and removing articles one by one, when the engine can
// (Engine.Update), else whole (Engine.Scan, no index). It returns the
// documents analysed: docs, with their texts when base was lazy.
func (u *UI) runAnalysis(ctx context.Context, base analysisBase, docs []provenance.Document, s provenance.Settings,
	progress ProgressFunc) ([]provenance.Document, *provenance.Result, *index.Index, error) {
	base, docs, err := resolve(base, docs, progress)
	if err != nil {
		return nil, nil, nil, err
	}
	if u.eng.Update != nil {
		if base.whole {
			base = analysisBase{}
		}
		r, ix, err := u.eng.Update(ctx, base.result, base.index, docs, s, progress)
		return docs, r, ix, err
	}
	r, err := u.eng.Scan(ctx, docs, s, progress)
	return docs, r, nil, err
}

// analyseEdited re-analyses after the metadata of article id changed (docs
// holds the new metadata): with an index, the article is taken out and
// added again, so its group's links are decided afresh without a whole
// re-scan; without one, docs are analysed whole.
func (u *UI) analyseEdited(title, id string, docs []provenance.Document) {
	base, s := u.base(), u.ws.Settings
	if u.eng.Update == nil {
		u.analyse(title, docs, s, nil)
		return
	}
	err := u.bridge.Run(title, func(ctx context.Context, progress ProgressFunc) (func(), error) {
		base, docs, err := resolve(base, docs, progress)
		if err != nil {
			return nil, err
		}
		var r *provenance.Result
		var ix *index.Index
		if base.result == nil || !reflect.DeepEqual(base.result.Settings, s) {
			r, ix, err = u.eng.Update(ctx, nil, nil, docs, s, progress)
		} else {
			without := slices.DeleteFunc(slices.Clone(docs), func(d provenance.Document) bool { return d.ID == id })
			r, ix, err = u.eng.Update(ctx, base.result, base.index, without, s, progress)
			if err == nil {
				r, ix, err = u.eng.Update(ctx, r, ix, docs, s, progress)
			}
		}
		if err != nil {
			return nil, err
		}
		return func() { u.applyResult(docs, s, r, ix, nil) }, nil
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}
