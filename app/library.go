package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// libraryHost is what the library needs from the main window.
type libraryHost interface {
	Navigator
	Documents() []provenance.Document
	RemoveDocuments(ids ...string)
	UpdateMetadata(id string, m provenance.Metadata)
	AddFiles()
	AddFolder()
	PasteText()
	AddURLDialog()
	Window() fyne.Window
	DocNote(id string) string
	// DateOrder is how numeric dates such as 01/06/2021 are read.
	DateOrder() dates.Order
	SetDocNote(id, note string)
}

// Sort orders of the library.
const (
	sortTitle  = "Title"
	sortOutlet = "Outlet"
	sortDate   = "Date"
	sortWords  = "Words"
	sortReuse  = "Reuse"
)

// LibraryView lists every article with its outlet, date, words and reuse
// badge; it sorts, filters, edits metadata and removes articles.
type LibraryView struct {
	host     libraryHost
	rows     []int // indexes into host.Documents(), filtered and sorted
	reuse    map[string]float64
	keys     *libraryKeys // find and sort keys of the library shown
	selected string
	// onOrder, when set, hears that the sort changed (the window records it).
	onOrder func()

	find    *navEntry
	order   *navSelect
	desc    bool           // sort descending (the reverse of each order's natural one)
	dirBtn  *widget.Button // toggles desc
	list    *navList
	count   *widget.Label
	details *metadataEditor
	split   *container.Split // the list above the details
	content fyne.CanvasObject
}

// NewLibraryView builds the library.
func NewLibraryView(host libraryHost) *LibraryView {
	l := &LibraryView{host: host, reuse: map[string]float64{}}
	l.find = newNavEntry()
	l.find.PlaceHolder, l.find.OnChanged = "Find in library (Ctrl+F)", func(string) { l.Refresh() }
	l.order = newNavSelect([]string{sortTitle, sortOutlet, sortDate, sortWords, sortReuse}, func(string) { l.resorted() })
	l.order.Selected = sortReuse
	l.dirBtn = &widget.Button{Icon: theme.MenuDropDownIcon(), Importance: widget.LowImportance, OnTapped: func() { l.SetDescending(!l.desc) }}
	l.list = newNavList(l.length, newLibraryRow, l.updateRow, l.onSelected)
	l.count = &widget.Label{Importance: widget.LowImportance}
	l.details = newMetadataEditor(host)
	l.details.onClose = l.closeDetails
	// The add actions are the main toolbar's; the library keeps what acts
	// on its own rows, so it can be narrow.
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: l.removeSelected}
	heading := &widget.Label{Text: "Library", TextStyle: fyne.TextStyle{Bold: true}}
	top := container.NewVBox(container.NewBorder(nil, nil, heading, remove, l.count), l.find,
		container.NewBorder(nil, nil, nil, l.dirBtn, l.order))
	l.split = container.NewVSplit(l.list, container.NewVScroll(l.details.content))
	l.split.Offset = 1 // the details open when an article is chosen
	l.content = container.NewBorder(top, nil, nil, nil, l.split)
	l.updateDirButton()
	return l
}

// Order is the sort name and whether it runs descending.
func (l *LibraryView) Order() (string, bool) { return l.order.Selected, l.desc }

// SetDescending reverses the sort order (or puts it back).
func (l *LibraryView) SetDescending(desc bool) {
	l.desc = desc
	l.updateDirButton()
	l.resorted()
}

// updateDirButton shows which way the sort runs.
func (l *LibraryView) updateDirButton() {
	natural := map[string]string{sortTitle: "A–Z", sortOutlet: "A–Z", sortDate: "oldest first", sortWords: "longest first", sortReuse: "most reused first"}
	reversed := map[string]string{sortTitle: "Z–A", sortOutlet: "Z–A", sortDate: "newest first", sortWords: "shortest first", sortReuse: "least reused first"}
	l.dirBtn.Icon, l.dirBtn.Text = theme.MenuDropDownIcon(), natural[l.order.Selected]
	if l.desc {
		l.dirBtn.Icon, l.dirBtn.Text = theme.MenuDropUpIcon(), reversed[l.order.Selected]
	}
	l.dirBtn.Refresh()
}

// resorted refreshes after a change of order and shows the new top row.
func (l *LibraryView) resorted() {
	l.updateDirButton()
	l.Refresh()
	l.list.ScrollToTop()
	if l.onOrder != nil {
		l.onOrder()
	}
}

// closeDetails lets go of the chosen article: the list gets the room.
func (l *LibraryView) closeDetails() {
	l.selected = ""
	l.list.UnselectAll()
	l.details.Show(l.host.Result(), nil)
	l.split.SetOffset(1)
}

// openDetails makes room for the chosen article's details, unless the user
// has placed the divider already.
func (l *LibraryView) openDetails() {
	if l.split.Offset > 0.9 {
		l.split.SetOffset(0.45)
	}
}

// CanvasObject returns the library.
func (l *LibraryView) CanvasObject() fyne.CanvasObject { return l.content }

// Selected is the selected document's ID, or "".
func (l *LibraryView) Selected() string { return l.selected }

// Rows returns the IDs of the listed documents in order (for tests).
func (l *LibraryView) Rows() []string {
	docs := l.host.Documents()
	out := make([]string, len(l.rows))
	for i, k := range l.rows {
		out[i] = docs[k].ID
	}
	return out
}

// FocusFind puts the cursor in the find box (Ctrl+F).
func (l *LibraryView) FocusFind() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.find); c != nil {
		c.Focus(l.find)
	}
}

// SetFilter types a query into the find box.
func (l *LibraryView) SetFilter(q string) { l.find.SetText(q) }

// SetOrder sorts by one of the sort names.
func (l *LibraryView) SetOrder(o string) { l.order.SetSelected(o) }

// Refresh rebuilds the rows from the workspace: filtered and sorted on
// keys worked out once per library and analysis (library_scale.go).
func (l *LibraryView) Refresh() {
	docs := l.host.Documents()
	r, hide := l.host.Result(), l.host.Workshop().HideMetadata
	if !l.keys.fits(docs, r, hide) {
		l.reuse = reuseByDoc(r)
		l.keys = buildLibraryKeys(docs, r, l.reuse, hide)
	}
	l.rows = l.keys.filter(l.rows, strings.ToLower(strings.TrimSpace(l.find.Text)))
	l.keys.sort(l.rows, l.order.Selected, l.desc)
	l.count.SetText(thousands(len(l.rows)) + " of " + thousands(len(docs)))
	l.list.Refresh()
	if l.selected != "" && !l.listed(l.selected) { // the filter hid it: its details go too
		l.closeDetails()
		return
	}
	l.details.Show(l.host.Result(), findDoc(docs, l.selected))
}

// listed reports whether the document is among the rows shown.
func (l *LibraryView) listed(id string) bool {
	docs := l.host.Documents()
	for _, k := range l.rows {
		if docs[k].ID == id {
			return true
		}
	}
	return false
}

func findDoc(docs []provenance.Document, id string) *provenance.Document {
	for i := range docs {
		if docs[i].ID == id {
			return &docs[i]
		}
	}
	return nil
}

// Select selects the document with the given ID, if it is listed.
func (l *LibraryView) Select(id string) {
	docs := l.host.Documents()
	for row, k := range l.rows {
		if docs[k].ID == id {
			l.list.Select(row)
			l.list.ScrollTo(row)
			return
		}
	}
}

// Showcase selects the listed article whose details say the most about
// where its metadata came from (an inferred field first, then the most
// different origins; ties in list order), makes room for its details and
// returns its ID, or "" when the library is empty.
func (l *LibraryView) Showcase() string {
	docs := l.host.Documents()
	best, bestScore := -1, -1
	for row, k := range l.rows {
		origins, score := map[string]bool{}, 0
		for _, f := range metaFields(&docs[k].Meta) {
			o := string(f.Origin)
			if !f.Known() {
				o = "unknown"
			}
			origins[o] = true
			if f.Known() && f.Origin == provenance.OriginInferred {
				score = 100
			}
		}
		if score += len(origins); score > bestScore {
			best, bestScore = row, score
		}
	}
	if best < 0 {
		return ""
	}
	l.split.SetOffset(0.42)
	l.list.Select(best)
	l.list.ScrollTo(best)
	return l.selected
}

func (l *LibraryView) length() int { return len(l.rows) }

func (l *LibraryView) onSelected(row widget.ListItemID) {
	docs := l.host.Documents()
	if row < 0 || row >= len(l.rows) {
		return
	}
	d := &docs[l.rows[row]]
	l.selected = d.ID
	l.details.Show(l.host.Result(), d)
	l.openDetails()
}

func (l *LibraryView) removeSelected() {
	d := findDoc(l.host.Documents(), l.selected)
	if d == nil {
		return
	}
	id := d.ID
	dialog.ShowConfirm("Remove article", "Remove “"+d.Label()+"” from the workspace? The file itself is not touched.", func(ok bool) {
		if ok {
			l.selected = ""
			l.list.UnselectAll()
			l.host.RemoveDocuments(id)
		}
	}, l.host.Window())
}

// libraryRow is one article: title, a details line and the reuse badge.
type libraryRow struct {
	widget.BaseWidget
	title, meta, badge *widget.Label
}

func newLibraryRow() fyne.CanvasObject {
	r := &libraryRow{
		title: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		meta:  &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText},
		badge: &widget.Label{Importance: widget.WarningImportance, TextStyle: fyne.TextStyle{Bold: true}},
	}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the labels out.
func (r *libraryRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, r.badge, container.New(tightRows{}, r.title, r.meta)))
}

// tightRows stacks labels with their facing paddings overlapped: a library
// row is two short lines, and more rows show at once.
type tightRows struct{}

// Layout stacks the objects, each overlapping the one above by the inner padding.
func (tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y, overlap := float32(0), theme.InnerPadding()
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - overlap
	}
}

// MinSize is the widest object and the stacked height.
func (tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
		if i > 0 {
			h -= theme.InnerPadding()
		}
	}
	return fyne.NewSize(w, h)
}

func (l *LibraryView) updateRow(row widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*libraryRow)
	d := &l.host.Documents()[l.rows[row]]
	r.title.SetText(d.Label())
	r.meta.SetText(docMeta(d, l.host.Workshop().HideMetadata))
	if v := l.reuse[d.ID]; v >= 0.005 {
		r.badge.SetText(fmt.Sprintf("%.0f%% reused", v*100))
	} else {
		r.badge.SetText("")
	}
}
