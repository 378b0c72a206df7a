package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/palette"
)

// Drawing constants, in layout units (pixels at zoom 1).
const (
	graphTextSize   = 12
	graphHitTol     = 6
	graphMinZoom    = 0.05
	graphMaxZoom    = 4
	graphZoomStep   = 1.25
	graphMinTextPx  = 5 // labels smaller than this are hidden
	graphHeadLength = 9
	maxDashes       = 12  // per edge; a long edge gets longer dashes
	manyEdges       = 300 // above this, 4 dashes an edge keep the object count down
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
func (g *graphCanvas) setGraph(nodes []GraphNode, edges []GraphEdge, byDate, workshop bool) {
	same := sameGraph(g.layout, nodes, edges)
	g.scale = 1
	if workshop {
		g.scale = 1.5
	}
	g.layout = LayoutGraph(nodes, edges, LayoutOptions{
		ByDate: byDate, Measure: runeMeasure(float32(graphTextSize) * g.scale),
		LabelWidth: 130 * g.scale, LineHeight: 16 * g.scale, Radius: 9 * g.scale,
	})
	g.colors = byDate // byDate is off exactly when metadata is hidden
	g.generation++
	g.userView = g.userView && same
	g.Refresh()
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

// MouseMoved previews the arrow under the pointer.
func (g *graphCanvas) MouseMoved(ev *desktop.MouseEvent) { g.view.hoverEdge(g.edgeAt(ev.Position)) }

// MouseOut ends the preview.
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

// segment is a line in layout units.
type segment struct{ x1, y1, x2, y2 float32 }

// edgeShape is the drawn form of one edge: dash segments and an arrowhead.
type edgeShape struct {
	segs  []segment
	lines []*canvas.Line // one per segment, then the arrowhead's two strokes
}

// edgeSegments computes the dashes and arrowhead strokes of edge e along
// its path, trimmed to the node circles (radius r). Copies get arrowheads;
// low-confidence and undecided links are dashed; common sources are dotted
// without a head.
func edgeSegments(l *GraphLayout, e GraphEdge, r float32) []segment {
	path := l.EdgePath(e)
	cum := make([]float32, len(path)) // arc length at each point
	for k := 1; k < len(path); k++ {
		cum[k] = cum[k-1] + float32(math.Hypot(float64(path[k].X-path[k-1].X), float64(path[k].Y-path[k-1].Y)))
	}
	length := cum[len(cum)-1]
	if length <= 2*r+1 {
		return nil
	}
	start, end := r, length-r-1
	dash, gap := float32(0), float32(0)
	switch {
	case e.Kind == provenance.LinkCommonSource:
		dash, gap = 2, 4
	case e.Kind != provenance.LinkCopy || e.Confidence < lowConfidence:
		dash, gap = 8, 5
	}
	var segs []segment
	if dash == 0 {
		segs = subPath(path, cum, start, end)
	} else {
		// Stretch the pattern so no edge needs more than maxDashes dashes:
		// every dash is a canvas object.
		most := float32(maxDashes)
		if dash < 4 {
			most = 3 * maxDashes // dots stay dots, or common sources look dashed
		}
		if len(l.Edges) > manyEdges {
			most = 4
		}
		if n := (end - start) / (dash + gap); n > most {
			dash, gap = dash*n/most, gap*n/most
		}
		for t := start; t < end; t += dash + gap {
			segs = append(segs, subPath(path, cum, t, min(end, t+dash))...)
		}
	}
	if e.Kind == provenance.LinkCopy {
		tip, back := pointAt(path, cum, end), pointAt(path, cum, end-1)
		ux, uy := tip.X-back.X, tip.Y-back.Y
		if n := float32(math.Hypot(float64(ux), float64(uy))); n > 0 {
			ux, uy = ux/n, uy/n
		}
		h := graphHeadLength + 1.5*edgeWidth(l, e)
		const spread = 0.45 // radians either side of the shaft
		for _, s := range []float64{spread, -spread} {
			c, sn := float32(math.Cos(s)), float32(math.Sin(s))
			hx, hy := ux*c-uy*sn, ux*sn+uy*c
			segs = append(segs, segment{tip.X, tip.Y, tip.X - hx*h, tip.Y - hy*h})
		}
	}
	return segs
}

// pointAt is the point at arc length t along a polyline with cumulative lengths cum.
func pointAt(path []Point, cum []float32, t float32) Point {
	for k := 1; k < len(path); k++ {
		if t <= cum[k] || k == len(path)-1 {
			f := float32(0)
			if d := cum[k] - cum[k-1]; d > 0 {
				f = min(1, max(0, (t-cum[k-1])/d))
			}
			a, b := path[k-1], path[k]
			return Point{a.X + (b.X-a.X)*f, a.Y + (b.Y-a.Y)*f}
		}
	}
	return path[0]
}

// subPath is the stretch of a polyline between arc lengths t0 and t1.
func subPath(path []Point, cum []float32, t0, t1 float32) []segment {
	var segs []segment
	prev := pointAt(path, cum, t0)
	for k := 1; k < len(path); k++ {
		if cum[k] <= t0 || cum[k-1] >= t1 {
			continue
		}
		next := path[k]
		if cum[k] >= t1 {
			next = pointAt(path, cum, t1)
		}
		segs = append(segs, segment{prev.X, prev.Y, next.X, next.Y})
		prev = next
	}
	return segs
}

// labelBackground is the theme background, slightly see-through, behind labels.
func labelBackground() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameBackground).RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xd8}
}

// edgeWidth is the stroke width: 1 to 6 by words reused.
func edgeWidth(l *GraphLayout, e GraphEdge) float32 {
	if l.MaxWords <= 0 {
		return 1.5
	}
	return 1 + 5*float32(e.Words)/float32(l.MaxWords)
}

// graphRenderer draws the layout; objects are rebuilt only for a new graph.
type graphRenderer struct {
	g          *graphCanvas
	generation int
	background *canvas.Rectangle
	headers    []*canvas.Text
	edges      []edgeShape
	circles    []*canvas.Circle
	titles     []*canvas.Text
	detailText []*canvas.Text
	labelBg    []*canvas.Rectangle // keeps labels legible over arrows
	objects    []fyne.CanvasObject
}

func (r *graphRenderer) Destroy() {}

func (r *graphRenderer) MinSize() fyne.Size { return r.g.MinSize() }

func (r *graphRenderer) Objects() []fyne.CanvasObject { return r.objects }

// rebuild creates one canvas object per header, dash, node and label line.
func (r *graphRenderer) rebuild() {
	l := &r.g.layout
	r.generation = r.g.generation
	r.background = canvas.NewRectangle(color.Transparent)
	r.objects = []fyne.CanvasObject{r.background}
	r.headers = r.headers[:0]
	for _, c := range l.Columns {
		t := canvas.NewText(c.Label, theme.Color(theme.ColorNamePlaceHolder))
		t.Alignment = fyne.TextAlignCenter
		r.headers = append(r.headers, t)
		r.objects = append(r.objects, t)
	}
	radius := 9 * r.g.scale
	r.edges = make([]edgeShape, len(l.Edges))
	for i, e := range l.Edges {
		segs := edgeSegments(l, e, radius)
		shape := edgeShape{segs: segs, lines: make([]*canvas.Line, len(segs))}
		for k := range segs {
			ln := canvas.NewLine(color.Black)
			shape.lines[k] = ln
			r.objects = append(r.objects, ln)
		}
		r.edges[i] = shape
	}
	colors := groupColors(l.Nodes)
	r.circles = make([]*canvas.Circle, len(l.Nodes))
	r.titles = make([]*canvas.Text, len(l.Nodes))
	r.detailText = make([]*canvas.Text, len(l.Nodes))
	r.labelBg = make([]*canvas.Rectangle, len(l.Nodes))
	for i, n := range l.Nodes {
		fill := unknownGroupColor
		if r.g.colors {
			fill = colorOf(colors, n.Group)
		}
		c := canvas.NewCircle(fill)
		c.StrokeWidth = 1.5
		r.circles[i] = c
		t := canvas.NewText(n.TitleLine, color.Black)
		t.Alignment = fyne.TextAlignCenter
		d := canvas.NewText(n.DetailLine, color.Black)
		d.Alignment = fyne.TextAlignCenter
		bg := canvas.NewRectangle(color.Transparent)
		bg.CornerRadius = 3
		r.titles[i], r.detailText[i], r.labelBg[i] = t, d, bg
		r.objects = append(r.objects, c, bg, t, d)
	}
}

// Refresh rebuilds for a new graph, restyles for selection and theme, and lays out.
func (r *graphRenderer) Refresh() {
	if r.generation != r.g.generation {
		r.rebuild()
	}
	l := &r.g.layout
	fg := theme.Color(theme.ColorNameForeground)
	primary := theme.Color(theme.ColorNamePrimary)
	grey := theme.Color(theme.ColorNameDisabled)
	for i, e := range l.Edges {
		c, w := fg, edgeWidth(l, e)
		switch e.Kind {
		case provenance.LinkCommonSource:
			c = palette.Link(e.Kind) // bluish green, as in the report
		case provenance.LinkUnknown:
			c = grey
		}
		if i == r.g.view.selected || i == r.g.view.hovered {
			c, w = primary, w+1.5
		}
		for _, ln := range r.edges[i].lines {
			ln.StrokeColor, ln.StrokeWidth = c, w
		}
	}
	for i := range l.Nodes {
		r.circles[i].StrokeColor = fg
		r.titles[i].Color = fg
		r.labelBg[i].FillColor = labelBackground()
		r.detailText[i].Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	for _, h := range r.headers {
		h.Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	r.Layout(r.g.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// Layout places every object for the current zoom and pan.
func (r *graphRenderer) Layout(size fyne.Size) {
	g := r.g
	if r.generation != g.generation {
		r.rebuild()
	}
	if !g.userView {
		g.fitTo(size)
	}
	r.background.Resize(size)
	z, px, py := g.zoom, g.pan.X, g.pan.Y
	at := func(x, y float32) fyne.Position { return fyne.NewPos(x*z+px, y*z+py) }
	text := graphTextSize * g.scale * z
	showText := text >= graphMinTextPx
	for i, c := range g.layout.Columns {
		h := r.headers[i]
		h.TextSize = text
		h.Move(at(c.X, layoutMargin/2))
		h.Resize(fyne.NewSize(c.W*z, layoutHeaderH*z))
		h.Hidden = !showText || !g.layout.ByDate // level numbers mean little to readers
	}
	// Objects wholly outside the widget are hidden, so a zoomed-in view of a
	// large graph draws only what shows.
	outside := func(x1, y1, x2, y2 float32) bool {
		return max(x1, x2) < 0 || max(y1, y2) < 0 || min(x1, x2) > size.Width || min(y1, y2) > size.Height
	}
	for _, shape := range r.edges {
		for k, s := range shape.segs {
			ln := shape.lines[k]
			ln.Position1, ln.Position2 = at(s.x1, s.y1), at(s.x2, s.y2)
			ln.Hidden = outside(ln.Position1.X, ln.Position1.Y, ln.Position2.X, ln.Position2.Y)
		}
	}
	radius := 9 * g.scale * z
	for i, n := range g.layout.Nodes {
		c := r.circles[i]
		c.Move(at(n.X, n.Y).SubtractXY(radius, radius))
		c.Resize(fyne.NewSquareSize(2 * radius))
		c.Hidden = outside(c.Position().X, c.Position().Y, c.Position().X+2*radius, c.Position().Y+2*radius)
		lineH := n.Label.H * z
		if n.DetailLine != "" {
			lineH /= 2
		}
		box := at(n.Label.X, n.Label.Y)
		labelHidden := !showText || outside(box.X, box.Y, box.X+n.Label.W*z, box.Y+n.Label.H*z)
		bg := r.labelBg[i]
		bg.Move(box.SubtractXY(2, 0))
		bg.Resize(fyne.NewSize(n.Label.W*z+4, n.Label.H*z))
		bg.Hidden = labelHidden
		for k, t := range []*canvas.Text{r.titles[i], r.detailText[i]} {
			t.TextSize = text
			t.Move(box.AddXY(0, float32(k)*lineH))
			t.Resize(fyne.NewSize(n.Label.W*z, lineH))
			t.Hidden = labelHidden || t.Text == ""
		}
	}
}
