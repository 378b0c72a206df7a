package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail"
	"github.com/copytrail/copytrail/assets"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
	"github.com/copytrail/copytrail/provenance/ingest"
)

// Version is shown in the About box and repeated in reports; it is read
// from FyneApp.toml.
var Version = copytrail.Version()

var (
	scOpen = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	scSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	scFind = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	scQuit = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
)

// mainMenu builds File, Edit, View and Help.
func (u *UI) mainMenu() *fyne.MainMenu {
	recent := fyne.NewMenuItem("Recent workspaces", nil)
	for _, p := range u.recent() {
		p := p
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(p, func() { u.OpenWorkspace(p) }))
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		it.Shortcut = sc
		return it
	}
	quit := item("Quit", scQuit, u.onClose)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("Open workspace…", scOpen, u.openDialog),
		item("Save", scSave, u.Save),
		fyne.NewMenuItem("Save as…", u.SaveAs),
		recent,
		fyne.NewMenuItem("Open the demo corpus", func() { u.LoadDemo(assets.Demo()) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Add files…", u.addFilesDialog),
		fyne.NewMenuItem("Add folder…", u.addFolderDialog),
		fyne.NewMenuItem("Paste text…", u.pasteDialog),
		fyne.NewMenuItem("Add URL…", u.urlDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Export…", u.exportDialog),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu("Edit",
		item("Find in library", scFind, u.findInLibrary),
		fyne.NewMenuItem("Show or hide the library", func() { u.ShowLibrary(!u.libraryShown) }),
		fyne.NewMenuItem("Settings", func() { u.ShowScreen(ScreenSettings) }),
	)
	workshop := fyne.NewMenuItem("Workshop mode", u.ToggleWorkshop)
	workshop.Checked = u.workshop.On
	hide := fyne.NewMenuItem("Hide outlets and dates", u.ToggleHideMetadata)
	hide.Checked = u.workshop.HideMetadata
	view := fyne.NewMenu("View",
		workshop, hide,
		fyne.NewMenuItem("Reveal outlets and dates", u.Reveal),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Next passage (N)", u.compare.Next),
		fyne.NewMenuItem("Previous passage (P)", u.compare.Previous),
	)
	help := fyne.NewMenu("Help", fyne.NewMenuItem("About Copytrail", u.about))
	return fyne.NewMainMenu(file, edit, view, help)
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

// addShortcuts registers the keyboard shortcuts on the window canvas:
// Ctrl+O/S/F/Q, N/P for passages, arrows in workshop mode, Esc for dialogs.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(scOpen, func(fyne.Shortcut) { u.openDialog() })
	c.AddShortcut(scSave, func(fyne.Shortcut) { u.Save() })
	c.AddShortcut(scFind, func(fyne.Shortcut) { u.findInLibrary() })
	c.AddShortcut(scQuit, func(fyne.Shortcut) { u.onClose() })
	c.SetOnTypedKey(u.TypedKey)
}

// TypedKey handles keys typed while no entry has the focus.
func (u *UI) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyN:
		u.stepPassage(true)
	case fyne.KeyP:
		u.stepPassage(false)
	case fyne.KeyRight, fyne.KeyDown:
		if u.workshop.On || u.currentScreen() == ScreenCompare {
			u.stepPassage(true)
		}
	case fyne.KeyLeft, fyne.KeyUp:
		if u.workshop.On || u.currentScreen() == ScreenCompare {
			u.stepPassage(false)
		}
	case fyne.KeyEscape:
		u.closeDialogs()
	}
}

// stepPassage moves to the next or previous passage in the comparison.
func (u *UI) stepPassage(next bool) {
	if u.compare.cmp == nil {
		return
	}
	u.ShowScreen(ScreenCompare)
	if next {
		u.compare.Next()
	} else {
		u.compare.Previous()
	}
	u.recordView()
}

// findInLibrary closes any open menu (a sort list left open) and puts the
// cursor in the library's find box (Ctrl+F).
func (u *UI) findInLibrary() {
	u.closePopups()
	u.ShowLibrary(true)
	u.library.FocusFind()
}

// closePopups removes open pop-ups (menus, a Select's list).
func (u *UI) closePopups() {
	for _, o := range u.win.Canvas().Overlays().List() {
		if _, ok := o.(*widget.PopUp); ok {
			u.win.Canvas().Overlays().Remove(o)
		}
		if m, ok := o.(*widget.PopUpMenu); ok {
			m.Hide()
		}
	}
}

// closeDialogs hides the dialogs this window opened (Esc).
func (u *UI) closeDialogs() {
	for _, d := range u.dialogs {
		d.Hide()
	}
	u.dialogs = nil
	u.closePopups()
}

// ToggleWorkshop switches projector mode: larger type, high contrast.
func (u *UI) ToggleWorkshop() {
	u.workshop.On = !u.workshop.On
	if u.workshop.On {
		u.app.Settings().SetTheme(newWorkshopTheme(u.app.Settings().ThemeVariant() == theme.VariantDark))
		u.libraryBefore = u.libraryShown
		u.ShowLibrary(false) // the two texts get the width
		u.compare.SetWorkshop(true)
	} else {
		u.app.Settings().SetTheme(theme.DefaultTheme())
		u.ShowLibrary(u.libraryBefore)
		u.compare.SetWorkshop(false)
	}
	u.afterWorkshopChange()
}

// ToggleHideMetadata hides or shows outlets and dates.
func (u *UI) ToggleHideMetadata() {
	u.workshop.HideMetadata = !u.workshop.HideMetadata
	u.afterWorkshopChange()
}

// Reveal shows the outlets and dates again after a guessing round.
func (u *UI) Reveal() {
	u.workshop.HideMetadata = false
	u.afterWorkshopChange()
}

func (u *UI) afterWorkshopChange() {
	u.win.SetMainMenu(u.mainMenu())
	u.workshopToggle.refresh()
	u.hideToggle.refresh()
	u.refreshAll()
	if a, b := u.compare.Pair(); a != "" {
		cur := u.compare.Current()
		u.compare.Show(a, b)
		u.compare.Focus(cur)
	}
}

// about shows the version and the icon.
func (u *UI) about() {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	text := &widget.Label{Text: fmt.Sprintf("Copytrail %s\n\nFinds the passages news articles share, shows each difference word by word, and traces who copied whom — with the evidence for every claim.\n\n© %d the Copytrail authors", strings.TrimPrefix(copytrail.Current().String(), "copytrail "), time.Now().Year()), Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustom("About Copytrail", "Close", container.NewBorder(nil, nil, icon, nil, text), u.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
	u.showDialog(d)
}

// openDialog asks for a workspace file.
func (u *UI) openDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		if strings.HasSuffix(path, ".copytrail") {
			u.OpenWorkspace(path)
		} else {
			u.AddPaths([]string{path})
		}
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".copytrail"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(u.saveFolder())); err == nil {
		d.SetLocation(l)
	}
	d.Show()
	u.showDialog(d)
}

// addFilesDialog asks for an article file.
func (u *UI) addFilesDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.AddPaths([]string{path})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(ingest.Extensions())) // articles and archives of them
	d.Show()
	u.showDialog(d)
}

// addFolderDialog asks for a folder of articles.
func (u *UI) addFolderDialog() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		u.AddPaths([]string{l.Path()})
	}, u.win)
	d.Show()
	u.showDialog(d)
}

// pasteDialog asks for pasted text and its title, outlet and date.
func (u *UI) pasteDialog() {
	title, outlet, date, body := newNavEntry(), newNavEntry(), newNavEntry(), newNavEntry()
	title.PlaceHolder, outlet.PlaceHolder = "Title", "Outlet (optional)"
	date.PlaceHolder = "Published, e.g. 1 June 2021 (optional)"
	date.Validator = func(s string) error { _, err := dates.Parse(s, u.DateOrder()); return err }
	body.MultiLine, body.Wrapping, body.PlaceHolder = true, fyne.TextWrapWord, "Paste the article text here"
	body.SetMinRowsVisible(10)
	dateItem := &widget.FormItem{Text: "Date", Widget: date, HintText: "as people write it: 1 June 2021, June 1, 2021, 2021-06-01"}
	items := []*widget.FormItem{
		{Text: "Title", Widget: title}, {Text: "Outlet", Widget: outlet},
		dateItem, {Text: "Text", Widget: body},
	}
	d := dialog.NewForm("Paste text", "Add", "Cancel", items, func(ok bool) {
		if !ok || strings.TrimSpace(body.Text) == "" {
			return
		}
		published, err := dates.Parse(date.Text, u.DateOrder())
		if err != nil { // the form refuses it first; never stored as if it were a date
			dialog.ShowError(err, u.win)
			return
		}
		u.AddDocument(u.eng.FromText(body.Text, pastedMeta(title.Text, outlet.Text, published)))
	}, u.win)
	d.Resize(fyne.NewSize(640, 520))
	d.Show()
	u.showDialog(d)
}

// pastedMeta is the metadata the user typed for pasted text.
func pastedMeta(title, outlet, date string) provenance.Metadata {
	f := func(v string) provenance.Field {
		v = strings.TrimSpace(v)
		if v == "" {
			return provenance.Field{}
		}
		return provenance.Field{Value: v, Origin: provenance.OriginUser, Detail: "typed when pasting"}
	}
	return provenance.Metadata{Title: f(title), Outlet: f(outlet), Published: f(date)}
}

// urlDialog asks for a web address to fetch.
func (u *UI) urlDialog() {
	entry := newNavEntry()
	entry.PlaceHolder = "https://…"
	d := dialog.NewForm("Add URL", "Fetch", "Cancel", []*widget.FormItem{{Text: "Address", Widget: entry}}, func(ok bool) {
		if ok && strings.TrimSpace(entry.Text) != "" {
			u.AddURL(strings.TrimSpace(entry.Text))
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 160))
	d.Show()
	u.showDialog(d)
}
