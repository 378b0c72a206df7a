package app

import (
	"math"
	"sort"

	"github.com/copytrail/copytrail/provenance"
)

// ringMaxNodes is the largest group laid out on a ring; larger ones are
// laid out in a grid.
const ringMaxNodes = 16

// layoutRings places the nodes of a graph whose direction must not show
// (outlets and dates hidden): each group of articles joined by shared text
// on its own ring (a grid when large), nodes in label order, groups side
// by side, largest first, wrapping into rows. Nothing in the positions
// depends on dates, sources or edge direction. Labels are truncated to
// LabelWidth and no two label rectangles overlap.
func layoutRings(l *GraphLayout, opt LayoutOptions) {
	l.Undirected, l.Bow = true, 0
	lines := float32(1)
	for _, n := range l.Nodes {
		if n.Detail != "" {
			lines = 2
		}
	}
	rowH := 2*opt.Radius + 3 + lines*opt.LineHeight + layoutGapY
	l.RowHeight = rowH
	colW := opt.LabelWidth + layoutGapX
	groups := components(len(l.Nodes), l.Edges)
	for _, g := range groups {
		sort.SliceStable(g, func(a, b int) bool { return naturalLess(l.Nodes[g[a]].Title, l.Nodes[g[b]].Title) })
	}
	sort.SliceStable(groups, func(a, b int) bool { return len(groups[a]) > len(groups[b]) })
	for i := range l.Nodes {
		n := &l.Nodes[i]
		n.TitleLine = truncateToWidth(n.Title, opt.LabelWidth, opt.Measure)
		n.DetailLine = truncateToWidth(n.Detail, opt.LabelWidth, opt.Measure)
	}
	label := func(n *GraphNode) {
		w := max(opt.Measure(n.TitleLine), opt.Measure(n.DetailLine))
		n.Label = Rect{X: n.X - w/2, Y: n.Y + opt.Radius + 3, W: w, H: lines * opt.LineHeight}
	}
	// Lay each group out around (0, 0), then shelf-pack the groups.
	boxes := make([]box, len(groups))
	for gi, g := range groups {
		placeGroup(l, g, colW, rowH, label)
		boxes[gi] = groupBox(l, g, opt.Radius)
	}
	shelfPack(l, groups, boxes, func(n *GraphNode, gi int) { n.Layer, n.ColumnIndex = gi, 0 })
}

// box is a group's bounding box in layout units.
type box struct{ x0, y0, x1, y1 float32 }

// groupBox is the box round a group's nodes and labels.
func groupBox(l *GraphLayout, g []int, radius float32) box {
	b := box{x0: math.MaxFloat32, y0: math.MaxFloat32, x1: -math.MaxFloat32, y1: -math.MaxFloat32}
	for _, v := range g {
		n := l.Nodes[v]
		b.x0, b.x1 = min(b.x0, n.X-radius, n.Label.X), max(b.x1, n.X+radius, n.Label.X+n.Label.W)
		b.y0, b.y1 = min(b.y0, n.Y-radius), max(b.y1, n.Label.Y+n.Label.H)
	}
	return b
}

// shelfPack moves each group (its box given) into shelves: side by side,
// in the order given, wrapping into a new shelf past a width that makes
// the whole about 1.6 times as wide as tall; each moved node is passed to
// moved with its group's index. It sets the layout's width and height and
// returns each group's shift.
func shelfPack(l *GraphLayout, groups [][]int, boxes []box, moved func(n *GraphNode, gi int)) []Point {
	area := float32(0)
	widest := float32(0)
	for _, b := range boxes {
		area += (b.x1 - b.x0 + layoutGapX) * (b.y1 - b.y0 + layoutGapY)
		widest = max(widest, b.x1-b.x0)
	}
	rowWidth := max(float32(math.Sqrt(float64(area)))*1.6, widest)
	x, y, shelf := float32(layoutMargin), float32(layoutMargin), float32(0)
	l.Width = 0
	shifts := make([]Point, len(groups))
	for gi, g := range groups {
		b := boxes[gi]
		w, h := b.x1-b.x0, b.y1-b.y0
		if x > layoutMargin && x+w > rowWidth+layoutMargin {
			x, y, shelf = layoutMargin, y+shelf+2*layoutGapY, 0
		}
		dx, dy := x-b.x0, y-b.y0
		shifts[gi] = Point{dx, dy}
		for _, v := range g {
			n := &l.Nodes[v]
			n.X, n.Y = n.X+dx, n.Y+dy
			n.Label.X, n.Label.Y = n.Label.X+dx, n.Label.Y+dy
			moved(n, gi)
		}
		x += w + 2*layoutGapX
		shelf = max(shelf, h)
		l.Width = max(l.Width, x)
	}
	l.Width += layoutMargin
	l.Height = y + shelf + layoutMargin
	return shifts
}

// placeGroup puts one group's nodes around (0, 0): a pair side by side, a
// ring up to ringMaxNodes, else a grid. A ring grows until no two labels
// overlap.
func placeGroup(l *GraphLayout, g []int, colW, rowH float32, label func(*GraphNode)) {
	n := len(g)
	switch {
	case n <= 2:
		for k, v := range g {
			l.Nodes[v].X, l.Nodes[v].Y = float32(k)*colW*1.5, 0
			label(&l.Nodes[v])
		}
	case n <= ringMaxNodes+4 && hubs(l, g) > 0 && hubs(l, g) < n-1:
		// The sources outside the collection in the middle (one at the
		// centre, more on a small inner ring), the articles that took from
		// them around them: spokes, not chords.
		var hub, rim []int
		for _, v := range g {
			if l.Nodes[v].Absent {
				hub = append(hub, v)
			} else {
				rim = append(rim, v)
			}
		}
		inner := float32(0)
		if len(hub) > 1 {
			inner = max(colW/(2*float32(math.Sin(math.Pi/float64(len(hub))))), rowH)
		}
		outer := max(colW/(2*float32(math.Sin(math.Pi/float64(max(len(rim), 2))))), inner+2*rowH)
		for try := 0; try < 20; try++ {
			for _, ring := range []struct {
				vs []int
				r  float32
			}{{hub, inner}, {rim, outer}} {
				for k, v := range ring.vs {
					a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(len(ring.vs))
					l.Nodes[v].X, l.Nodes[v].Y = ring.r*float32(math.Cos(a)), ring.r*float32(math.Sin(a))
					label(&l.Nodes[v])
				}
			}
			if !labelsOverlap(l, g) {
				break
			}
			inner, outer = inner*1.15, outer*1.15
		}
	case n <= ringMaxNodes:
		radius := max(colW/(2*float32(math.Sin(math.Pi/float64(n)))), rowH)
		for try := 0; try < 20; try++ {
			for k, v := range g {
				a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(n)
				l.Nodes[v].X, l.Nodes[v].Y = radius*float32(math.Cos(a)), radius*float32(math.Sin(a))
				label(&l.Nodes[v])
			}
			if !labelsOverlap(l, g) {
				break
			}
			radius *= 1.15
		}
	default:
		cols := int(math.Ceil(math.Sqrt(float64(n))))
		for k, v := range g {
			l.Nodes[v].X, l.Nodes[v].Y = float32(k%cols)*colW, float32(k/cols)*rowH*1.5
			label(&l.Nodes[v])
		}
	}
}

// hubs counts a group's absent sources, drawn in its middle.
func hubs(l *GraphLayout, g []int) int {
	n := 0
	for _, v := range g {
		if l.Nodes[v].Absent {
			n++
		}
	}
	return n
}

// labelsOverlap reports whether any two labels of the group overlap.
func labelsOverlap(l *GraphLayout, g []int) bool {
	for i, a := range g {
		for _, b := range g[i+1:] {
			if l.Nodes[a].Label.Overlaps(l.Nodes[b].Label) {
				return true
			}
		}
	}
	return false
}

// components groups node indexes joined by edges (union-find).
func components(n int, edges []GraphEdge) [][]int {
	var sets provenance.DisjointSets[int]
	for _, e := range edges {
		if e.From >= 0 && e.To >= 0 && e.From < n && e.To < n {
			sets.Union(e.From, e.To)
		}
	}
	index := map[int]int{}
	var out [][]int
	for v := 0; v < n; v++ {
		r := sets.Find(v)
		k, ok := index[r]
		if !ok {
			k = len(out)
			index[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], v)
	}
	return out
}

// naturalLess orders labels with their numbers read as numbers:
// "Article 9" before "Article 10".
func naturalLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
