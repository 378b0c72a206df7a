package app

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/provenance"
)

// graphWindow shows a graph view for r in a fixed-size test window.
func graphWindow(t *testing.T, nav Navigator) (*GraphView, fyne.Window) {
	t.Helper()
	viewsApp(t)
	v := NewGraphView(nav)
	return v, viewsWindow(t, v.CanvasObject(), 900, 520)
}

// onCanvas converts a position inside obj to the canvas position that
// test.TapCanvas expects (the driver's absolute positions leave out the
// canvas inset).
func onCanvas(w fyne.Window, obj fyne.CanvasObject, local fyne.Position) fyne.Position {
	inset, _ := w.Canvas().InteractiveArea()
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(obj).Add(inset).Add(local)
}

// edgeOnCanvas is the canvas position of the middle of the edge drawn for
// link index link (or, for outlet edges, from→to by node ID).
func edgeOnCanvas(t *testing.T, w fyne.Window, v *GraphView, match func(GraphEdge) bool) (int, fyne.Position) {
	t.Helper()
	l := &v.graph.layout
	for i, e := range l.Edges {
		if !match(e) {
			continue
		}
		// A third of the way along its path: clear of the nodes and of
		// crossings at midpoints.
		path := l.EdgePath(e)
		x, y := path[0].X+(path[len(path)-1].X-path[0].X)/3, path[0].Y+(path[len(path)-1].Y-path[0].Y)/3
		if len(path) > 2 {
			x, y = path[len(path)/3].X, path[len(path)/3].Y
		}
		return i, onCanvas(w, v.graph, fyne.NewPos(x*v.graph.zoom+v.graph.pan.X, y*v.graph.zoom+v.graph.pan.Y))
	}
	t.Fatal("no matching edge in the layout")
	return -1, fyne.Position{}
}

func linkEdge(link int) func(GraphEdge) bool { return func(e GraphEdge) bool { return e.Link == link } }

func TestGraphView_TapEdgeShowsReasonsAndDoubleTapCompares(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := graphWindow(t, nav)
	i, pos := edgeOnCanvas(t, w, v, linkEdge(0))
	test.TapCanvas(w.Canvas(), pos)
	if v.selected != i {
		t.Fatalf("selected edge %d, want %d", v.selected, i)
	}
	for _, want := range []string{"Copy: Coast Wire reused text from Port Authority.",
		"Coast Wire: “Ferry terminal opens after delays”\n2 Mar 2024", "Port Authority: “Harbour opens new ferry terminal”",
		"Confidence: 90% (high)", "• The release is dated a day earlier.", "Shared: 1 shared passage, 40 shared words"} {
		if !strings.Contains(v.details.Text, want) {
			t.Errorf("details lack %q:\n%s", want, v.details.Text)
		}
	}
	if v.compareBtn.Disabled() {
		t.Error("Compare button stays disabled with an edge selected")
	}
	local := pos.Subtract(onCanvas(w, v.graph, fyne.Position{}))
	v.graph.DoubleTapped(&fyne.PointEvent{Position: local})
	if len(nav.compared) != 1 || nav.compared[0] != [2]string{"r", "w"} {
		t.Errorf("double-tap compared %v, want [[r w]]", nav.compared)
	}
	test.Tap(v.compareBtn)
	if len(nav.compared) != 2 || nav.compared[1] != [2]string{"r", "w"} {
		t.Errorf("Compare button compared %v", nav.compared)
	}
	// Tapping empty space clears the selection.
	test.TapCanvas(w.Canvas(), onCanvas(w, v.graph, fyne.NewPos(2, 2)))
	if v.selected != -1 || !v.compareBtn.Disabled() {
		t.Errorf("after tapping empty space: selected %d, compare disabled %v", v.selected, v.compareBtn.Disabled())
	}
}

func TestGraphView_HoverPreviewsLowConfidenceAndCommonSource(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := graphWindow(t, nav)
	_, pos := edgeOnCanvas(t, w, v, linkEdge(1))
	test.MoveMouse(w.Canvas(), pos)
	if !strings.Contains(v.details.Text, "Confidence: 40% (low)") {
		t.Errorf("hovering the low-confidence link shows:\n%s", v.details.Text)
	}
	_, pos = edgeOnCanvas(t, w, v, linkEdge(2))
	v.graph.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos.Subtract(onCanvas(w, v.graph, fyne.Position{}))}})
	if !strings.Contains(v.details.Text, "Common source") || !strings.Contains(v.details.Text, "council minutes") {
		t.Errorf("hovering the common-source link shows:\n%s", v.details.Text)
	}
	// The panel keeps the link when the pointer leaves for the Compare
	// button, and the button opens it.
	v.graph.MouseOut()
	if !strings.HasPrefix(v.details.Text, "Common source") || v.compareBtn.Disabled() {
		t.Errorf("after the mouse leaves: compare disabled %v, panel %q", v.compareBtn.Disabled(), v.details.Text)
	}
	if len(nav.compared) != 0 {
		t.Errorf("hovering compared %v", nav.compared)
	}
	test.Tap(v.compareBtn)
	if len(nav.compared) != 1 {
		t.Errorf("Compare after hovering compared %v", nav.compared)
	}
	nav.compared = nil
	// The low-confidence copy is dashed (several segments plus a head);
	// the common source is dotted and has no head.
	r := test.WidgetRenderer(v.graph).(*graphRenderer)
	for i, e := range v.graph.layout.Edges {
		n := len(r.edges[i].segs)
		switch e.Link {
		case 0:
			if n != 3 {
				t.Errorf("confident copy drawn with %d strokes, want 1 line + 2 head strokes", n)
			}
		case 1, 2:
			if n < 5 {
				t.Errorf("link %d drawn with %d strokes, want dashes", e.Link, n)
			}
		}
	}
}

func TestGraphView_NodesByDateColouredByOutlet(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, _ := graphWindow(t, nav)
	l := &v.graph.layout
	if !l.ByDate || len(l.Nodes) != 4 {
		t.Fatalf("layout ByDate %v with %d nodes", l.ByDate, len(l.Nodes))
	}
	x, y := map[string]float32{}, map[string]float32{}
	for _, n := range l.Nodes {
		x[n.ID], y[n.ID] = n.X, n.Y
	}
	if !(x["r"] < x["w"] && x["w"] < x["b"]) {
		t.Errorf("x positions %v: want release < wire < blog", x)
	}
	// The undated note sits in the band below, under the release it shares text with.
	if y["u"] <= max(y["r"], y["w"], y["b"]) || x["u"] != x["r"] || l.UndatedY <= 0 {
		t.Errorf("undated note at (%v, %v), band at %v: want under the release at x %v", x["u"], y["u"], l.UndatedY, x["r"])
	}
	r := test.WidgetRenderer(v.graph).(*graphRenderer)
	seen := map[color.Color]string{}
	for i, n := range l.Nodes {
		c := r.circles[i].FillColor
		if n.Group == unknownOutlet && c != unknownGroupColor {
			t.Errorf("unknown outlet coloured %v", c)
		}
		if prev, ok := seen[c]; ok && prev != n.Group {
			t.Errorf("outlets %q and %q share colour %v", prev, n.Group, c)
		}
		seen[c] = n.Group
	}
	if len(seen) != 4 {
		t.Errorf("%d distinct node colours, want 4", len(seen))
	}
}

func TestGraphView_OutletToggle(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := graphWindow(t, nav)
	test.Tap(v.outlets)
	if !v.byOutlet {
		t.Fatal("tapping Outlets did not switch to outlet nodes")
	}
	var ids []string
	for _, n := range v.graph.layout.Nodes {
		ids = append(ids, n.ID)
	}
	if got := strings.Join(ids, ","); got != "Port Authority,Coast Wire,Island Blog" {
		t.Errorf("outlet nodes %q", got)
	}
	i, pos := edgeOnCanvas(t, w, v, func(e GraphEdge) bool { return v.graph.layout.Nodes[e.From].ID == "Port Authority" })
	test.TapCanvas(w.Canvas(), pos)
	if v.selected != i || !strings.Contains(v.details.Text, "1 article of Coast Wire reused text from Port Authority.") {
		t.Errorf("outlet edge details:\n%s", v.details.Text)
	}
	test.Tap(v.compareBtn)
	if len(nav.compared) != 1 || nav.compared[0] != [2]string{"r", "w"} {
		t.Errorf("outlet edge compare opened %v, want its strongest article link [r w]", nav.compared)
	}
	test.Tap(v.outlets)
	if v.byOutlet || len(v.graph.layout.Nodes) != 4 {
		t.Errorf("toggling back: byOutlet %v, %d nodes", v.byOutlet, len(v.graph.layout.Nodes))
	}
}

func TestGraphView_RefreshKeepsViewOfTheSameGraph(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := graphWindow(t, nav)
	i, pos := edgeOnCanvas(t, w, v, linkEdge(0))
	test.TapCanvas(w.Canvas(), pos)
	v.graph.zoomIn()
	zoom, pan := v.graph.zoom, v.graph.pan
	v.Refresh(nav.result) // e.g. the tab comes back to the front
	if v.selected != i || v.graph.zoom != zoom || v.graph.pan != pan {
		t.Errorf("same graph: selected %d (want %d), zoom %v→%v, pan %v→%v", v.selected, i, zoom, v.graph.zoom, pan, v.graph.pan)
	}
	r := viewsResult()
	r.Links = r.Links[1:]
	v.Refresh(r)
	if v.selected != -1 || v.graph.userView {
		t.Errorf("new graph kept selection %d / user view %v", v.selected, v.graph.userView)
	}
}

func TestGraphView_KeyboardStepsThroughArrows(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := graphWindow(t, nav)
	_, pos := edgeOnCanvas(t, w, v, linkEdge(1))
	test.TapCanvas(w.Canvas(), pos)
	if w.Canvas().Focused() != v.graph {
		t.Fatal("tapping the graph did not give it the keyboard")
	}
	start := v.selected
	n := len(v.graph.layout.Edges)
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if v.selected != (start+1)%n {
		t.Errorf("right arrow: selected %d, want %d", v.selected, (start+1)%n)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v.selected != start || len(nav.compared) != 1 || nav.compared[0] != [2]string{"w", "b"} {
		t.Errorf("left then Enter: selected %d, compared %v", v.selected, nav.compared)
	}
	z := v.graph.zoom
	test.Type(v.graph, "+")
	if v.graph.zoom <= z {
		t.Errorf("+ did not zoom in (%v -> %v)", z, v.graph.zoom)
	}
	// Stepping to an arrow out of view brings it into view.
	v.graph.pan = v.graph.pan.AddXY(-5000, 0)
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	l := &v.graph.layout
	e := l.Edges[v.selected]
	mx := (l.Nodes[e.From].X+l.Nodes[e.To].X)/2*v.graph.zoom + v.graph.pan.X
	if mx < 0 || mx > v.graph.Size().Width {
		t.Errorf("the stepped-to arrow is at x %v, outside the %v-wide view", mx, v.graph.Size().Width)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.selected != -1 {
		t.Errorf("Escape left %d selected", v.selected)
	}
}

func TestGraphView_TapNodeSelectsDocument(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := graphWindow(t, nav)
	for _, n := range v.graph.layout.Nodes {
		if n.ID == "b" {
			test.TapCanvas(w.Canvas(), onCanvas(w, v.graph, fyne.NewPos(n.X*v.graph.zoom+v.graph.pan.X, n.Y*v.graph.zoom+v.graph.pan.Y)))
		}
	}
	if len(nav.selected) != 1 || nav.selected[0] != "b" {
		t.Errorf("tapping the blog node selected %v", nav.selected)
	}
}

func TestGraphView_WorkshopHidesOutletsAndDates(t *testing.T) {
	nav := &viewsNav{result: viewsResult(), ws: WorkshopState{On: true, HideMetadata: true}}
	v, _ := graphWindow(t, nav)
	if v.graph.layout.ByDate || !v.outlets.Disabled() {
		t.Errorf("hidden metadata: ByDate %v, outlet toggle disabled %v", v.graph.layout.ByDate, v.outlets.Disabled())
	}
	for _, n := range v.graph.layout.Nodes {
		if n.Detail != "" || n.DetailLine != "" {
			t.Errorf("node %s shows %q in workshop mode", n.ID, n.Detail)
		}
	}
	if strings.Contains(v.describe(v.graph.layout.Edges[0]), "Port Authority") {
		t.Error("details name the outlet in workshop mode")
	}
	nav.ws.HideMetadata = false
	v.Refresh(nav.result)
	if !v.graph.layout.ByDate || v.outlets.Disabled() {
		t.Error("reveal did not bring back dates and the outlet toggle")
	}
}

func TestGraphView_EmptyStates(t *testing.T) {
	nav := &viewsNav{result: &provenance.Result{}}
	v, _ := graphWindow(t, nav)
	if !v.empty.Visible() || !strings.HasPrefix(v.empty.Text, "No articles yet") {
		t.Errorf("no documents: empty visible %v, %q", v.empty.Visible(), v.empty.Text)
	}
	r := viewsResult()
	r.Links = nil
	v.Refresh(r)
	if !v.empty.Visible() || !strings.Contains(v.empty.Text, "No links found among 4 articles") {
		t.Errorf("no links: %q", v.empty.Text)
	}
	v.Refresh(viewsResult())
	if v.empty.Visible() {
		t.Error("empty message still shown with links")
	}
	v.Refresh(nil)
	if !v.empty.Visible() {
		t.Error("nil result did not show the empty state")
	}
}

func TestGraphView_ZoomAndPan(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := graphWindow(t, nav)
	z := v.graph.zoom
	v.graph.zoomIn()
	if v.graph.zoom <= z {
		t.Errorf("zoom in: %v -> %v", z, v.graph.zoom)
	}
	test.Scroll(w.Canvas(), onCanvas(w, v.graph, fyne.NewPos(50, 50)), 0, -10)
	test.Scroll(w.Canvas(), onCanvas(w, v.graph, fyne.NewPos(50, 50)), 0, -10)
	if v.graph.zoom >= z {
		t.Errorf("scrolling down twice did not zoom out below %v: %v", z, v.graph.zoom)
	}
	pan := v.graph.pan
	test.Drag(w.Canvas(), onCanvas(w, v.graph, fyne.NewPos(300, 300)), 30, 20)
	if got := v.graph.pan.Subtract(pan); got != fyne.NewPos(30, 20) {
		t.Errorf("drag moved the view by %v", got)
	}
	// Hit-testing follows the view: the edge is still found where it is drawn.
	i, pos := edgeOnCanvas(t, w, v, linkEdge(0))
	test.TapCanvas(w.Canvas(), pos)
	if v.selected != i {
		t.Errorf("after zoom and pan, tap at %v (graph at %v) selected %d, want %d", pos, onCanvas(w, v.graph, fyne.Position{}), v.selected, i)
	}
	v.graph.fit()
	if v.graph.zoom > 1.5 || v.graph.zoom <= 0 || v.graph.userView {
		t.Errorf("fit zoom %v, user view %v", v.graph.zoom, v.graph.userView)
	}
	// A fitted graph follows the window: the whole layout stays in view.
	w.Resize(fyne.NewSize(500, 400))
	s := v.graph.Size()
	l := v.graph.layout
	if v.graph.pan.X < -0.5 || v.graph.pan.Y < -0.5 || l.Width*v.graph.zoom > s.Width+0.5 || l.Height*v.graph.zoom > s.Height+0.5 {
		t.Errorf("after resize to %v: zoom %v pan %v for a %vx%v layout", s, v.graph.zoom, v.graph.pan, l.Width, l.Height)
	}
}

func TestGraphView_GoldenImages(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, w := graphWindow(t, nav)
	w.Resize(fyne.NewSize(760, 420))
	test.AssertImageMatches(t, "graph_documents.png", w.Canvas().Capture())
	i, pos := edgeOnCanvas(t, w, v, linkEdge(0))
	test.TapCanvas(w.Canvas(), pos)
	if v.selected != i {
		t.Fatal("edge not selected")
	}
	test.AssertImageMatches(t, "graph_selected.png", w.Canvas().Capture())
	test.Tap(v.outlets)
	test.AssertImageMatches(t, "graph_outlets.png", w.Canvas().Capture())
	// Workshop guessing round: larger type, no outlets, dates or outlet colours.
	nav.ws = WorkshopState{On: true, HideMetadata: true}
	v.Refresh(nav.result)
	test.AssertImageMatches(t, "graph_workshop_hidden.png", w.Canvas().Capture())
}

// graphBenchView is a graph view in a 1200×800 window, for benchmarks.
func graphBenchView(b *testing.B) (*GraphView, fyne.Window) {
	viewsApp(b)
	v := NewGraphView(&viewsNav{result: &provenance.Result{}})
	w := test.NewWindow(v.CanvasObject())
	b.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1200, 800))
	return v, w
}

// BenchmarkGraphView1000 is what showing the graph of 1,000 articles costs
// before the driver draws: graph building, layout, canvas objects, placing.
func BenchmarkGraphView1000(b *testing.B) {
	v, _ := graphBenchView(b)
	r := bigResult(1000)
	for b.Loop() {
		v.Refresh(r)
	}
	b.ReportMetric(float64(len(test.WidgetRenderer(v.graph).Objects())), "objects")
}

// BenchmarkGraphPaint1000 adds a full software paint of the window (the
// headless painter; the OpenGL driver draws the same objects on the GPU).
func BenchmarkGraphPaint1000(b *testing.B) {
	v, w := graphBenchView(b)
	r := bigResult(1000)
	for b.Loop() {
		v.Refresh(r)
		w.Canvas().Capture()
	}
}

// BenchmarkGraphPan1000 is one drag step on a 1,000-article graph.
func BenchmarkGraphPan1000(b *testing.B) {
	v, _ := graphBenchView(b)
	v.Refresh(bigResult(1000))
	for b.Loop() {
		v.graph.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(3, 2)})
	}
}
