package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// press sends a key as the desktop driver does: to the focused widget if
// there is one, else to the window's handler.
func press(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// pressShortcut sends a shortcut as the desktop driver does: a main-menu
// item with that shortcut first, then the focused widget if it takes
// shortcuts, else the window's.
func pressShortcut(w fyne.Window, sc fyne.Shortcut) {
	if m := w.MainMenu(); m != nil {
		for _, menu := range m.Items {
			for _, it := range menu.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
					it.Action()
					return
				}
			}
		}
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	if c, ok := w.Canvas().(fyne.Shortcutable); ok {
		c.TypedShortcut(sc)
	}
}

// clickTarget is one thing the user can click, found on a screen.
type clickTarget struct {
	name  string
	click func()
}

// clickTargets lists every button, check box, menu and list of the window
// as it is now, and the graph, a library row, a matrix cell and a family
// row, each as a tap at its place on the canvas.
func clickTargets(u *UI, screen string) []clickTarget {
	var out []clickTarget
	for _, o := range test.LaidOutObjects(u.win.Canvas().Content()) {
		if !o.Visible() {
			continue
		}
		switch w := o.(type) {
		case *widget.Button:
			if !w.Disabled() {
				out = append(out, clickTarget{fmt.Sprintf("%s button %q", screen, w.Text), func() { test.Tap(w) }})
			}
		case *navCheck:
			out = append(out, clickTarget{screen + " check " + w.Text, func() { test.Tap(w) }})
		case *navSelect:
			out = append(out, clickTarget{screen + " select", func() {
				test.Tap(w) // opens its list; tap an entry
				if top := u.win.Canvas().Overlays().Top(); top != nil {
					for _, m := range test.LaidOutObjects(top) {
						if it, ok := m.(fyne.Tappable); ok && m != top {
							if _, isMenu := m.(*widget.PopUpMenu); !isMenu {
								it.Tapped(&fyne.PointEvent{})
								break
							}
						}
					}
				}
			}})
		case *widget.Hyperlink:
			out = append(out, clickTarget{screen + " link " + w.Text, func() { test.Tap(w) }})
		}
	}
	tapOn := func(name string, o fyne.CanvasObject, dx, dy float32) {
		out = append(out, clickTarget{name, func() {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
			test.TapCanvas(u.win.Canvas(), pos.AddXY(dx, dy))
		}})
	}
	switch screen {
	case ScreenGraph:
		g := u.views[ScreenGraph].(*GraphView)
		l := &g.graph.layout
		if len(l.Edges) > 0 {
			e := l.Edges[0]
			a, b := l.Nodes[e.From], l.Nodes[e.To]
			x, y := (a.X+b.X)/2, (a.Y+b.Y)/2
			tapOn("graph arrow", g.graph, x*g.graph.zoom+g.graph.pan.X, y*g.graph.zoom+g.graph.pan.Y)
		}
		tapOn("graph background", g.graph, 3, 3)
	case ScreenMatrix:
		tapOn("matrix cell", u.views[ScreenMatrix].(*MatrixView).table, matrixRowHeaderWidth+20, 40)
	case ScreenFamilies:
		tapOn("family row", u.views[ScreenFamilies].(*FamiliesView).list, 20, 15)
	}
	tapOn("library row", u.library.list, 20, 15)
	return out
}

// A click on anything leaves N, P, ← →, Ctrl+F, Ctrl+S and Esc working.
func TestKeysWorkAfterEveryClick(t *testing.T) {
	u := demoUI(t)
	u.win.Resize(fyne.NewSize(1400, 900))
	u.saveTo(filepath.Join(t.TempDir(), "keys.copytrail"))
	// the link with the most passages, so N and P have somewhere to go
	best := u.ws.Result.Links[0]
	for _, l := range u.ws.Result.Links {
		if c := newComparison(u.ws.Result, l.Source, l.Target); len(c.Passages) > len(newComparison(u.ws.Result, best.Source, best.Target).Passages) {
			best = l
		}
	}
	c := u.win.Canvas()
	tried := 0
	for _, screen := range []string{ScreenCompare, ScreenGraph, ScreenMatrix, ScreenFamilies, ScreenSettings} {
		reset := func() {
			u.closeDialogs()
			c.Unfocus()
			u.Compare(best.Source, best.Target)
			u.ShowScreen(screen)
		}
		reset()
		for _, target := range clickTargets(u, screen) {
			reset()
			workshop, hide := u.workshop.On, u.workshop.HideMetadata
			asUI(u, func() { target.click() })
			u.bridge.Wait()
			tried++
			// Esc closes what the click opened.
			press(c, fyne.KeyEscape)
			press(c, fyne.KeyEscape)
			for _, o := range c.Overlays().List() {
				if o.Visible() {
					t.Errorf("after %s, Esc left %T open", target.name, o)
				}
			}
			if u.compare.cmp == nil || len(u.compare.cmp.Passages) < 2 {
				u.Compare(best.Source, best.Target) // the click changed the pair (a row, a cell)
			}
			n := len(u.compare.cmp.Passages)
			before := u.compare.Current()
			press(c, fyne.KeyN)
			if got := u.compare.Current(); got != (before+1)%n || u.currentScreen() != ScreenCompare {
				t.Errorf("after %s, N: passage %d → %d on %s", target.name, before, got, u.currentScreen())
			}
			press(c, fyne.KeyP)
			if got := u.compare.Current(); got != before {
				t.Errorf("after %s, P: passage %d, want %d", target.name, got, before)
			}
			press(c, fyne.KeyRight)
			if got := u.compare.Current(); got != (before+1)%n {
				t.Errorf("after %s, →: passage %d, want %d", target.name, got, (before+1)%n)
			}
			press(c, fyne.KeyLeft)
			pressShortcut(u.win, scFind)
			if c.Focused() != u.library.find {
				t.Errorf("after %s, Ctrl+F did not put the cursor in the find box (focused %T)", target.name, c.Focused())
			}
			press(c, fyne.KeyEscape)
			if c.Focused() != nil {
				t.Errorf("after %s, Esc left the find box focused", target.name)
			}
			u.markDirty()
			pressShortcut(u.win, scSave)
			u.saver.Wait()
			if u.dirty {
				t.Errorf("after %s, Ctrl+S did not save", target.name)
			}
			if u.workshop.On != workshop {
				u.ToggleWorkshop()
			}
			if u.workshop.HideMetadata != hide {
				u.ToggleHideMetadata()
			}
		}
	}
	if tried < 30 {
		t.Fatalf("only %d things clicked", tried)
	}
	if _, err := os.Stat(u.path); err != nil {
		t.Fatal(err)
	}
}
