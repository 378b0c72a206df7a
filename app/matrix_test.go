package app

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
)

func matrixWindow(t *testing.T, nav *viewsNav) (*MatrixView, fyne.Window) {
	t.Helper()
	viewsApp(t)
	v := NewMatrixView(nav)
	return v, viewsWindow(t, v.CanvasObject(), 800, 400)
}

func TestBuildCoverageMatrix_SortsByTotalReuse(t *testing.T) {
	m := buildCoverageMatrix(viewsResult())
	// Totals: w 0.62+0.2, r 0.5+0.1, b 0.3, u 0.15.
	if got := strings.Join(m.IDs, ","); got != "w,r,b,u" {
		t.Fatalf("row order %q, want w,r,b,u", got)
	}
	if m.Labels[0] != "1. Ferry terminal opens after delays" {
		t.Errorf("first label %q", m.Labels[0])
	}
	for _, c := range []struct {
		row, col int
		want     float64
	}{{0, 1, 0.62}, {1, 0, 0.5}, {0, 2, 0.2}, {2, 0, 0.3}, {3, 1, 0.15}} {
		if got := m.Cover[[2]int{c.row, c.col}]; got != c.want {
			t.Errorf("coverage of %s by %s = %v, want %v", m.IDs[c.row], m.IDs[c.col], got, c.want)
		}
	}
	if _, ok := m.Cover[[2]int{2, 3}]; ok {
		t.Error("blog and undated piece share nothing but have a cell value")
	}
}

func TestMatrixView_TapCellCompares(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := matrixWindow(t, nav)
	// Find the drawn "62%" cell (wire story's share from the release) and tap it.
	var cell *canvas.Text
	for _, o := range visibleObjects(v.table) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text == "62%" && txt.Visible() {
			cell = txt
		}
	}
	if cell == nil {
		t.Fatal("no 62% cell drawn")
	}
	pos := onCanvas(w, cell, fyne.NewPos(cell.Size().Width/2, cell.Size().Height/2))
	test.TapCanvas(w.Canvas(), pos)
	if len(nav.compared) != 1 || nav.compared[0] != [2]string{"w", "r"} {
		t.Fatalf("tapping the 62%% cell compared %v, want [[w r]]", nav.compared)
	}
	if !strings.Contains(v.status.Text, "62% of 1. Ferry terminal") {
		t.Errorf("status %q", v.status.Text)
	}
	// The diagonal and cells without shared text open nothing.
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v.table.Select(widget.TableCellID{Row: 2, Col: 3})
	if len(nav.compared) != 1 {
		t.Errorf("diagonal or empty cell compared %v", nav.compared)
	}
	// Selection is released, so the same cell can be tapped again.
	test.TapCanvas(w.Canvas(), pos)
	if len(nav.compared) != 2 {
		t.Errorf("second tap on the same cell: %v", nav.compared)
	}
}

func TestMatrixView_CellColoursAndText(t *testing.T) {
	v, _ := matrixWindow(t, &viewsNav{result: viewsResult()})
	cell := v.createCell()
	v.updateCell(widget.TableCellID{Row: 0, Col: 1}, cell)
	box := cell.(*fyne.Container)
	bg, txt := box.Objects[0].(*canvas.Rectangle), box.Objects[1].(*canvas.Text)
	if txt.Text != "62%" || bg.FillColor != heatColor(0.62) {
		t.Errorf("cell (0,1): %q on %v", txt.Text, bg.FillColor)
	}
	v.updateCell(widget.TableCellID{Row: 2, Col: 3}, cell)
	if txt.Text != "" || bg.FillColor != color.Transparent {
		t.Errorf("empty cell: %q on %v", txt.Text, bg.FillColor)
	}
	v.updateCell(widget.TableCellID{Row: 1, Col: 1}, cell)
	if txt.Text != "—" {
		t.Errorf("diagonal cell %q", txt.Text)
	}
}

func TestHeatColor_DarkensWithCoverageAndInkContrasts(t *testing.T) {
	lum := func(c color.NRGBA) float64 { return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B) }
	prev := 256.0
	for i := 0; i <= 20; i++ {
		c := heatColor(float64(i) / 20)
		if l := lum(c); l > prev+0.5 {
			t.Errorf("heatColor(%v) luminance %v brighter than the step before (%v)", float64(i)/20, l, prev)
		} else {
			prev = l
		}
		ink := inkOn(c)
		if (lum(c) > 140) != (ink == color.Black) {
			t.Errorf("ink %v on %v", ink, c)
		}
	}
	if heatColor(-1) != heatStops[0] || heatColor(2) != heatStops[len(heatStops)-1] {
		t.Error("out-of-range values not clamped")
	}
}

// TestMatrixView_ShowsTheMostReusedOfHundreds: of 400 articles sharing
// text, the matrix shows the matrixMost most reused (no article left out
// reuses more than one shown), most reused first, says so, and builds only
// the cells in view.
func TestMatrixView_ShowsTheMostReusedOfHundreds(t *testing.T) {
	nav := &viewsNav{result: bigResult(400)}
	v, _ := matrixWindow(t, nav)
	rows, cols := v.table.Length()
	if rows != matrixMost || rows != cols || v.matrix.Sharing < 300 {
		t.Fatalf("table is %dx%d of %d articles sharing text", rows, cols, v.matrix.Sharing)
	}
	for i := 1; i < len(v.matrix.Total); i++ {
		if v.matrix.Total[i] > v.matrix.Total[i-1] {
			t.Fatalf("row %d total %v above row %d total %v", i, v.matrix.Total[i], i-1, v.matrix.Total[i-1])
		}
	}
	shown := map[string]bool{}
	for _, id := range v.matrix.IDs {
		shown[id] = true
	}
	totals := map[string]float64{}
	for _, p := range nav.result.Pairs {
		totals[p.A] += p.ACoverage
		totals[p.B] += p.BCoverage
	}
	least := v.matrix.Total[len(v.matrix.Total)-1]
	for id, total := range totals {
		if !shown[id] && total > least {
			t.Fatalf("%s reuses %.2f, more than the least reused shown (%.2f), and is left out", id, total, least)
		}
	}
	if want := fmt.Sprintf("The %d most reused of the %d articles sharing text", matrixMost, v.matrix.Sharing); !strings.HasPrefix(v.status.Text, want) {
		t.Errorf("status %q, want it to start %q", v.status.Text, want)
	}
	// Only the visible cells are built.
	cells := 0
	for _, o := range visibleObjects(v.table) {
		if _, ok := o.(*canvas.Rectangle); ok {
			cells++
		}
	}
	if cells > 2000 {
		t.Errorf("%d rectangles laid out for a 800x400 window: the table is not virtualised", cells)
	}
}

func TestMatrixView_EmptyStates(t *testing.T) {
	v, _ := matrixWindow(t, &viewsNav{result: &provenance.Result{}})
	if !v.empty.Visible() || v.table.Visible() || !strings.HasPrefix(v.empty.Text, "No articles yet") {
		t.Errorf("no documents: %q", v.empty.Text)
	}
	r := viewsResult()
	r.Pairs = nil
	v.Refresh(r)
	if !v.empty.Visible() || !strings.Contains(v.empty.Text, "None of the 4 articles share a passage") {
		t.Errorf("no pairs: %q", v.empty.Text)
	}
	v.Refresh(viewsResult())
	if v.empty.Visible() || !v.table.Visible() {
		t.Error("table hidden with pairs present")
	}
}

// BenchmarkMatrixView1000 builds the heat map of 1,000 articles (about
// 2,000 pairs) and refreshes the table's visible cells.
func BenchmarkMatrixView1000(b *testing.B) {
	viewsApp(b)
	v := NewMatrixView(&viewsNav{result: &provenance.Result{}})
	w := test.NewWindow(v.CanvasObject())
	b.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1200, 800))
	r := bigResult(1000)
	for b.Loop() {
		v.Refresh(r)
	}
}
