package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"math"
)

// Drawing constants, in layout units (pixels at zoom 1).
const (
	graphTextSize  = 12
	graphHitTol    = 6
	graphMinZoom   = 0.05
	graphMaxZoom   = 4
	graphZoomStep  = 1.25
	graphMinTextPx = 5 // labels smaller than this are hidden
	// storyCaptionPx is the smallest text size of a story block's caption;
	// a block narrower than storyCaptionMinPx on screen shows none.
	storyCaptionPx    = 11
	storyCaptionMinPx = 60
	graphHeadLength   = 9
	maxDashes         = 12  // per edge; a long edge gets longer dashes
	manyEdges         = 300 // above this, 4 dashes an edge keep the object count down
)

// graphCanvas is the custom widget that draws a GraphLayout with zoom and pan.
type graphCanvas struct {
	widget.BaseWidget
	view   *GraphView
	layout GraphLayout
	colors bool    // colour nodes by outlet (off when outlets are hidden)
	scale  float32 // workshop text scale
	// generation counts setGraph calls, so the renderer knows to rebuild.
	generation int
	zoom       float32
	pan        fyne.Position
	// userView is set once the user zooms or pans; until then the graph
	// is refitted whenever the widget is resized.
	userView bool
}

var (
	_ fyne.Tappable       = (*graphCanvas)(nil)
	_ fyne.DoubleTappable = (*graphCanvas)(nil)
	_ fyne.Draggable      = (*graphCanvas)(nil)
	_ fyne.Scrollable     = (*graphCanvas)(nil)
	_ desktop.Hoverable   = (*graphCanvas)(nil)
	_ fyne.Focusable      = (*graphCanvas)(nil)
)

func newGraphCanvas(v *GraphView) *graphCanvas {
	g := &graphCanvas{view: v, zoom: 1, scale: 1}
	g.ExtendBaseWidget(g)
	return g
}

// setGraph lays out a graph. When it has the same nodes and edges as the
// one shown (a tab switch or a metadata edit), the user's zoom and pan
// stay; otherwise the view is reset to fit the new graph.
//
// A part of a large collection (the overview's scope) is laid out in about
// as many date columns as make it as wide as the graph's area for its
// height: a wire story's carriers spread over thirty days in thirty
// columns of two made a strip too thin for any label.
func (g *graphCanvas) setGraph(nodes []GraphNode, edges []GraphEdge, byDate, workshop, undirected bool) {
	same := sameGraph(g.layout, nodes, edges)
	g.scale = 1
	if workshop {
		g.scale = 1.5
	}
	g.layout = LayoutGraph(nodes, edges, LayoutOptions{
		ByDate: byDate, Measure: runeMeasure(float32(graphTextSize) * g.scale),
		LabelWidth: 130 * g.scale, LineHeight: 16 * g.scale, Radius: 9 * g.scale, Undirected: undirected,
		MaxColumns: g.scopeColumns(len(nodes)), Aspect: g.aspect(),
	})
	g.colors = byDate // byDate is off exactly when metadata is hidden
	g.generation++
	g.userView = g.userView && same
	g.Refresh()
}

// scopeColumns is the most date columns for n articles of the overview's
// scope (0, the layout's default, outside the overview): columns of about
// 150 units and rows of about 45, so c columns of n/c rows fill an area of
// aspect w/h when c² ≈ 0.3·n·w/h.
func (g *graphCanvas) scopeColumns(n int) int {
	if g.view == nil || g.view.ov == nil || !g.view.ov.active() || g.view.byOutlet {
		return 0
	}
	aspect := float64(1.2)
	if s := g.Size(); s.Width > 0 && s.Height > 0 {
		aspect = float64(s.Width / s.Height)
	}
	return max(4, int(math.Ceil(math.Sqrt(0.3*float64(n)*aspect))))
}

// aspect is the graph area's width over its height, 0 before it is shown.
func (g *graphCanvas) aspect() float32 {
	if s := g.Size(); s.Width > 0 && s.Height > 0 {
		return s.Width / s.Height
	}
	return 0
}

// sameGraph reports whether l shows exactly these nodes and edges.
func sameGraph(l GraphLayout, nodes []GraphNode, edges []GraphEdge) bool {
	if len(l.Nodes) != len(nodes) || len(l.Edges) != len(edges) {
		return false
	}
	for i := range nodes {
		if l.Nodes[i].ID != nodes[i].ID {
			return false
		}
	}
	for i, e := range edges {
		if o := l.Edges[i]; o.From != e.From || o.To != e.To || o.Kind != e.Kind || o.Link != e.Link {
			return false
		}
	}
	return true
}

// runeMeasure measures text as the sum of its runes' widths, each shaped
// once, plus 2% for kerning: a thousand labels cost a few dozen shapings
// instead of thousands (fyne.MeasureText shapes the whole string each call).
func runeMeasure(size float32) func(string) float32 {
	widths := map[rune]float32{}
	return func(s string) float32 {
		total := float32(0)
		for _, r := range s {
			w, ok := widths[r]
			if !ok {
				w = fyne.MeasureText(string(r), size, fyne.TextStyle{}).Width
				widths[r] = w
			}
			total += w
		}
		return total * 1.02
	}
}

// CreateRenderer implements fyne.Widget.
func (g *graphCanvas) CreateRenderer() fyne.WidgetRenderer {
	return &graphRenderer{g: g, generation: -1}
}

// MinSize keeps the graph usable in a small window.
func (g *graphCanvas) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

// toLayout converts a widget position to layout units.
func (g *graphCanvas) toLayout(p fyne.Position) (float32, float32) {
	return (p.X - g.pan.X) / g.zoom, (p.Y - g.pan.Y) / g.zoom
}

// edgeAt is the edge under a widget position, or -1.
func (g *graphCanvas) edgeAt(p fyne.Position) int {
	x, y := g.toLayout(p)
	return g.layout.EdgeAt(x, y, graphHitTol/g.zoom+2)
}

// Tapped selects the arrow under the pointer, or shows a tapped article.
func (g *graphCanvas) Tapped(ev *fyne.PointEvent) {
	g.focus()
	x, y := g.toLayout(ev.Position)
	if n := g.layout.NodeAt(x, y, 9*g.scale+2); n >= 0 { // nodes are drawn over edges
		g.view.tapNode(n)
		return
	}
	g.view.selectEdge(g.edgeAt(ev.Position))
}

// focus gives the graph the keyboard, so arrow keys step through arrows.
func (g *graphCanvas) focus() {
	if d := fyne.CurrentApp().Driver(); d != nil {
		if c := d.CanvasForObject(g); c != nil {
			c.Focus(g)
		}
	}
}

// FocusGained implements fyne.Focusable.
func (g *graphCanvas) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (g *graphCanvas) FocusLost() {}

// TypedRune zooms with + and - and fits with 0.
func (g *graphCanvas) TypedRune(r rune) {
	switch r {
	case '+', '=':
		g.zoomIn()
	case '-':
		g.zoomOut()
	case '0':
		g.fit()
	}
}

// TypedKey steps through the arrows (right/down next, left/up previous),
// opens the chosen one with Enter and lets go of it with Escape.
func (g *graphCanvas) TypedKey(ev *fyne.KeyEvent) {
	n := len(g.layout.Edges)
	if n == 0 {
		forwardKey(g, ev)
		return
	}
	sel := g.view.selected
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyDown:
		g.reveal((sel + 1) % n)
		g.view.selectEdge((sel + 1) % n)
	case fyne.KeyLeft, fyne.KeyUp:
		if sel <= 0 {
			sel = n
		}
		g.reveal(sel - 1)
		g.view.selectEdge(sel - 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		g.view.openEdge(sel)
	case fyne.KeyEscape:
		g.view.selectEdge(-1)
		forwardKey(g, ev) // Esc also closes dialogs
	default:
		forwardKey(g, ev) // N, P: the window's
	}
}

// reveal pans so the middle of edge i is in view, if it is not.
func (g *graphCanvas) reveal(i int) {
	e := g.layout.Edges[i]
	a, b := g.layout.Nodes[e.From], g.layout.Nodes[e.To]
	x, y := (a.X+b.X)/2*g.zoom+g.pan.X, (a.Y+b.Y)/2*g.zoom+g.pan.Y
	s := g.Size()
	if x >= 0 && y >= 0 && x <= s.Width && y <= s.Height {
		return
	}
	g.pan = g.pan.AddXY(s.Width/2-x, s.Height/2-y)
	g.userView = true
}

// DoubleTapped opens the comparison for the arrow under the pointer.
func (g *graphCanvas) DoubleTapped(ev *fyne.PointEvent) {
	if i := g.edgeAt(ev.Position); i >= 0 {
		g.view.selectEdge(i)
		g.view.openEdge(i)
	}
}

// Dragged pans the graph.
func (g *graphCanvas) Dragged(ev *fyne.DragEvent) {
	g.pan = g.pan.Add(ev.Dragged)
	g.userView = true
	g.Refresh()
}

// DragEnd implements fyne.Draggable.
func (g *graphCanvas) DragEnd() {}

// Scrolled zooms around the pointer.
func (g *graphCanvas) Scrolled(ev *fyne.ScrollEvent) {
	switch {
	case ev.Scrolled.DY > 0:
		g.zoomAround(ev.Position, graphZoomStep)
	case ev.Scrolled.DY < 0:
		g.zoomAround(ev.Position, 1/graphZoomStep)
	}
}

// MouseIn implements desktop.Hoverable.
func (g *graphCanvas) MouseIn(ev *desktop.MouseEvent) { g.MouseMoved(ev) }

// MouseMoved previews the article or the arrow under the pointer.
func (g *graphCanvas) MouseMoved(ev *desktop.MouseEvent) {
	x, y := g.toLayout(ev.Position)
	if n := g.layout.NodeAt(x, y, 9*g.scale+2); n >= 0 {
		g.view.hoverNode(n)
		return
	}
	if i := g.edgeAt(ev.Position); i >= 0 || g.view.hovered >= 0 {
		g.view.hoverEdge(i)
	}
}

// MouseOut ends the highlight; the panel keeps what it showed.
func (g *graphCanvas) MouseOut() { g.view.hoverEdge(-1) }

func (g *graphCanvas) zoomIn()  { g.zoomAround(g.center(), graphZoomStep) }
func (g *graphCanvas) zoomOut() { g.zoomAround(g.center(), 1/graphZoomStep) }

func (g *graphCanvas) center() fyne.Position {
	return fyne.NewPos(g.Size().Width/2, g.Size().Height/2)
}

// zoomAround scales by f keeping the layout point under p fixed.
func (g *graphCanvas) zoomAround(p fyne.Position, f float32) {
	z := min(graphMaxZoom, max(graphMinZoom, g.zoom*f))
	x, y := g.toLayout(p)
	g.zoom = z
	g.pan = fyne.NewPos(p.X-x*z, p.Y-y*z)
	g.userView = true
	g.Refresh()
}

// fit zooms so the whole graph shows and keeps it fitted on resize.
func (g *graphCanvas) fit() {
	g.userView = false
	g.Refresh()
}

// fitTo sets zoom and pan so the whole graph shows in size, centred
// (never above 1.5×, so a small graph is not blown up).
func (g *graphCanvas) fitTo(size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 || g.layout.Width <= 0 {
		return
	}
	g.zoom = max(graphMinZoom, min(size.Width/g.layout.Width, size.Height/g.layout.Height, 1.5))
	g.pan = fyne.NewPos((size.Width-g.layout.Width*g.zoom)/2, (size.Height-g.layout.Height*g.zoom)/2)
}
