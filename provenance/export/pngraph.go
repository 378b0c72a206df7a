package export

import (
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/graphlayout"
	"github.com/copytrail/copytrail/provenance/palette"
)

// MaxSlideNodes is the most nodes a slide picture shows; larger graphs keep
// the nodes of their strongest edges and say so in the caption.
const MaxSlideNodes = 24

// GraphTitle is the heading of a document graph picture.
func GraphTitle(r *provenance.Result) string {
	return fmt.Sprintf("Who copied whom: %d articles, %d links", len(r.Documents), len(r.Links))
}

// SlideGraph keeps at most max nodes of g: those of its strongest edges
// first. shown is false when something was left out.
func SlideGraph(g graphlayout.Graph, max int) (out graphlayout.Graph, complete bool) {
	if len(g.Nodes) <= max {
		return g, true
	}
	keep := map[string]bool{}
	var ids []string
	for _, e := range g.SortedEdges() {
		need := 0
		for _, id := range []string{e.Source, e.Target} {
			if !keep[id] {
				need++
			}
		}
		if len(ids)+need > max {
			continue
		}
		for _, id := range []string{e.Source, e.Target} {
			if !keep[id] {
				keep[id] = true
				ids = append(ids, id)
			}
		}
	}
	for _, n := range g.Nodes {
		if len(ids) >= max {
			break
		}
		if !keep[n.ID] {
			keep[n.ID] = true
			ids = append(ids, n.ID)
		}
	}
	return g.Restrict(ids...), false
}

// GraphPNG draws g as a 1920×1080 PNG for slides: columns by date (or
// steps), nodes as cards coloured by outlet, arrows from source to reuser
// coloured by link kind and as thick as they are confident, each labelled
// with kind and confidence, and a legend.
func GraphPNG(w io.Writer, g graphlayout.Graph, title string) error {
	c, err := newCanvas(SlideWidth, SlideHeight)
	if err != nil {
		return fmt.Errorf("graph png: %w", err)
	}
	total := len(g.Nodes)
	g, complete := SlideGraph(g, MaxSlideNodes)
	c.text(c.face(40, true), 60, 78, fit(c.face(40, true), title, SlideWidth-120), palette.Ink)
	sub := "Arrows point from where the text came from to the article that reused it."
	if !complete {
		sub = fmt.Sprintf("Showing %d of %d nodes: those of the strongest links. ", len(g.Nodes), total) + sub
	}
	c.text(c.face(22, false), 60, 116, sub, palette.Muted)

	l := graphlayout.Compute(g)
	const top, bottom, left, right = 190.0, 970.0, 50.0, SlideWidth - 50.0
	areaW, areaH := right-left, bottom-top
	cols := max(len(l.Columns), 1)
	colW := areaW / float64(cols)
	rows := max(l.Rows, 1)
	bw := math.Min(340, colW*0.78)
	bh := math.Min(96, areaH/float64(rows)*0.78)
	big := math.Min(22, math.Max(13, bh*0.3))
	small := math.Min(18, math.Max(11, bh*0.24))
	for i, col := range l.Columns {
		x := left + float64(i)*colW
		if i > 0 {
			c.rect(x, top-30, 1.5, areaH+30, palette.Rule)
		}
		lab := col.Label
		if !l.ByDate {
			lab = strings.Replace(lab, "step", "Step", 1)
		}
		f := c.face(18, true)
		lab = fit(f, lab, colW-16)
		c.text(f, x+colW/2-measure(f, lab)/2, top-8, lab, palette.Muted)
	}
	pos := func(id string) (float64, float64) {
		p := l.Pos[id]
		return left + p.X*areaW, top + p.Y*areaH
	}
	// Edges under nodes, labels over edges.
	type label struct {
		x, y float64
		s    string
		col  color.RGBA
	}
	var labels []label
	for _, e := range g.Edges {
		if e.Source == e.Target {
			continue
		}
		x0, y0 := pos(e.Source)
		x1, y1 := pos(e.Target)
		sx, sy := graphlayout.BoxExit(x0, y0, x1, y1, bw/2+2, bh/2+2)
		tx, ty := graphlayout.BoxExit(x1, y1, x0, y0, bw/2+4, bh/2+4)
		col := EdgeColor(e)
		lx, ly := (sx+tx)/2, (sy+ty)/2
		if math.Abs(x1-x0) < 1 && math.Abs(y1-y0) > 1 {
			// Two cards of one column: the edge bows out right of the
			// cards between them (as in the HTML report), drawn as short
			// segments with the arrowhead on the last.
			sx, sy, tx, ty = x0+bw/2+2, y0, x1+bw/2+4, y1
			cx, cy := sx+graphlayout.ColumnBow(y1-y0, colW/2-bw/2-40), (sy+ty)/2
			const steps = 24
			px, py := sx, sy
			for i := 1; i < steps; i++ {
				t := float64(i) / steps
				qx := (1-t)*(1-t)*sx + 2*(1-t)*t*cx + t*t*tx
				qy := (1-t)*(1-t)*sy + 2*(1-t)*t*cy + t*t*ty
				if i < steps-4 {
					c.line(px, py, qx, qy, 2+4*e.Confidence, col)
					px, py = qx, qy
				}
			}
			edgeEnd(c, e, px, py, tx, ty, col) // the last fifth straight: room for the head
			lx, ly = (sx+2*cx+tx)/4, (sy+2*cy+ty)/4
		} else {
			edgeEnd(c, e, sx, sy, tx, ty, col)
		}
		s := fmt.Sprintf("%.0f%%", e.Confidence*100)
		if e.Kind != "" && e.Kind != provenance.LinkCopy {
			s = string(e.Kind) + " " + s
		}
		labels = append(labels, label{lx, ly, s, col})
	}
	colors := OutletColors(g)
	for _, n := range g.Nodes {
		x, y := pos(n.ID)
		k := colors[n.Outlet]
		c.roundRect(x-bw/2, y-bh/2, bw, bh, 10, palette.Passage(k))
		c.roundRect(x-bw/2+3, y-bh/2+3, bw-6, bh-6, 8, palette.PassageTint(k))
		fb, fs := c.face(big, true), c.face(small, false)
		line2 := JoinKnown(" · ", n.Outlet, DateOnly(n.Date))
		if g.Outlets {
			line2 = plural(n.Articles, "article")
		}
		title := wrap(fb, n.Label, bw-24, 1)
		if bh >= 80 {
			title = wrap(fb, n.Label, bw-24, 2)
		}
		lines := len(title)
		if line2 != "" {
			lines++
		}
		lh := big * 1.2
		ty := y - float64(lines)*lh/2 + big*0.95
		for _, tl := range title {
			c.text(fb, x-bw/2+12, ty, tl, palette.Ink)
			ty += lh
		}
		if line2 != "" {
			c.text(fs, x-bw/2+12, ty-big*0.1, fit(fs, line2, bw-24), palette.Ink)
		}
	}
	for _, lb := range labels {
		f := c.face(18, true)
		tw := measure(f, lb.s)
		c.roundRect(lb.x-tw/2-8, lb.y-14, tw+16, 28, 14, palette.Paper)
		c.roundRect(lb.x-tw/2-8, lb.y-14, tw+16, 28, 14, palette.Mix(lb.col, palette.Paper, 0.15))
		c.text(f, lb.x-tw/2, lb.y+6, lb.s, palette.Ink)
	}
	legend(c, 60, 1030)
	return encodePNG(w, c)
}

// edgeEnd draws an edge's (last) segment: with an arrowhead for a copy
// link (an outlet graph's edges aggregate copy links), a plain line for a
// common source or an undecided link, which claim no direction.
func edgeEnd(c *canvas, e graphlayout.Edge, x0, y0, x1, y1 float64, col color.RGBA) {
	if e.Kind == "" || e.Kind == provenance.LinkCopy {
		c.arrow(x0, y0, x1, y1, 2+4*e.Confidence, col)
		return
	}
	c.line(x0, y0, x1, y1, 2+4*e.Confidence, col)
}

// legend explains the edge colours along the bottom.
func legend(c *canvas, x, y float64) {
	f := c.face(20, false)
	for _, k := range []provenance.LinkKind{provenance.LinkCopy, provenance.LinkCommonSource, provenance.LinkUnknown} {
		c.line(x, y-7, x+44, y-7, 5, palette.Link(k))
		name := map[provenance.LinkKind]string{provenance.LinkCopy: "copied (arrow: source → reuser)",
			provenance.LinkCommonSource: "both took it from a common source", provenance.LinkUnknown: "shared text, direction unknown"}[k]
		c.text(f, x+54, y, name, palette.Ink)
		x += 54 + measure(f, name) + 40
	}
	c.text(f, x, y, "% = confidence · card colour = outlet", palette.Muted)
}

func encodePNG(w io.Writer, c *canvas) error {
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(w, c.img); err != nil {
		return fmt.Errorf("png: %w", err)
	}
	return nil
}

// plural writes "1 article", "2 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
