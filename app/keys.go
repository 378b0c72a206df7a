package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Keys are the window's, not a focused widget's. Fyne hands a typed key to
// the focused widget only, and a list, a table, a check box or the graph
// takes the focus when clicked; these wrappers keep the keys they use
// (a list's ↑ ↓ and space) and pass every other one on to the window's
// handler (UI.TypedKey), so N, P, ← →, Esc work after any click.

// forwardKey hands ev to the window that shows o.
func forwardKey(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	if d := fyne.CurrentApp().Driver(); d != nil {
		if c := d.CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
	}
}

// navList is a widget.List that passes on the keys it does not use.
type navList struct{ widget.List }

func newNavList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), selected func(widget.ListItemID)) *navList {
	l := &navList{}
	l.Length, l.CreateItem, l.UpdateItem, l.OnSelected = length, create, update, selected
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey keeps ↑ ↓ and space, passes on the rest.
func (l *navList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeySpace:
		l.List.TypedKey(ev)
	default:
		forwardKey(l, ev)
	}
}

// navTable is a widget.Table that passes on the keys it does not use.
type navTable struct{ widget.Table }

// TypedKey keeps the arrows and space, passes on the rest.
func (t *navTable) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeySpace:
		t.Table.TypedKey(ev)
	default:
		forwardKey(t, ev)
	}
}

// navCheck is a widget.Check that passes every key on.
type navCheck struct{ widget.Check }

func newNavCheck(text string, changed func(bool)) *navCheck {
	c := &navCheck{}
	c.Text, c.OnChanged = text, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes the key on (a check box toggles with space, a rune).
func (c *navCheck) TypedKey(ev *fyne.KeyEvent) { forwardKey(c, ev) }

// navEntry is a widget.Entry that lets go of the focus on Esc and passes
// Esc on, so Esc also closes dialogs while the cursor is in a field.
type navEntry struct{ widget.Entry }

func newNavEntry() *navEntry {
	e := &navEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Esc, else types as an Entry does.
func (e *navEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name != fyne.KeyEscape {
		e.Entry.TypedKey(ev)
		return
	}
	if d := fyne.CurrentApp().Driver(); d != nil {
		if c := d.CanvasForObject(e); c != nil {
			c.Unfocus()
		}
	}
	forwardKey(e, ev)
}

// navSelect is a widget.Select that keeps space, ↑ and ↓ (they open its
// list) and passes on the rest (← → would cycle its choice unseen).
type navSelect struct{ widget.Select }

func newNavSelect(options []string, changed func(string)) *navSelect {
	s := &navSelect{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey keeps space, ↑ and ↓, passes on the rest.
func (s *navSelect) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		s.Select.TypedKey(ev)
	default:
		forwardKey(s, ev)
	}
}
