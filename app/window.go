package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/store"
)

// Screen names, as used by --screen and the saved view.
const (
	ScreenLibrary  = "library"
	ScreenGraph    = "graph"
	ScreenMatrix   = "matrix"
	ScreenCompare  = "compare"
	ScreenFamilies = "families"
	ScreenSettings = "settings"
)

// resultView is a screen that redraws from a Result: the Graph, Matrix and
// Families views.
type resultView interface {
	CanvasObject() fyne.CanvasObject
	Refresh(r *provenance.Result)
}

// UI is the main window: the library on the left, the screens in tabs on
// the right, menus and shortcuts. It implements Navigator for the screens.
type UI struct {
	app    fyne.App
	win    fyne.Window
	eng    Engine
	bridge *Bridge

	ws       *store.Workspace
	path     string // workspace file; "" until saved
	dirty    bool
	workshop WorkshopState
	saver    *autosaver

	library  *LibraryView
	compare  *CompareView
	settings *SettingsView
	views    map[string]resultView
	tabs     *container.AppTabs
	tabItems map[string]*container.TabItem
	status   *widget.Label
	split    *container.Split
	dialogs  []dialogCloser
	// pendingStart is the command line's screen and comparison, shown once
	// the first analysis is in.
	pendingStart *Options
	// closePrompt is the "save before closing?" dialog, when shown.
	closePrompt dialogCloser
	// hidden is the masked analysis of hidden mode, rebuilt when the
	// result changes (see hiddenResult).
	hidden *hiddenView
	// workshopToggle, hideToggle and libraryToggle are the toolbar's mode buttons.
	workshopToggle, hideToggle, libraryToggle *toolbarToggle
	// libraryShown: the library pane is open (collapsed, the screens get
	// the whole width); libraryOffset is where its divider was.
	libraryShown  bool
	libraryOffset float64
	libraryBefore bool              // whether it was open before workshop mode
	saved         string            // "saved to … at 21:04", shown in the status line
	noLibrary     fyne.CanvasObject // stands in for the collapsed library
	large         largeState        // large workspaces: lazy open, saving in place (workspace_lazy.go)
}

// toolbarToggle is a toolbar button for a mode: filled while the mode is
// on, so the toolbar shows what is on.
type toolbarToggle struct {
	text string
	icon fyne.Resource
	on   func() bool
	tap  func()
	btn  *widget.Button
}

// ToolbarObject implements widget.ToolbarItem.
func (t *toolbarToggle) ToolbarObject() fyne.CanvasObject {
	t.btn = &widget.Button{Text: t.text, Icon: t.icon, OnTapped: t.tap}
	t.refresh()
	return t.btn
}

// refresh shows the mode's state.
func (t *toolbarToggle) refresh() {
	if t.btn == nil {
		return
	}
	t.btn.Importance = widget.LowImportance
	if t.on() {
		t.btn.Importance = widget.HighImportance
	}
	t.btn.Refresh()
}

// dialogCloser is a dialog Esc can close.
type dialogCloser interface{ Hide() }

// empty is the result shown before any analysis.
var empty = &provenance.Result{Version: provenance.ContractVersion}

// NewUI builds the main window's content in win with the given engine.
func NewUI(a fyne.App, win fyne.Window, eng Engine) *UI {
	u := &UI{app: a, win: win, eng: eng, bridge: NewBridge(win), ws: newWorkspace(eng)}
	if eng.SetDateOrder != nil {
		eng.SetDateOrder(u.DateOrder())
	}
	u.saver = newAutosaver(u)
	u.library = NewLibraryView(u)
	u.library.onOrder = func() { // kept with the workspace, so reopening sorts the same
		u.recordView()
		if u.path != "" {
			u.markUserDirty()
		}
	}
	u.compare = NewCompareView(u, u)
	u.settings = NewSettingsView(u)
	u.views = makeResultViews(u)
	u.status = &widget.Label{Text: "No articles yet", Truncation: fyne.TextTruncateEllipsis}
	u.tabItems = map[string]*container.TabItem{}
	tab := func(name, title string, icon fyne.Resource, obj fyne.CanvasObject) *container.TabItem {
		// A scroll container keeps a screen whose content wants more room
		// than the window (long labels in large workshop type, a wrapping
		// label laid out at zero width) from growing the window past the
		// screen. The comparison scrolls inside its own panes.
		if name != ScreenCompare {
			obj = container.NewScroll(obj)
		}
		t := container.NewTabItemWithIcon(title, icon, obj)
		u.tabItems[name] = t
		return t
	}
	u.tabs = container.NewAppTabs(
		tab(ScreenGraph, "Graph", theme.GridIcon(), u.views[ScreenGraph].CanvasObject()),
		tab(ScreenMatrix, "Matrix", theme.ViewFullScreenIcon(), u.views[ScreenMatrix].CanvasObject()),
		tab(ScreenCompare, "Compare", theme.ContentCopyIcon(), u.compare.CanvasObject()),
		tab(ScreenFamilies, "Families", theme.ListIcon(), u.views[ScreenFamilies].CanvasObject()),
		tab(ScreenSettings, "Settings", theme.SettingsIcon(), u.settings.CanvasObject()),
	)
	u.tabs.OnSelected = u.onTab
	u.split = container.NewHSplit(u.library.CanvasObject(), u.tabs)
	u.split.Offset = 0.3
	u.libraryShown, u.noLibrary = true, container.NewStack()
	win.SetContent(container.NewBorder(u.toolbar(), u.status, nil, nil, u.split))
	win.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.Dropped(uris) })
	win.SetCloseIntercept(u.onClose)
	return u
}

// toolbar is the row of the most used actions.
func (u *UI) toolbar() fyne.CanvasObject {
	u.libraryToggle = &toolbarToggle{text: "Library", icon: theme.ListIcon(), on: func() bool { return u.libraryShown }, tap: func() { u.ShowLibrary(!u.libraryShown) }}
	u.workshopToggle = &toolbarToggle{text: "Workshop", icon: theme.ComputerIcon(), on: func() bool { return u.workshop.On }, tap: u.ToggleWorkshop}
	u.hideToggle = &toolbarToggle{text: "Hide outlets and dates", icon: theme.VisibilityOffIcon(), on: func() bool { return u.workshop.HideMetadata }, tap: u.ToggleHideMetadata}
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.FolderOpenIcon(), u.openDialog),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), u.Save),
		widget.NewToolbarSeparator(),
		u.libraryToggle,
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.FileIcon(), u.addFilesDialog),
		widget.NewToolbarAction(theme.FolderNewIcon(), u.addFolderDialog),
		widget.NewToolbarAction(theme.ContentPasteIcon(), u.pasteDialog),
		widget.NewToolbarAction(theme.MailAttachmentIcon(), u.urlDialog),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.NavigateBackIcon(), u.compare.Previous),
		widget.NewToolbarAction(theme.NavigateNextIcon(), u.compare.Next),
		widget.NewToolbarSpacer(),
		u.workshopToggle,
		u.hideToggle,
	)
}

// ShowLibrary opens or collapses the library pane; collapsed, the screens
// get the whole width (workshop mode collapses it).
func (u *UI) ShowLibrary(show bool) {
	if show == u.libraryShown {
		return
	}
	u.libraryShown = show
	if show {
		u.split.Leading = u.library.CanvasObject()
		u.split.Refresh()
		u.split.SetOffset(u.libraryOffset)
	} else {
		u.libraryOffset = u.split.Offset
		u.split.Leading = u.noLibrary
		u.split.Refresh()
		u.split.SetOffset(0)
	}
	u.libraryToggle.refresh()
}

// onTab redraws a result view when its tab comes to the front (it may have
// been laid out while hidden) and records the view.
func (u *UI) onTab(*container.TabItem) {
	// What had the keyboard is now hidden (the graph, a list): give the
	// keys back to the window.
	u.win.Canvas().Unfocus()
	if v, ok := u.views[u.currentScreen()]; ok {
		v.Refresh(u.Result())
	}
	u.recordView()
}

// Result is the current analysis as the screens show it; never nil. While
// outlets and dates are hidden it is the masked copy (hiddenView), so no
// screen can show what answers the question.
func (u *UI) Result() *provenance.Result {
	if u.ws.Result == nil {
		return empty
	}
	if h := u.hiddenResult(); h != nil {
		return h.result
	}
	return u.ws.Result
}

// hiddenResult is the masked analysis while outlets and dates are hidden,
// else nil.
func (u *UI) hiddenResult() *hiddenView {
	if !u.workshop.HideMetadata || u.ws.Result == nil {
		return nil
	}
	if u.hidden == nil || u.hidden.source != u.ws.Result {
		u.hidden = newHiddenView(u.ws.Result)
	}
	return u.hidden
}

// Compare opens the comparison of a (left) and b (right); while outlets and
// dates are hidden the sides are put in article-number order, so the left
// side is not always the source.
func (u *UI) Compare(a, b string) {
	a, b = u.hiddenResult().ordered(a, b)
	u.compare.Show(a, b)
	u.ShowScreen(ScreenCompare)
	if len(u.compare.cmp.passagesOrNil()) > 0 {
		u.compare.Focus(0)
	}
	u.recordView()
}

// SelectDocument selects a document in the library.
func (u *UI) SelectDocument(id string) {
	u.library.Select(id)
	u.recordView()
}

// Workshop is the projector-mode state.
func (u *UI) Workshop() WorkshopState {
	ws := u.workshop
	ws.hidden = u.hiddenResult()
	return ws
}

// ShowScreen brings a tab to the front; the library is always visible.
func (u *UI) ShowScreen(name string) {
	if t, ok := u.tabItems[name]; ok {
		u.tabs.Select(t)
	}
}

// currentScreen is the name of the selected tab.
func (u *UI) currentScreen() string {
	for name, t := range u.tabItems {
		if t == u.tabs.Selected() {
			return name
		}
	}
	return ScreenGraph
}

// Decision is the user's verdict and note on a link.
func (u *UI) Decision(source, target string) store.Decision {
	d, _ := u.ws.Decision(source, target)
	return d
}

// SetDecision records the user's verdict and note on a link.
func (u *UI) SetDecision(source, target string, d store.Decision) {
	if u.ws.Decisions == nil {
		u.ws.Decisions = map[store.LinkKey]store.Decision{}
	}
	if _, ok := u.ws.Decisions[store.LinkKey{Source: target, Target: source}]; ok {
		source, target = target, source
	}
	u.ws.Decisions[store.LinkKey{Source: source, Target: target}] = d
	u.markUserDirty()
}

// refreshAll redraws every screen from the workspace.
//
// A large workspace redraws only the screen in front: each other one is
// redrawn when its tab comes to the front (onTab), so opening an archive
// does not wait for the matrix and families of screens not looked at.
func (u *UI) refreshAll() {
	r := u.Result()
	u.library.Refresh()
	front := u.currentScreen()
	for name, v := range u.views {
		if name == front || !u.isLarge() {
			v.Refresh(r)
		}
	}
	u.compare.Refresh(r)
	u.settings.Refresh()
	u.updateStatus()
}

// updateStatus fills the status line and the window title.
func (u *UI) updateStatus() {
	r := u.Result()
	all, incidental := u.passageCounts(r)
	status := statusLine(len(u.ws.Documents), r, all, incidental)
	if u.saved != "" {
		status += " · " + u.saved
	}
	u.status.SetText(status)
	title := "Copytrail"
	if u.path != "" {
		title += " — " + baseName(u.path)
	} else if len(u.ws.Documents) > 0 {
		title += " — unsaved workspace"
	}
	if u.dirty {
		title += " •"
	}
	u.win.SetTitle(title)
}

// markDirty notes an unsaved change and schedules an autosave.
func (u *UI) markDirty() {
	u.large.fileFresh.Store(false)
	u.large.fullChange.Add(1)
	u.dirty = true
	u.updateStatus()
	u.saver.Schedule()
}

// showDialog shows d and remembers it so Esc can close it.
func (u *UI) showDialog(d dialogCloser) {
	u.dialogs = append(u.dialogs, d)
}

// Documents are the articles in the library, masked while outlets and
// dates are hidden.
func (u *UI) Documents() []provenance.Document {
	if h := u.hiddenResult(); h != nil && len(h.result.Documents) == len(u.ws.Documents) {
		return h.result.Documents
	}
	return u.ws.Documents
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// DocNote is the user's note on an article.
func (u *UI) DocNote(id string) string { return u.ws.Notes[id] }

// SetDocNote records the user's note on an article.
func (u *UI) SetDocNote(id, note string) {
	if u.ws.Notes == nil {
		u.ws.Notes = map[string]string{}
	}
	if note == "" {
		delete(u.ws.Notes, id)
	} else {
		u.ws.Notes[id] = note
	}
	u.markUserDirty()
}

// AddFiles asks for files to add.
func (u *UI) AddFiles() { u.addFilesDialog() }

// AddFolder asks for a folder to add.
func (u *UI) AddFolder() { u.addFolderDialog() }

// PasteText asks for pasted text to add.
func (u *UI) PasteText() { u.pasteDialog() }

// AddURLDialog asks for a web address to add.
func (u *UI) AddURLDialog() { u.urlDialog() }

// Settings are the workspace's analysis settings.
func (u *UI) Settings() provenance.Settings { return u.ws.Settings }

// Presets lists the engine's preset names.
func (u *UI) Presets() []string { return u.eng.Presets }

// Preset returns a preset's settings.
func (u *UI) Preset(name string) (provenance.Settings, error) { return u.eng.Preset(name) }
