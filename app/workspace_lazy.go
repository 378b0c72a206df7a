package app

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"fyne.io/fyne/v2/dialog"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/store"
)

// largeWorkspace is the number of articles above which a workspace file
// opens lazily (store.OpenLazy: no texts, only the pairs that share
// evidence) and the user's verdicts, notes and view are saved into the
// file in place (store.SaveUserTables) rather than the file rewritten.
// Below it, everything works as it always has: read whole, saved whole.
var largeWorkspace = 2000

// largeState is the window's state for large workspaces.
type largeState struct {
	// lazy is the file the workspace was opened lazily from, while the
	// workspace in memory is the partial one it read (no texts, only the
	// pairs that share evidence, no index); nil otherwise.
	lazy *store.Lazy
	// counts are the whole analysis's passages (all, incidental) while
	// lazy, once counted (counted false until then).
	counts  [2]int
	counted bool
	// stop ends the background checks of the lazy file; checked is closed
	// when they have finished (and shown what they found).
	stop    context.CancelFunc
	checked chan struct{}
	// fileFresh: the workspace file holds exactly the articles, analysis
	// and index in memory; only the user's own tables may differ, so a
	// save writes those in place. fullChange counts the changes to the
	// rest (markDirty), so a whole save knows whether it caught up.
	// Both atomic: the test driver runs a finished write's note
	// (wroteWhole) on the writing goroutine, not the UI's.
	fileFresh  atomic.Bool
	fullChange atomic.Uint64
}

// isLarge reports whether the workspace is saved in place (see largeWorkspace).
func (u *UI) isLarge() bool { return u.large.lazy != nil || len(u.ws.Documents) > largeWorkspace }

// openLarge opens a large workspace file lazily, on the bridge's
// goroutine of an opening job; large is false (and nothing done) for a
// file it leaves to store.Open.
func (u *UI) openLarge(ctx context.Context, path string, progress ProgressFunc) (apply func(), err error, large bool) {
	sum, err := store.Peek(path)
	if err != nil || sum.Documents <= largeWorkspace {
		return nil, nil, false
	}
	progress(provenance.Progress{Stage: fmt.Sprintf("reading the library of %s articles", thousands(sum.Documents))})
	lz, err := store.OpenLazy(path)
	if errors.Is(err, store.ErrDamaged) {
		return func() { u.offerRecovery(path, err) }, nil, true
	}
	if err != nil {
		return nil, err, true
	}
	if ctx.Err() != nil {
		lz.Close()
		return nil, ctx.Err(), true
	}
	return func() { u.setLazyWorkspace(lz) }, nil, true
}

// setLazyWorkspace shows a lazily opened workspace, then counts its
// passages and checks the whole file in the background: damage found
// there offers recovery, as opening a damaged file does.
func (u *UI) setLazyWorkspace(lz *store.Lazy) {
	u.dropLazy()
	u.large.lazy = lz
	ctx, stop := context.WithCancel(context.Background())
	u.large.stop = stop
	u.setWorkspace(lz.Workspace, lz.Path)
	u.large.fileFresh.Store(true)
	done := make(chan struct{})
	u.large.checked = done
	go func() {
		defer close(done)
		all, inc, err := lz.PassageCounts()
		if err == nil {
			ShowLater(func() {
				if u.large.lazy == lz {
					u.large.counts, u.large.counted = [2]int{all, inc}, true
					u.updateStatus()
				}
			})
		}
		if err := lz.Verify(ctx); err != nil && ctx.Err() == nil {
			ShowLater(func() {
				if u.large.lazy == lz && errors.Is(err, store.ErrDamaged) {
					u.offerRecovery(lz.Path, err)
				}
			})
		}
	}()
}

// dropLazy lets go of the lazy file: the workspace in memory is whole again
// (or replaced).
func (u *UI) dropLazy() {
	if u.large.stop != nil {
		u.large.stop()
		u.large.stop = nil
	}
	if u.large.lazy != nil {
		u.large.lazy.Close()
		u.large.lazy = nil
	}
	u.large.counted = false
}

// ensureTexts reads the texts of documents from the lazy file into the
// workspace (library, analysis, and the masked copy of hidden mode) before
// a screen shows them. It does nothing for a workspace read whole.
func (u *UI) ensureTexts(ids ...string) {
	lz := u.large.lazy
	if lz == nil {
		return
	}
	var missing []string
	for _, id := range ids {
		if d := findDoc(u.ws.Documents, id); d != nil && d.Text == "" {
			missing = append(missing, id)
		} else if d == nil && u.ws.Result != nil {
			if d := u.ws.Result.Doc(id); d != nil && d.Text == "" {
				missing = append(missing, id)
			}
		}
	}
	if len(missing) == 0 {
		return
	}
	texts, err := lz.Texts(missing...)
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	fill := func(docs []provenance.Document) {
		for i := range docs {
			if t, ok := texts[docs[i].ID]; ok && docs[i].Text == "" {
				docs[i].Text = t
			}
		}
	}
	fill(u.ws.Documents)
	if u.ws.Result != nil {
		fill(u.ws.Result.Documents)
	}
	if u.hidden != nil && u.hidden.source == u.ws.Result {
		u.hidden.addTexts(texts)
	}
}

// readWhole reads the whole workspace from the lazy file lz, for a job
// that needs every text and the index (an analysis, an export). It runs
// on the bridge's goroutine.
func readWhole(lz *store.Lazy, progress ProgressFunc) (*store.Workspace, error) {
	progress(provenance.Progress{Stage: "reading the whole workspace (texts and index)"})
	return store.Open(lz.Path)
}

// withTexts returns docs with the empty texts filled from full's documents
// of the same ID (the library in memory of a lazily opened workspace has
// none); docs itself is not changed.
func withTexts(docs []provenance.Document, full *store.Workspace) []provenance.Document {
	texts := make(map[string]string, len(full.Documents))
	for _, d := range full.Documents {
		texts[d.ID] = d.Text
	}
	if full.Result != nil {
		for _, d := range full.Result.Documents {
			if _, ok := texts[d.ID]; !ok {
				texts[d.ID] = d.Text
			}
		}
	}
	out := make([]provenance.Document, len(docs))
	for i, d := range docs {
		if d.Text == "" {
			d.Text = texts[d.ID]
		}
		out[i] = d
	}
	return out
}

// passageCounts are the analysis's passages (all, incidental): the whole
// analysis's, also while only part of it is in memory.
func (u *UI) passageCounts(r *provenance.Result) (int, int) {
	if u.large.lazy != nil && u.large.counted {
		return u.large.counts[0], u.large.counts[1]
	}
	return r.PassageCounts()
}

// markUserDirty notes a change to the user's own work only (a verdict, a
// note, the view): a large workspace saves it into its file in place.
func (u *UI) markUserDirty() {
	u.dirty = true
	u.updateStatus()
	u.saver.Schedule()
}
