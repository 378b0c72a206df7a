package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The changes panel's Show buttons end clear of the panel's scroll bar.
func TestShowButtonsAreNotClipped(t *testing.T) {
	u := demoUI(t)
	u.win.Resize(fyne.NewSize(1400, 900))
	for _, l := range u.ws.Result.Links {
		u.Compare(l.Source, l.Target)
		if len(u.compare.cmp.Mutations) > 0 {
			break
		}
	}
	d := fyne.CurrentApp().Driver()
	panel := d.AbsolutePositionForObject(u.compare.side).X + u.compare.side.Size().Width
	n := 0
	for _, o := range test.LaidOutObjects(u.compare.side) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Show" {
			n++
			if right := d.AbsolutePositionForObject(b).X + b.Size().Width; right > panel-theme.ScrollBarSize() {
				t.Errorf("Show button ends at %v, under the scroll bar of a panel ending at %v", right, panel)
			}
		}
	}
	if n == 0 {
		t.Fatal("no Show button in the changes panel")
	}
}

// The toolbar's Workshop and Hide buttons are filled while their mode is on.
func TestToolbarTogglesShowTheyAreOn(t *testing.T) {
	u := demoUI(t)
	for _, tg := range []*toolbarToggle{u.workshopToggle, u.hideToggle, u.libraryToggle} {
		want := widget.LowImportance
		if tg.on() {
			want = widget.HighImportance
		}
		if tg.btn.Importance != want {
			t.Errorf("%s: importance %v at start, want %v", tg.text, tg.btn.Importance, want)
		}
		test.Tap(tg.btn)
		want = widget.LowImportance
		if tg.on() {
			want = widget.HighImportance
		}
		if tg.btn.Importance != want {
			t.Errorf("%s after a tap: importance %v, want %v (on %v)", tg.text, tg.btn.Importance, want, tg.on())
		}
		test.Tap(tg.btn)
	}
}

func TestLibraryEveryday(t *testing.T) {
	u := demoUI(t)
	u.win.Resize(fyne.NewSize(1400, 900))
	l := u.library
	// No article chosen: the list has the height; rows are compact.
	if l.split.Offset < 0.99 {
		t.Errorf("details take %.0f%% with no article chosen", (1-l.split.Offset)*100)
	}
	rowH := float32(0)
	for _, o := range test.LaidOutObjects(l.list) {
		if r, ok := o.(*libraryRow); ok {
			rowH = r.Size().Height
		}
	}
	if shown := l.list.Size().Height / rowH; rowH == 0 || shown < 10 {
		t.Errorf("%.1f rows show at 1400×900 (rows %.0f px high), want ≥ 10", shown, rowH)
	}
	// Choosing one opens its details without dragging; the library stays narrow.
	u.SelectDocument(u.ws.Documents[0].ID)
	if l.split.Offset > 0.6 {
		t.Errorf("details open at offset %v", l.split.Offset)
	}
	if w := l.CanvasObject().MinSize().Width; w > 300 {
		t.Errorf("the library needs %.0f px with an article chosen, want ≤ 300", w)
	}
	// A filter that hides the chosen article closes its details.
	l.SetFilter("no article is called this")
	if l.Selected() != "" || l.details.doc != nil {
		t.Errorf("the details still show %q after the filter hid it", l.Selected())
	}
	l.SetFilter("")
	// Re-sorting shows the top row; the direction toggles.
	l.list.ScrollToBottom()
	l.SetOrder(sortWords)
	if off := l.list.GetScrollOffset(); off != 0 {
		t.Errorf("after re-sorting the list is scrolled to %v, not the top", off)
	}
	down := l.Rows()
	l.SetDescending(true)
	up := l.Rows()
	slices.Reverse(up)
	if !slices.Equal(down, up) || l.dirBtn.Text != "shortest first" {
		t.Errorf("descending words %v is not the ascending order %v reversed (button %q)", l.Rows(), down, l.dirBtn.Text)
	}
	// The sort comes back with the workspace.
	path := filepath.Join(t.TempDir(), "sorted.copytrail")
	u.saveTo(path)
	v := newTestUI(t, DefaultEngine())
	v.OpenWorkspace(path)
	v.bridge.Wait()
	if o, desc := v.library.Order(); o != sortWords || !desc {
		t.Errorf("reopened sorted by %s, descending %v", o, desc)
	}
}

func TestSaveAsTakesATypedPathAndSaysSo(t *testing.T) {
	u := demoUI(t)
	dir := t.TempDir()
	u.SaveAs()
	top := u.win.Canvas().Overlays().Top()
	entry := findEntry(t, top)
	if !strings.HasSuffix(entry.Text, "workspace.copytrail") {
		t.Errorf("the dialog suggests %q", entry.Text)
	}
	// A folder that does not exist is refused with the reason; the dialog stays.
	entry.SetText(filepath.Join(dir, "missing", "case"))
	test.Tap(findButton(t, top, "Save"))
	if u.path != "" || !strings.Contains(labelsText(top), "does not exist") {
		t.Fatalf("a missing folder: path %q, dialog says %q", u.path, labelsText(top))
	}
	// A full path typed in is where it saves, with the extension added.
	entry.SetText(filepath.Join(dir, "case"))
	test.Tap(findButton(t, top, "Save"))
	want := filepath.Join(dir, "case.copytrail")
	if u.path != want {
		t.Fatalf("saved to %q, want %q", u.path, want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(u.status.Text, "saved to "+want) {
		t.Errorf("no saved message: status %q", u.status.Text)
	}
	// Next time it starts beside the last workspace.
	if got := u.saveFolder(); got != dir {
		t.Errorf("Save as starts in %q, want %q", got, dir)
	}
}

func labelsText(o fyne.CanvasObject) string {
	var s []string
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok && l.Visible() {
			s = append(s, l.Text)
		}
	}
	return strings.Join(s, " | ")
}
