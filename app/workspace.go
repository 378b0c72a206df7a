package app

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/store"
)

// Preference keys (Fyne preferences).
const (
	prefRecent = "recentWorkspaces" // newline-separated, newest first
	prefLast   = "lastWorkspace"
	maxRecent  = 8
)

// View keys saved in the workspace so reopening restores what the user was
// looking at.
const (
	viewScreen   = "screen"
	viewCompareA = "compare_a"
	viewCompareB = "compare_b"
	viewPassage  = "passage"
	viewSelected = "selected"
	viewSort     = "library_sort"
	viewSortDesc = "library_sort_desc"
)

// newWorkspace is an empty workspace with the engine's default settings.
func newWorkspace(eng Engine) *store.Workspace {
	ws := &store.Workspace{Decisions: map[store.LinkKey]store.Decision{}, Notes: map[string]string{}, View: map[string]string{}}
	if eng.Preset != nil && len(eng.Presets) > 0 {
		if s, err := eng.Preset(eng.Presets[0]); err == nil {
			ws.Settings = s
		}
	}
	return ws
}

// recordView stores what the user is looking at in the workspace.
func (u *UI) recordView() {
	if u.ws.View == nil {
		u.ws.View = map[string]string{}
	}
	v := u.ws.View
	v[viewScreen] = u.currentScreen()
	a, b := u.compare.Pair()
	v[viewCompareA], v[viewCompareB] = a, b
	v[viewPassage] = strconv.Itoa(u.compare.Current())
	v[viewSelected] = u.library.Selected()
	order, desc := u.library.Order()
	v[viewSort], v[viewSortDesc] = order, strconv.FormatBool(desc)
}

// restoreView brings back the saved view.
func (u *UI) restoreView() {
	v := maps.Clone(u.ws.View) // restoring sorts, and sorting records the view
	if v == nil {
		return
	}
	if o := v[viewSort]; o != "" {
		u.library.SetOrder(o)
		u.library.SetDescending(v[viewSortDesc] == "true")
	}
	if id := v[viewSelected]; id != "" {
		u.library.Select(id)
	}
	if a, b := v[viewCompareA], v[viewCompareB]; a != "" && b != "" {
		u.compare.Show(a, b)
		if i, err := strconv.Atoi(v[viewPassage]); err == nil && i >= 0 {
			u.compare.Focus(i)
		}
	}
	if s := v[viewScreen]; s != "" {
		u.ShowScreen(s)
	}
}

// Save writes the workspace to its file, asking for one the first time.
func (u *UI) Save() {
	if u.path == "" {
		u.SaveAs()
		return
	}
	u.saveTo(u.path)
}

// saveTo writes the workspace to path now, showing any error. It cancels a
// pending autosave and goes through the autosaver's ordered writes, so an
// older autosave still in flight can never land after it.
func (u *UI) saveTo(path string) bool {
	if err := u.saver.SaveNow(path); err != nil {
		dialog.ShowError(fmt.Errorf("saving %s: %w", path, err), u.win)
		return false
	}
	u.saved = fmt.Sprintf("saved to %s at %s", path, time.Now().Format("15:04"))
	u.updateStatus()
	return true
}

// SaveAs asks for a file and saves the workspace there.
func (u *UI) SaveAs() { u.saveAsThen(nil) }

// saveAsThen asks where to save, saves there, and calls after once the
// save succeeded (not when the user cancels or the save fails). The dialog
// takes a full path typed or pasted, or a folder chosen with "Choose
// folder…"; it starts beside the workspace last used and refuses, with the
// reason, a folder that does not exist.
func (u *UI) saveAsThen(after func()) {
	u.saveAsDialog(saveAsText{title: "Save workspace as", intro: "Save the workspace (articles, analysis, verdicts and notes) as:",
		name: u.saveName(), button: "Save"}, after)
}

// saveAsText is what a save-as dialog says.
type saveAsText struct{ title, intro, name, button string }

// saveAsDialog is saveAsThen's dialog, saying text.
func (u *UI) saveAsDialog(text saveAsText, after func()) {
	path := newNavEntry()
	path.SetText(filepath.Join(u.saveFolder(), text.name))
	problem := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	problem.Hide()
	choose := &widget.Button{Text: "Choose folder…", Icon: theme.FolderOpenIcon()}
	content := container.NewVBox(&widget.Label{Text: text.intro, Wrapping: fyne.TextWrapWord},
		container.NewBorder(nil, nil, nil, choose, path), problem)
	var d *dialog.CustomDialog
	save := &widget.Button{Text: text.button, Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance}
	cancel := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon()}
	d = dialog.NewCustomWithoutButtons(text.title, content, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, save})
	cancel.OnTapped = d.Hide
	choose.OnTapped = func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				path.SetText(filepath.Join(l.Path(), filepath.Base(strings.TrimSpace(path.Text))))
			}
		}, u.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(strings.TrimSpace(path.Text)))); err == nil {
			fd.SetLocation(l)
		}
		fd.Show()
	}
	write := func(p string) {
		d.Hide()
		if u.saveTo(p) && after != nil {
			after()
		}
	}
	save.OnTapped = func() {
		p, err := savePath(path.Text)
		if err != nil {
			problem.SetText(err.Error())
			problem.Show()
			return
		}
		if _, err := os.Stat(p); err == nil && p != u.path {
			dialog.ShowConfirm("Replace it?", fmt.Sprintf("%s already exists. Replace it with this workspace?", p), func(ok bool) {
				if ok {
					write(p)
				}
			}, u.win)
			return
		}
		write(p)
	}
	path.OnSubmitted = func(string) { save.OnTapped() }
	d.Resize(fyne.NewSize(640, 200))
	d.Show()
	u.showDialog(d)
}

// savePath checks a path typed in the Save dialog: "~" is the home folder,
// the .copytrail extension is added, and the folder must exist.
func savePath(typed string) (string, error) {
	p := strings.TrimSpace(typed)
	if p == "" {
		return "", errors.New("type where to save it, e.g. " + filepath.Join(homeDir(), "Documents", "workspace"+store.FileExtension))
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		p = filepath.Join(homeDir(), p[1:])
	}
	if !filepath.IsAbs(p) {
		return "", fmt.Errorf("%q is not a full path: it should start with / (or ~), e.g. %s", typed, filepath.Join(homeDir(), p))
	}
	if filepath.Ext(p) != store.FileExtension {
		p += store.FileExtension
	}
	dir := filepath.Dir(p)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return "", fmt.Errorf("the folder %s does not exist: choose another or create it first", dir)
	}
	return filepath.Clean(p), nil
}

// saveFolder is where Save as starts: beside the workspace open or last
// used, else Documents, else the home folder.
func (u *UI) saveFolder() string {
	for _, p := range append([]string{u.path}, u.recent()...) {
		if p != "" && fileExists(filepath.Dir(p)) {
			return filepath.Dir(p)
		}
	}
	if docs := filepath.Join(homeDir(), "Documents"); fileExists(docs) {
		return docs
	}
	return homeDir()
}

// saveName is the file name Save as suggests.
func (u *UI) saveName() string {
	if u.path != "" {
		return filepath.Base(u.path)
	}
	return "workspace" + store.FileExtension
}

func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return string(filepath.Separator)
}

// OpenWorkspace opens a .copytrail file in the background and shows it.
func (u *UI) OpenWorkspace(path string) {
	err := u.bridge.Run("Opening "+baseName(path), func(ctx context.Context, progress ProgressFunc) (func(), error) {
		if apply, err, large := u.openLarge(ctx, path, progress); large {
			return apply, err
		}
		ws, err := store.Open(path)
		if errors.Is(err, store.ErrDamaged) {
			return func() { u.offerRecovery(path, err) }, nil
		}
		if err != nil {
			return nil, err
		}
		return func() { u.setWorkspace(ws, path) }, nil
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// OpenExport opens a JSON Lines export folder (written by `copytrail export`
// or the distributed runner, cmd/copytrail-beam) as a new, unsaved
// workspace: its documents and analysis are shown as they are, not
// analysed again. Saving asks for a workspace file.
func (u *UI) OpenExport(dir string) {
	err := u.bridge.Run("Opening "+baseName(dir), func(ctx context.Context, progress ProgressFunc) (func(), error) {
		r, err := export.ReadJSONL(dir)
		if err != nil {
			return nil, err
		}
		ws := &store.Workspace{Documents: r.Documents, Settings: r.Settings, Result: r}
		return func() {
			u.setWorkspace(ws, "")
			u.dirty = true
			u.updateStatus()
		}, nil
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// offerRecovery asks whether to salvage a damaged workspace. The salvaged
// workspace opens unsaved, so the damaged file is never overwritten.
func (u *UI) offerRecovery(path string, cause error) {
	msg := fmt.Sprintf("%v\n\nRecover what can still be read? The damaged file is left as it is; save the recovered workspace under a new name.", cause)
	d := dialog.NewConfirm("Damaged workspace", msg, func(ok bool) {
		if !ok {
			return
		}
		err := u.bridge.Run("Recovering "+baseName(path), func(ctx context.Context, progress ProgressFunc) (func(), error) {
			ws, report, err := store.Recover(path)
			if err != nil {
				return nil, err
			}
			return func() {
				u.setWorkspace(ws, "")
				u.dirty = true
				u.updateStatus()
				dialog.ShowInformation("Recovered", report.String(), u.win)
			}, nil
		})
		if err != nil {
			dialog.ShowError(err, u.win)
		}
	}, u.win)
	d.Show()
	u.showDialog(d)
}

// setWorkspace replaces the session with ws (read from path, or "" for a
// new one) and restores its view. A workspace whose analysis is missing or
// stale is analysed again.
func (u *UI) setWorkspace(ws *store.Workspace, path string) {
	if ws.Decisions == nil {
		ws.Decisions = map[store.LinkKey]store.Decision{}
	}
	if ws.Notes == nil {
		ws.Notes = map[string]string{}
	}
	if ws.View == nil {
		ws.View = map[string]string{}
	}
	if u.large.lazy == nil || u.large.lazy.Workspace != ws {
		u.dropLazy()
	}
	if ws.Result != nil {
		// a file analysed before the command line carried word counts
		// into the library still shows them
		ws.Result.CarryWords(ws.Documents)
	}
	u.ws, u.path, u.dirty = ws, path, false
	u.large.fileFresh.Store(path != "")
	if path != "" {
		u.addRecent(path)
	}
	u.refreshAll()
	u.restoreView()
	u.applyStart()
	if len(ws.Documents) > 0 && (ws.Result == nil || len(ws.Result.Documents) != len(ws.Documents)) {
		// articles imported since the analysis (an import cut short, say)
		// are added to it, not analysed again from scratch
		u.analyseFrom("Analysing", u.base(), ws.Documents, ws.Settings, nil)
	}
}

// recent lists the recently used workspaces, newest first.
func (u *UI) recent() []string {
	s := u.app.Preferences().String(prefRecent)
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// addRecent puts path first in the recent list.
func (u *UI) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, p := range u.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.app.Preferences().SetString(prefRecent, strings.Join(list, "\n"))
	u.app.Preferences().SetString(prefLast, path)
	u.win.SetMainMenu(u.mainMenu())
}

// onClose saves a workspace that has a file, waits for the writes in
// flight, then quits. If that save fails the window stays open and asks.
// A workspace with unsaved work and no file yet (articles added, decisions
// or notes made since the demo or a command-line load) is never dropped
// silently: the user chooses to save it, discard it, or stay.
func (u *UI) onClose() {
	u.saver.Stop()
	if u.dirty && u.path == "" {
		u.askSaveBeforeClose()
		return
	}
	if u.dirty && u.path != "" {
		if err := u.saver.SaveNow(u.path); err != nil {
			d := dialog.NewConfirm("Close without saving?",
				fmt.Sprintf("Saving %s failed: %v\n\nClose anyway and lose the unsaved changes?", u.path, err),
				func(ok bool) {
					if ok {
						u.win.Close()
					}
				}, u.win)
			d.Show()
			u.showDialog(d)
			return
		}
	}
	u.saver.Wait()
	u.win.Close()
}

// autosaver saves the workspace a few seconds after the last change, off
// the UI goroutine, when the workspace has a file. Every write, automatic
// or asked for, takes a generation number when its snapshot is taken (on
// the UI goroutine) and is written under one mutex; a write older than the
// last one written to the same file is skipped, so a file never goes back
// to an older snapshot.
type autosaver struct {
	u     *UI
	delay time.Duration
	mu    sync.Mutex
	timer *time.Timer
	saves sync.WaitGroup // background writes in flight

	gen     atomic.Uint64 // last generation handed out
	writeMu sync.Mutex    // one write at a time; guards written
	written map[string]uint64
	// store writes a snapshot (store.Save; tests slow it down).
	store func(path string, ws *store.Workspace) error
	// ui serialises a finished write's note to the UI with SaveNow: the
	// desktop driver runs both on its one goroutine, Fyne's test driver
	// runs the note on the writing goroutine.
	ui sync.Mutex
}

func newAutosaver(u *UI) *autosaver {
	return &autosaver{u: u, delay: 3 * time.Second, written: map[string]uint64{}, store: store.Save}
}

// Schedule restarts the countdown.
func (a *autosaver) Schedule() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
	}
	a.timer = time.AfterFunc(a.delay, func() { ShowLater(a.save) })
}

// snapshot runs on the UI goroutine: it records the view and copies the
// workspace with the next generation number, and marks it clean. When the
// file holds the workspace's articles and analysis already and the
// workspace is large (or only partly in memory), the snapshot is the
// user's own tables alone, written into the file in place.
func (a *autosaver) snapshot() snapshot {
	u := a.u
	u.recordView()
	s := snapshot{gen: a.gen.Add(1), from: u.path, change: u.large.fullChange.Load()}
	if u.large.lazy != nil || u.large.fileFresh.Load() && u.isLarge() {
		s.userOnly = true
		s.ws = &store.Workspace{Decisions: maps.Clone(u.ws.Decisions), Notes: maps.Clone(u.ws.Notes), View: maps.Clone(u.ws.View)}
	} else {
		s.ws = u.ws.Clone()
	}
	u.dirty = false
	return s
}

// snapshot is a copy of the workspace to write, taken on the UI goroutine.
type snapshot struct {
	ws  *store.Workspace
	gen uint64
	// userOnly: ws holds only decisions, notes and the view, to write into
	// the file at from (copied first when saving elsewhere).
	userOnly bool
	from     string
	change   uint64 // largeState.fullChange when taken
}

// write saves snap to path unless a newer generation is already there.
// It reports whether it wrote.
func (a *autosaver) write(path string, snap snapshot) (bool, error) {
	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	if snap.gen <= a.written[path] {
		return false, nil
	}
	var err error
	switch {
	case !snap.userOnly:
		err = a.store(path, snap.ws)
	case snap.from != path:
		if err = store.CopyFile(snap.from, path); err == nil {
			err = store.SaveUserTables(path, snap.ws)
		}
	default:
		err = store.SaveUserTables(path, snap.ws)
	}
	if err != nil {
		return false, err
	}
	a.written[path] = snap.gen
	return true, nil
}

// wroteWhole notes, on the UI goroutine, that snap was written whole to
// path: the file holds the workspace's articles and analysis, unless they
// changed since the snapshot.
func (a *autosaver) wroteWhole(path string, snap snapshot) {
	if u := a.u; !snap.userOnly && u.path == path && u.large.fullChange.Load() == snap.change {
		u.large.fileFresh.Store(true)
	}
}

// save runs on the UI goroutine: it snapshots the workspace and writes the
// snapshot in the background.
func (a *autosaver) save() {
	u := a.u
	if u.path == "" || !u.dirty || u.bridge.Busy() {
		return
	}
	path := u.path
	snap := a.snapshot()
	u.updateStatus()
	a.saves.Add(1)
	go func() {
		defer a.saves.Done()
		wrote, err := a.write(path, snap)
		if err != nil {
			ShowLater(func() {
				a.ui.Lock()
				defer a.ui.Unlock()
				if a.gen.Load() == snap.gen { // nothing newer taken since
					u.dirty = true
				}
				u.updateStatus()
				dialog.ShowError(fmt.Errorf("autosave to %s failed: %w", path, err), u.win)
			})
		} else if wrote {
			ShowLater(func() {
				a.ui.Lock()
				defer a.ui.Unlock()
				a.wroteWhole(path, snap)
			})
		}
	}()
}

// SaveNow runs on the UI goroutine: it cancels the pending autosave and
// writes the workspace to path now, after any older write in flight. On
// success path becomes the workspace's file.
func (a *autosaver) SaveNow(path string) error {
	u := a.u
	a.ui.Lock()
	defer a.ui.Unlock()
	a.Stop()
	snap := a.snapshot()
	if _, err := a.write(path, snap); err != nil {
		u.dirty = true
		u.updateStatus()
		return err
	}
	u.path = path
	a.wroteWhole(path, snap)
	u.addRecent(path)
	u.updateStatus()
	return nil
}

// Wait blocks until the background writes started so far have finished.
func (a *autosaver) Wait() { a.saves.Wait() }

// Stop cancels a pending autosave.
func (a *autosaver) Stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
	}
}

// statusLine summarises the workspace for the status bar.
func statusLine(docs int, r *provenance.Result, all, incidental int) string {
	if docs == 0 {
		return "No articles yet: add files, a folder, pasted text or a URL, or drop files on the window."
	}
	count := func(n int, one, many string) string { // 100,000 articles
		if n == 1 {
			return "1 " + one
		}
		return thousands(n) + " " + many
	}
	passages := count(all, "shared passage", "shared passages")
	if incidental > 0 {
		passages += " (" + thousands(incidental) + " incidental)"
	}
	s := fmt.Sprintf("%s · %s · %s", count(docs, "article", "articles"), passages, count(len(r.Links), "link", "links"))
	if n := len(r.Errors); n > 0 {
		s += " · " + count(n, "file", "files") + " could not be read"
	}
	return s + " · preset " + orUnknown(r.Settings.Preset, "balanced")
}

func baseName(p string) string { return filepath.Base(p) }

// askSaveBeforeClose offers Save…, Don't save and Cancel for a workspace
// that has no file yet.
func (u *UI) askSaveBeforeClose() {
	msg := &widget.Label{Text: "This workspace has changes that are not saved in a file yet\n" +
		"(articles, metadata, decisions or notes). Save it before closing?"}
	d := dialog.NewCustomWithoutButtons("Save the workspace?", msg, u.win)
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: "Cancel", OnTapped: d.Hide},
		&widget.Button{Text: "Don't save", Importance: widget.DangerImportance, OnTapped: func() {
			d.Hide()
			u.closeNow()
		}},
		&widget.Button{Text: "Save…", Importance: widget.HighImportance, OnTapped: func() {
			d.Hide()
			u.saveAsThen(u.closeNow)
		}},
	})
	d.Show()
	u.showDialog(d)
	u.closePrompt = d
}

// closeNow waits for the writes in flight and closes the window.
func (u *UI) closeNow() {
	u.saver.Stop()
	u.saver.Wait()
	u.win.Close()
}
