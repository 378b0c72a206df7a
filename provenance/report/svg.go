package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/graphlayout"
	"github.com/copytrail/copytrail/provenance/palette"
)

// MaxGraphNodes is the most documents the report's graph draws; larger
// collections show the nodes of their strongest links and say so.
const MaxGraphNodes = 60

// svgGraph is the inline SVG picture of the provenance graph.
type svgGraph struct {
	W, H    float64
	Empty   bool
	Note    string
	Columns []svgCol
	Nodes   []svgNode
	Edges   []svgEdge
	Markers []svgMarker
}

type svgCol struct {
	X, Mid, H float64
	Label     string
	Rule      bool
}

type svgNode struct {
	X, Y, W, H         float64
	Label, Label2, Sub string
	Full, Anchor       string
	SubDY              float64
	Fill, Stroke       string
}

type svgEdge struct {
	X1, Y1, X2, Y2, Width, LX, LY float64
	// Path, when set, is the edge as an SVG path (a curve bowing past the
	// cards of one column); X1…Y2 are its ends.
	Path                      string
	Kind, Color, Label, Title string
	Dashed                    bool
	// Arrow: a copy link, drawn with an arrowhead. Common-source and
	// undecided links claim no direction and are plain lines.
	Arrow bool
}

type svgMarker struct{ ID, Color string }

const (
	svgW    = 1150.0
	nodeH   = 62.0
	rowH    = 84.0
	topPad  = 40.0
	charW   = 7.0 // average width of a 13px sans-serif character
	maxNode = 230.0
)

func buildGraph(g graphlayout.Graph, anchors map[string]string) svgGraph {
	if len(g.Nodes) == 0 {
		return svgGraph{Empty: true}
	}
	total := articles(g)
	g, complete := export.SlideGraph(g, MaxGraphNodes)
	l := graphlayout.Compute(g)
	sg := svgGraph{W: svgW, H: topPad + float64(max(l.Rows, 1))*rowH + 10}
	if !complete {
		sg.Note = fmt.Sprintf("Showing %d of %d articles: those of the strongest links.", articles(g), total)
	}
	cols := max(len(l.Columns), 1)
	colW := svgW / float64(cols)
	nw := math.Min(maxNode, colW*0.74)
	for i, c := range l.Columns {
		lab := c.Label
		if !l.ByDate {
			lab = strings.Replace(lab, "step", "Step", 1)
		}
		sg.Columns = append(sg.Columns, svgCol{X: float64(i) * colW, Mid: (float64(i) + 0.5) * colW, H: sg.H,
			Label: clip(lab, int(colW/charW)), Rule: i > 0})
	}
	areaH := sg.H - topPad
	pos := func(id string) (float64, float64) {
		p := l.Pos[id]
		return p.X * svgW, topPad + p.Y*areaH
	}
	colors := export.OutletColors(g)
	for _, n := range g.Nodes {
		x, y := pos(n.ID)
		k := colors[n.Outlet]
		sub := export.JoinKnown(" · ", n.Outlet, export.DateOnly(n.Date))
		l1, l2 := twoLines(n.Label, int((nw-12)/charW))
		subDY := 52.0
		if l2 == "" {
			subDY = 38
		}
		fill, stroke := palette.Hex(palette.PassageTint(k)), palette.Hex(palette.Passage(k))
		if n.Absent { // a source outside the collection: white, in the common source's colour
			sub = "not in the collection"
			fill, stroke = "#FFFFFF", palette.Hex(palette.Link(provenance.LinkCommonSource))
		}
		sg.Nodes = append(sg.Nodes, svgNode{X: x - nw/2, Y: y - nodeH/2, W: nw, H: nodeH,
			Label: l1, Label2: l2, SubDY: subDY, Sub: clip(sub, int((nw-12)/(charW*0.85))),
			Full: n.Label + " — " + sub, Anchor: anchors[n.ID], Fill: fill, Stroke: stroke})
	}
	seen := map[string]bool{}
	for _, e := range g.Edges {
		if e.Source == e.Target {
			continue
		}
		x0, y0 := pos(e.Source)
		x1, y1 := pos(e.Target)
		sx, sy := graphlayout.BoxExit(x0, y0, x1, y1, nw/2+1, nodeH/2+1)
		tx, ty := graphlayout.BoxExit(x1, y1, x0, y0, nw/2+3, nodeH/2+3)
		kind := kindClass(e.Kind)
		col := palette.Hex(export.EdgeColor(e))
		arrow := e.Kind == "copy"
		if arrow && !seen[kind] {
			seen[kind] = true
			sg.Markers = append(sg.Markers, svgMarker{ID: "arrow-" + kind, Color: col})
		}
		lab := fmt.Sprintf("%.0f%%", e.Confidence*100)
		title := fmt.Sprintf("%s, confidence %s, %s in %s", kindText(e.Kind), lab, plural(e.Words, "shared word", "shared words"), plural(e.Passages, "passage", "passages"))
		if e.Kind == "unknown" {
			lab = "?"
			title = fmt.Sprintf("direction undecided, %s in %s", plural(e.Words, "shared word", "shared words"), plural(e.Passages, "passage", "passages"))
		}
		lx, ly, path := (sx+tx)/2, (sy+ty)/2, ""
		if math.Abs(x1-x0) < 1 && math.Abs(y1-y0) > 1 {
			// Two cards of one column: a straight line would run behind
			// the cards between them, so the edge bows out to the right,
			// from card edge to card edge, within the column's margin.
			sx, sy, tx, ty = x0+nw/2, y0, x1+nw/2+2, y1
			cx, cy := sx+graphlayout.ColumnBow(y1-y0, colW/2-nw/2-26), (sy+ty)/2
			path = fmt.Sprintf("M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f", sx, sy, cx, cy, tx, ty)
			lx, ly = (sx+2*cx+tx)/4, (sy+2*cy+ty)/4 // the curve's apex
		}
		if math.Hypot(tx-sx, ty-sy) < 60 {
			lab = "" // no room: the tooltip and the link list carry it
		}
		sg.Edges = append(sg.Edges, svgEdge{X1: sx, Y1: sy, X2: tx, Y2: ty, Width: 1.5 + 2.5*e.Confidence,
			LX: lx, LY: ly, Path: path, Kind: kind, Color: col, Label: lab,
			Title: title, Dashed: !arrow, Arrow: arrow})
	}
	return sg
}

// articles counts a graph's documents, not the absent sources beside them.
func articles(g graphlayout.Graph) int {
	n := 0
	for _, nd := range g.Nodes {
		if !nd.Absent {
			n++
		}
	}
	return n
}

// clip shortens s to at most n characters with an ellipsis.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if n < 2 || len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// twoLines breaks s at a space into at most two lines of n characters, the
// second clipped with an ellipsis.
func twoLines(s string, n int) (string, string) {
	words := strings.Fields(s)
	first := ""
	for i, w := range words {
		try := strings.TrimSpace(first + " " + w)
		if len([]rune(try)) > n {
			if first == "" {
				return clip(s, n), ""
			}
			return first, clip(strings.Join(words[i:], " "), n)
		}
		first = try
	}
	return first, ""
}

// plural formats a count with the right noun form: "1 passage", "3 passages".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
