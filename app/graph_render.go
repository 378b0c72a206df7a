package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/palette"
	"github.com/copytrail/copytrail/provenance/store"
)

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
	case l.Undirected: // one plain line for every link: no kind, no confidence
	case e.Verdict == store.VerdictConfirmed: // the user's word: solid
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
	if e.Kind == provenance.LinkCopy && !l.Undirected {
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

// faded is c at a quarter of its opacity: a dismissed link.
func faded(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0x40}
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
	band       *canvas.Text        // heading of the undated band
	captions   []*canvas.Text      // one per story block
	captionBg  []*canvas.Rectangle // behind each caption, over the lines it may cross
	bandRule   *canvas.Line
	bandBg     *canvas.Rectangle // behind the band's caption, over the lines it may cross
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
	r.captions, r.captionBg = r.captions[:0], r.captionBg[:0]
	for _, st := range l.Stories {
		t := canvas.NewText(st.Caption, theme.Color(theme.ColorNamePlaceHolder))
		t.TextStyle.Bold = true
		bg := canvas.NewRectangle(color.Transparent)
		bg.CornerRadius = 3
		r.captions, r.captionBg = append(r.captions, t), append(r.captionBg, bg)
	}
	r.band = canvas.NewText("undated · each under the articles it shares text with", theme.Color(theme.ColorNamePlaceHolder))
	r.bandRule = canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	r.bandBg = canvas.NewRectangle(color.Transparent)
	r.bandBg.CornerRadius = 3
	r.objects = append(r.objects, r.bandRule)
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
		if n.Absent {
			fill = color.RGBA{} // hollow: a source that is not in the collection
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
	for i := range r.captions {
		r.objects = append(r.objects, r.captionBg[i], r.captions[i])
	}
	r.objects = append(r.objects, r.bandBg, r.band) // a line crossing the band passes under its caption
}

// Refresh rebuilds for a new graph, restyles for selection and theme, and lays out.
func (r *graphRenderer) Refresh() {
	if r.generation != r.g.generation {
		r.rebuild()
	}
	l := &r.g.layout
	fg := theme.Color(theme.ColorNameForeground)
	primary := theme.Color(theme.ColorNamePrimary)
	grey := theme.Color(theme.ColorNamePlaceHolder) // readable on light and dark
	for i, e := range l.Edges {
		c, w := fg, edgeWidth(l, e)
		switch {
		case l.Undirected:
		case e.Kind == provenance.LinkCommonSource:
			c = palette.Link(e.Kind) // bluish green, as in the report
		case e.Kind == provenance.LinkUnknown:
			c = grey
		}
		switch e.Verdict {
		case store.VerdictConfirmed:
			w += 1.5
		case store.VerdictDismissed:
			c = faded(c)
		}
		if i == r.g.view.selected || i == r.g.view.hovered {
			c, w = primary, w+1.5
		}
		for _, ln := range r.edges[i].lines {
			ln.StrokeColor, ln.StrokeWidth = c, w
		}
	}
	centre := r.g.view.ov.centred()
	for i, n := range l.Nodes {
		r.circles[i].StrokeColor, r.circles[i].StrokeWidth = fg, 1.5
		if n.Absent {
			r.circles[i].StrokeColor, r.circles[i].StrokeWidth = palette.Link(provenance.LinkCommonSource), 3
		}
		r.titles[i].Color, r.titles[i].TextStyle.Bold = fg, false
		if n.ID == centre && centre != "" { // the article found: ringed and bold
			r.circles[i].StrokeColor, r.circles[i].StrokeWidth = primary, 4
			r.titles[i].TextStyle.Bold = true
		}
		r.labelBg[i].FillColor = labelBackground()
		r.detailText[i].Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	for _, h := range r.headers {
		h.Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	for i, c := range r.captions {
		c.Color = theme.Color(theme.ColorNamePlaceHolder)
		r.captionBg[i].FillColor = labelBackground()
	}
	r.band.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.bandBg.FillColor = labelBackground()
	r.bandRule.StrokeColor = theme.Color(theme.ColorNameSeparator)
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
	r.band.TextSize = text
	r.band.Move(at(layoutMargin, g.layout.UndatedY))
	r.band.Hidden = !showText || g.layout.UndatedY == 0
	r.bandBg.Move(r.band.Position().SubtractXY(2, 0))
	r.bandBg.Resize(fyne.NewSize(fyne.MeasureText(r.band.Text, text, r.band.TextStyle).Width+4, text*1.3))
	r.bandBg.Hidden = r.band.Hidden
	r.bandRule.Position1, r.bandRule.Position2 = at(layoutMargin, g.layout.UndatedY), at(g.layout.Width-layoutMargin, g.layout.UndatedY)
	r.bandRule.Hidden = g.layout.UndatedY == 0
	// Objects wholly outside the widget are hidden, so a zoomed-in view of a
	// large graph draws only what shows.
	outside := func(x1, y1, x2, y2 float32) bool {
		return max(x1, x2) < 0 || max(y1, y2) < 0 || min(x1, x2) > size.Width || min(y1, y2) > size.Height
	}
	// Story captions stay readable when the labels are too small to show:
	// at fit a collection of stories reads as a list of them.
	capSize := max(text*1.1, storyCaptionPx*g.scale)
	for i, st := range g.layout.Stories {
		c := r.captions[i]
		w := st.Box.W * z
		pos := at(st.Box.X, st.Box.Y)
		c.TextSize = capSize
		c.Text = truncateToWidth(st.Caption, w, func(s string) float32 { return fyne.MeasureText(s, capSize, c.TextStyle).Width })
		c.Move(pos)
		c.Resize(fyne.NewSize(w, capSize*1.3))
		c.Hidden = w < storyCaptionMinPx || outside(pos.X, pos.Y, pos.X+w, pos.Y+capSize)
		bg := r.captionBg[i]
		bg.Move(pos.SubtractXY(2, 0))
		bg.Resize(fyne.NewSize(fyne.MeasureText(c.Text, capSize, c.TextStyle).Width+4, capSize*1.3))
		bg.Hidden = c.Hidden
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
