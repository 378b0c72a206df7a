package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/provenance/store"
)

// TestLargeWorkspaceLaysOutEveryShownObject: after opening a workspace big
// enough for the graph's overview, nothing shown has a negative size (the
// overview's panel, shown into a laid-out screen, kept the zero size it had
// while hidden: its find box and depth choice had negative widths, which
// the software painter cannot draw).
func TestLargeWorkspaceLaysOutEveryShownObject(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "big.copytrail")
	ws := &store.Workspace{Result: benchWorkspaceResult(1000)}
	ws.Documents, ws.Settings = ws.Result.Documents, ws.Result.Settings
	if err := store.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1400, 900))
	u := NewUI(a, w, DefaultEngine())
	defer u.saver.Stop()
	u.OpenWorkspace(path)
	u.bridge.Wait()
	var walk func(o fyne.CanvasObject, path string)
	walk = func(o fyne.CanvasObject, path string) {
		if !o.Visible() {
			return
		}
		s := o.Size()
		path += fmt.Sprintf("/%T%v", o, s)
		if s.Width < 0 || s.Height < 0 {
			t.Errorf("laid out with a negative size: %s", path)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k, path)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k, path)
			}
		}
	}
	if !u.views[ScreenGraph].(*GraphView).ov.active() {
		t.Fatal("the overview did not step in: the test needs a larger collection")
	}
	walk(w.Canvas().Content(), "")
	w.Canvas().Capture() // the software painter draws it all

}
