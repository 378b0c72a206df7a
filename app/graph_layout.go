package app

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/store"
)

// GraphNode is one node of the provenance graph (an article or an outlet):
// the caller fills the descriptive fields, LayoutGraph fills the geometry.
type GraphNode struct {
	ID     string
	Title  string // first label line
	Detail string // second label line (the outlet); "" for none
	When   string // publication day or "undated", for the details panel
	Group  string // colour group (the outlet)
	Time   time.Time
	Dated  bool
	// Absent: not an article but the source that common-source links name
	// (a text that is not in the collection); its edges run to the
	// articles that took from it.
	Absent bool

	// Set by LayoutGraph.
	Layer       int
	X, Y        float32 // centre of the node's circle
	Label       Rect    // bounding box of the label lines
	TitleLine   string  // Title truncated to fit
	DetailLine  string  // Detail truncated to fit
	ColumnIndex int     // index into GraphLayout.Columns; -1 in the undated band
}

// GraphEdge is one arrow (or, for common sources, a plain line).
type GraphEdge struct {
	From, To   int // indexes into the node slice: From is the source
	Kind       provenance.LinkKind
	Confidence float64
	Words      int // words reused; sets the line width
	Reasons    []string
	// Link indexes Result.Links, or -1 for an aggregated outlet edge.
	Link int
	// Verdict is the user's verdict on the link (confirmed edges are drawn
	// solid and bold, dismissed ones faded).
	Verdict store.Verdict
}

// Rect is an axis-aligned rectangle in layout units.
type Rect struct{ X, Y, W, H float32 }

// Overlaps reports whether two rectangles share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// GraphColumn is a column header: a date range, "undated" or a level.
type GraphColumn struct {
	X, W  float32
	Label string
}

// GraphLayout is the positioned graph, in layout units (1 unit = 1 px at zoom 1).
type GraphLayout struct {
	Nodes         []GraphNode
	Edges         []GraphEdge
	Columns       []GraphColumn
	Width, Height float32
	ByDate        bool    // columns are dates (else longest-path levels)
	MaxWords      int     // largest Edge.Words, for scaling widths
	Bow           float32 // how far an edge between two nodes of one column bows left (at most)
	RowHeight     float32 // vertical distance between nodes of a column
	// Undirected: laid out by layoutRings and drawn as plain lines, with
	// nothing that shows a direction (outlets and dates hidden).
	Undirected bool
	// UndatedY is the top of the band of undated articles below the date
	// columns (0 when there is none).
	UndatedY float32
	// ColumnWidth is the width of one column (a label and its gap).
	ColumnWidth float32
	// Stories are the blocks of an undated graph of several connected
	// groups (packStories), each with a caption strip at its top.
	Stories []GraphStory
}

// GraphStory is one connected group laid out as a block of its own.
type GraphStory struct {
	Box     Rect   // the block, its caption strip included, in layout units
	Caption string // what the group is: its most linked article and its size
}

// LayoutOptions tunes LayoutGraph. Zero values take the defaults noted.
type LayoutOptions struct {
	// ByDate lays columns out by publication date when any node is dated.
	ByDate bool
	// Measure returns the width of a label line; default ~7 units a rune.
	Measure func(s string) float32
	// LabelWidth is the widest label line (default 150).
	LabelWidth float32
	// LineHeight is the height of one label line (default 16).
	LineHeight float32
	// Radius is the node circle radius (default 9).
	Radius float32
	// MaxColumns caps the number of date columns (default 30): more dates are bucketed.
	MaxColumns int
	// Undirected lays groups of linked nodes out on rings, in label order,
	// with nothing that depends on dates or direction (see layoutRings).
	Undirected bool
	// Aspect is the width over the height of the area the graph is shown
	// in (0: not known). Tall columns then wrap at about as many rows as
	// make the graph as wide as the area for its height, so that fitting
	// it shows it large, instead of at a fixed count that makes a wide
	// strip in a tall pane.
	Aspect float32
}

const (
	layoutGapX    = 24
	layoutGapY    = 10
	layoutHeaderH = 28
	layoutMargin  = 16
)

func (o *LayoutOptions) defaults() {
	if o.Measure == nil {
		o.Measure = func(s string) float32 { return 7 * float32(utf8.RuneCountInString(s)) }
	}
	if o.LabelWidth <= 0 {
		o.LabelWidth = 150
	}
	if o.LineHeight <= 0 {
		o.LineHeight = 16
	}
	if o.Radius <= 0 {
		o.Radius = 9
	}
	if o.MaxColumns <= 0 {
		o.MaxColumns = 30
	}
}

// LayoutGraph positions nodes left to right: by publication date when
// opt.ByDate and dates exist (undated nodes in a band below, each under the
// dated articles it shares text with: see placeUndated), otherwise in
// longest-path levels of the copy edges (sources left of their copies);
// linked articles with neither dates nor a copy link between them go on
// rings, as in hidden mode, rather than into one column.
// Tall columns wrap into sub-columns and odd sub-columns are staggered by half
// a row; labels are truncated with an ellipsis to LabelWidth, so no two label
// rectangles overlap. Nodes and edges are copied, not modified.
func LayoutGraph(nodes []GraphNode, edges []GraphEdge, opt LayoutOptions) GraphLayout {
	opt.defaults()
	l := GraphLayout{Nodes: append([]GraphNode(nil), nodes...), Edges: append([]GraphEdge(nil), edges...)}
	for _, e := range l.Edges {
		l.MaxWords = max(l.MaxWords, e.Words)
	}
	if len(l.Nodes) == 0 {
		return l
	}
	if opt.Undirected {
		layoutRings(&l, opt)
		return l
	}
	var headers []string
	var columns [][]int
	dated := false
	for _, n := range l.Nodes {
		dated = dated || n.Dated
	}
	if opt.ByDate && dated {
		l.ByDate = true
		var undated []int
		columns, headers, undated = dateColumns(l.Nodes, opt.MaxColumns)
		place(&l, columns, headers, opt)
		placeUndated(&l, undated, opt)
		return l
	}
	if groups := components(len(l.Nodes), l.Edges); len(groups) > 1 {
		packStories(&l, groups, opt)
		return l
	}
	columns, headers = levelColumns(l.Nodes, l.Edges)
	if len(columns) == 1 && len(columns[0]) > 2 && len(l.Edges) > 0 {
		// No dates and no copy link to order the articles by: one column
		// would bundle every link into one tangle of arcs. On rings each
		// line can be followed; the links keep their kinds and arrows.
		layoutRings(&l, opt)
		l.Undirected = false
		return l
	}
	place(&l, columns, headers, opt)
	return l
}

// packStories lays out each connected group (a story: articles joined by
// links of any kind) on its own, in levels or on a ring as LayoutGraph
// would lay it out alone, and shelf-packs the groups, largest first: with
// no dates to put every story on one time axis, levels of different
// stories have nothing in common, and one set of columns for all of them
// interleaves their articles and crosses their links. Column headers are
// kept per group (shifted with it); the renderer shows them only for dates.
func packStories(l *GraphLayout, groups [][]int, opt LayoutOptions) {
	sort.SliceStable(groups, func(a, b int) bool { return len(groups[a]) > len(groups[b]) })
	at := make([]int, len(l.Nodes)) // a node's index in its group
	for _, g := range groups {
		for k, v := range g {
			at[v] = k
		}
	}
	group := make([]int, len(l.Nodes))
	for gi, g := range groups {
		for _, v := range g {
			group[v] = gi
		}
	}
	subEdges := make([][]GraphEdge, len(groups))
	for _, e := range l.Edges {
		if e.From < 0 || e.To < 0 || e.From >= len(l.Nodes) || e.To >= len(l.Nodes) {
			continue
		}
		gi := group[e.From]
		e.From, e.To = at[e.From], at[e.To]
		subEdges[gi] = append(subEdges[gi], e)
	}
	boxes := make([]box, len(groups))
	columnBase := make([]int, len(groups))
	subColumns := make([][]GraphColumn, len(groups))
	directed := false
	for gi, g := range groups {
		nodes := make([]GraphNode, len(g))
		for k, v := range g {
			nodes[k] = l.Nodes[v]
		}
		sub := LayoutGraph(nodes, subEdges[gi], opt) // one group: laid out whole
		for k, v := range g {
			l.Nodes[v] = sub.Nodes[k]
		}
		boxes[gi] = groupBox(l, g, opt.Radius)
		boxes[gi].x0 -= layoutGapX                         // room for the arcs that bow left of a column
		boxes[gi].y0 -= storyCaptionLines * opt.LineHeight // and for the caption
		columnBase[gi] = len(l.Columns)
		subColumns[gi] = sub.Columns
		l.Columns = append(l.Columns, sub.Columns...)
		l.RowHeight = max(l.RowHeight, sub.RowHeight)
		directed = directed || !sub.Undirected
	}
	shifts := shelfPack(l, groups, boxes, func(n *GraphNode, gi int) {
		if len(subColumns[gi]) == 0 {
			n.ColumnIndex = -1 // a ring has no columns
		} else if n.ColumnIndex >= 0 {
			n.ColumnIndex += columnBase[gi]
		}
	})
	for gi, g := range groups {
		for c := range subColumns[gi] {
			l.Columns[columnBase[gi]+c].X += shifts[gi].X
		}
		b := boxes[gi]
		l.Stories = append(l.Stories, GraphStory{
			Box:     Rect{X: b.x0 + shifts[gi].X, Y: b.y0 + shifts[gi].Y, W: b.x1 - b.x0, H: b.y1 - b.y0},
			Caption: storyCaption(l, g, subEdges[gi]),
		})
	}
	l.ColumnWidth = opt.LabelWidth + layoutGapX
	if directed {
		l.Bow = opt.LabelWidth/2 + layoutGapX - 4
	}
}

// storyCaptionLines is the height of a story's caption strip, in label lines.
const storyCaptionLines = 3

// storyCaption names a story by its most linked article with a headline
// (the first of them in title order on a tie; a file name or a title of
// one or two words only when no article has better) and counts its
// articles: "“Fares rise again” and 5 more", as the overview names its groups.
func storyCaption(l *GraphLayout, g []int, edges []GraphEdge) string {
	degree := make([]int, len(g))
	for _, e := range edges {
		degree[e.From]++
		degree[e.To]++
	}
	headline := func(k int) bool {
		t := l.Nodes[g[k]].Title
		return len(strings.Fields(t)) >= 3 && !fileNameRE.MatchString(t)
	}
	best, articles := -1, 0
	for k := range g {
		if l.Nodes[g[k]].Absent {
			continue // a source outside the collection is no article of the story
		}
		articles++
		if best < 0 {
			best = k
			continue
		}
		if hk, hb := headline(k), headline(best); hk != hb {
			if hk {
				best = k
			}
			continue
		}
		if degree[k] > degree[best] || (degree[k] == degree[best] && naturalLess(l.Nodes[g[k]].Title, l.Nodes[g[best]].Title)) {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	title := l.Nodes[g[best]].Title
	switch articles {
	case 1:
		return "“" + title + "”"
	case 2:
		return "“" + title + "” and 1 more"
	}
	return "“" + title + "” and " + strconv.Itoa(articles-1) + " more"
}

// fileNameRE matches a label that is a file's name (an article without a title).
var fileNameRE = regexp.MustCompile(`(?i)\.(?:txt|html?|md|pdf|json|xml|docx?)$`)

// dateColumns groups the dated nodes by calendar day (bucketed to at most
// maxCols columns), ordered by time inside a column, and returns the
// undated ones apart.
func dateColumns(nodes []GraphNode, maxCols int) ([][]int, []string, []int) {
	var dated, undated []int
	for i, n := range nodes {
		if n.Dated {
			dated = append(dated, i)
		} else {
			undated = append(undated, i)
		}
	}
	sort.SliceStable(dated, func(a, b int) bool { return nodes[dated[a]].Time.Before(nodes[dated[b]].Time) })
	var days []string
	dayOf := make([]int, len(dated))
	for k, i := range dated {
		d := showDay(nodes[i].Time)
		if len(days) == 0 || days[len(days)-1] != d {
			days = append(days, d)
		}
		dayOf[k] = len(days) - 1
	}
	buckets := min(len(days), maxCols)
	columns := make([][]int, buckets)
	first := make([]string, buckets)
	last := make([]string, buckets)
	for k, i := range dated {
		b := dayOf[k] * buckets / len(days)
		columns[b] = append(columns[b], i)
		if first[b] == "" {
			first[b] = days[dayOf[k]]
		}
		last[b] = days[dayOf[k]]
	}
	headers := make([]string, 0, buckets+1)
	out := columns[:0]
	for b, c := range columns {
		if len(c) == 0 {
			continue
		}
		out = append(out, c)
		if first[b] == last[b] {
			headers = append(headers, first[b])
		} else {
			headers = append(headers, first[b]+" – "+last[b])
		}
	}
	return out, headers, undated
}

// levelColumns assigns longest-path levels over copy edges (cycles broken by
// ignoring back edges of a depth-first search) and orders each level by the
// barycentre of its neighbours in the level before.
func levelColumns(nodes []GraphNode, edges []GraphEdge) ([][]int, []string) {
	n := len(nodes)
	succ := make([][]int, n)
	pred := make([][]int, n)
	for _, e := range edges {
		if e.Kind == provenance.LinkCopy && e.From != e.To && e.From >= 0 && e.To >= 0 && e.From < n && e.To < n {
			succ[e.From] = append(succ[e.From], e.To)
		}
	}
	// Drop back edges so the copy graph is a DAG.
	state := make([]byte, n) // 0 new, 1 on stack, 2 done
	type frame struct{ v, next int }
	for root := 0; root < n; root++ {
		if state[root] != 0 {
			continue
		}
		stack := []frame{{root, 0}}
		state[root] = 1
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next == len(succ[f.v]) {
				state[f.v] = 2
				stack = stack[:len(stack)-1]
				continue
			}
			w := succ[f.v][f.next]
			f.next++
			switch state[w] {
			case 0:
				state[w] = 1
				pred[w] = append(pred[w], f.v)
				stack = append(stack, frame{w, 0})
			case 2:
				pred[w] = append(pred[w], f.v)
			}
		}
	}
	level := make([]int, n)
	done := make([]bool, n)
	var depth func(v int) int
	depth = func(v int) int {
		if done[v] {
			return level[v]
		}
		done[v] = true // pred is acyclic, so no revisit before finishing
		lv := 0
		for _, p := range pred[v] {
			lv = max(lv, depth(p)+1)
		}
		level[v] = lv
		return lv
	}
	top := 0
	for v := range nodes {
		top = max(top, depth(v))
	}
	columns := make([][]int, top+1)
	for v := range nodes {
		columns[level[v]] = append(columns[level[v]], v)
	}
	// The first level is ordered by connected group (groups in the order
	// their first article comes), so that a story's articles stand
	// together when the column wraps and its common-source and undecided
	// lines stay short; each later level follows the mean row of its
	// sources.
	comps := components(n, edges)
	group := groupRanks(n, comps)
	near := bandOrder(n, edges, comps)
	row := make([]float64, n)
	for li, col := range columns {
		if li == 0 {
			sort.SliceStable(col, func(a, b int) bool {
				if ga, gb := group[col[a]], group[col[b]]; ga != gb {
					return ga < gb
				}
				return near[col[a]] < near[col[b]]
			})
		} else {
			key := make(map[int]float64, len(col))
			for _, v := range col {
				sum, cnt := 0.0, 0
				for _, p := range pred[v] {
					sum += row[p]
					cnt++
				}
				if cnt == 0 {
					key[v] = math.Inf(1) // after the sourced ones, by group (below)
				} else {
					key[v] = sum / float64(cnt)
				}
			}
			sort.SliceStable(col, func(a, b int) bool {
				if ka, kb := key[col[a]], key[col[b]]; ka != kb {
					return ka < kb
				}
				return group[col[a]] < group[col[b]]
			})
		}
		for r, v := range col {
			row[v] = float64(r)
		}
	}
	headers := make([]string, len(columns))
	for i := range headers {
		headers[i] = "level " + strconv.Itoa(i+1)
	}
	return columns, headers
}

// bandOrder numbers the nodes in a breadth-first order of the graph's
// links of every kind (the Cuthill–McKee order, which keeps linked nodes
// close in a sequence): each connected group from its most linked node,
// neighbours most linked first. The first level of a story, which wraps
// into sub-columns of a few rows, follows it, so that a source outside
// the collection stands beside the articles that carry it and its lines
// stay short instead of crossing the whole story.
func bandOrder(n int, edges []GraphEdge, comps [][]int) []int {
	adj := make([][]int, n)
	for _, e := range edges {
		if e.From != e.To && e.From >= 0 && e.To >= 0 && e.From < n && e.To < n {
			adj[e.From] = append(adj[e.From], e.To)
			adj[e.To] = append(adj[e.To], e.From)
		}
	}
	byDegree := func(vs []int) {
		sort.SliceStable(vs, func(a, b int) bool { return len(adj[vs[a]]) > len(adj[vs[b]]) })
	}
	order := make([]int, n)
	for i := range order {
		order[i] = -1
	}
	next := 0
	for _, members := range comps {
		start := append([]int(nil), members...)
		byDegree(start)
		queue := []int{start[0]}
		order[start[0]] = next
		next++
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			nb := append([]int(nil), adj[v]...)
			sort.Ints(nb)
			byDegree(nb)
			for _, w := range nb {
				if order[w] < 0 {
					order[w] = next
					next++
					queue = append(queue, w)
				}
			}
		}
	}
	return order
}

// groupRanks numbers each node by its connected group (comps, as
// components gives them: in the order the groups' first nodes come).
func groupRanks(n int, comps [][]int) []int {
	rank := make([]int, n)
	for k, members := range comps {
		for _, v := range members {
			rank[v] = k
		}
	}
	return rank
}

// place turns columns into coordinates, wrapping tall columns.
func place(l *GraphLayout, columns [][]int, headers []string, opt LayoutOptions) {
	lines := float32(1)
	for _, n := range l.Nodes {
		if n.Detail != "" {
			lines = 2
			break
		}
	}
	colW := opt.LabelWidth + layoutGapX
	l.ColumnWidth = colW
	l.Bow = opt.LabelWidth/2 + layoutGapX - 4 // the curve's apex runs in the gap between columns
	rowH := 2*opt.Radius + 3 + lines*opt.LineHeight + layoutGapY
	maxRows := max(8, int(math.Ceil(math.Sqrt(float64(len(l.Nodes)))*1.2)))
	if opt.Aspect > 0 {
		// c sub-columns of r rows, c·r ≈ n, fill an area of aspect A when
		// c·colW ≈ A·r·rowH: r ≈ √(n·colW / (A·rowH)).
		maxRows = max(8, int(math.Ceil(math.Sqrt(float64(len(l.Nodes))*float64(colW)/(float64(opt.Aspect)*float64(rowH))))))
	}
	l.RowHeight = rowH
	x := float32(layoutMargin)
	sub := 0
	tallest := 0
	for ci, col := range columns {
		start := x
		for k := 0; k < len(col); k += maxRows {
			chunk := col[k:min(k+maxRows, len(col))]
			stagger := float32(0)
			if sub%2 == 1 {
				stagger = rowH / 2
			}
			for r, v := range chunk {
				nd := &l.Nodes[v]
				nd.Layer = ci
				nd.ColumnIndex = ci
				nd.X = x + colW/2
				nd.Y = layoutHeaderH + layoutMargin + opt.Radius + stagger + float32(r)*rowH
				nd.TitleLine = truncateToWidth(nd.Title, opt.LabelWidth, opt.Measure)
				nd.DetailLine = truncateToWidth(nd.Detail, opt.LabelWidth, opt.Measure)
				w := max(opt.Measure(nd.TitleLine), opt.Measure(nd.DetailLine))
				nd.Label = Rect{X: nd.X - w/2, Y: nd.Y + opt.Radius + 3, W: w, H: lines * opt.LineHeight}
			}
			tallest = max(tallest, len(chunk))
			x += colW
			sub++
		}
		l.Columns = append(l.Columns, GraphColumn{X: start, W: x - start, Label: headers[ci]})
	}
	l.Width = x + layoutMargin
	l.Height = layoutHeaderH + 2*layoutMargin + float32(tallest)*rowH + rowH/2
}

// truncateToWidth shortens s with an ellipsis until measure(s) <= w. It
// guesses the cut from the mean rune width, then corrects it, so a label
// costs a few measurements rather than a binary search's worth.
func truncateToWidth(s string, w float32, measure func(string) float32) string {
	full := measure(s)
	if s == "" || full <= w {
		return s
	}
	r := []rune(s)
	fits := func(n int) bool { return measure(string(r[:n])+"…") <= w }
	n := int(float32(len(r)) * (w - measure("…")) / full)
	n = min(max(n, 0), len(r)-1)
	for n > 0 && !fits(n) {
		n--
	}
	for n+1 < len(r) && fits(n+1) {
		n++
	}
	return string(r[:n]) + "…"
}

// Point is a position in layout units.
type Point struct{ X, Y float32 }

// curvePieces is how many straight pieces draw a curved edge.
const curvePieces = 16

// EdgePath is the polyline an edge is drawn along, from source centre to
// target centre: straight, except between two nodes stacked in one column,
// where it bows left (a quadratic curve) so it does not run under the labels.
func (l *GraphLayout) EdgePath(e GraphEdge) []Point {
	a, b := l.Nodes[e.From], l.Nodes[e.To]
	if dx := math.Abs(float64(a.X - b.X)); dx > 1.5*float64(l.ColumnWidth) && math.Abs(float64(a.Y-b.Y)) < 1 && l.ColumnWidth > 0 {
		// Two nodes of one row with others between them: arc over them.
		lift := float32(min(dx*0.25, 2*float64(l.RowHeight)))
		return quadratic(Point{a.X, a.Y}, Point{(a.X + b.X) / 2, a.Y - 2*lift}, Point{b.X, b.Y})
	}
	if math.Abs(float64(a.X-b.X)) > 1 || l.Bow == 0 {
		return []Point{{a.X, a.Y}, {b.X, b.Y}}
	}
	// Longer spans bow further (within the gap), so the curves of a chain
	// a→b→c and a→c do not lie on top of each other.
	rows := float32(math.Abs(float64(b.Y-a.Y))) / max(1, l.RowHeight)
	bow := l.Bow - (layoutGapX-8)*(1-min(1, (rows-1)/3))
	// control point: the apex sits bow left
	return quadratic(Point{a.X, a.Y}, Point{a.X - 2*bow, (a.Y + b.Y) / 2}, Point{b.X, b.Y})
}

// quadratic is the curve from a to b pulled towards control point c, in
// curvePieces straight pieces.
func quadratic(a, c, b Point) []Point {
	pts := make([]Point, 0, curvePieces+1)
	for i := 0; i <= curvePieces; i++ {
		t := float32(i) / curvePieces
		u := 1 - t
		pts = append(pts, Point{u*u*a.X + 2*u*t*c.X + t*t*b.X, u*u*a.Y + 2*u*t*c.Y + t*t*b.Y})
	}
	return pts
}

// EdgeAt returns the index of the edge nearest (x, y) within tol, or -1.
func (l *GraphLayout) EdgeAt(x, y, tol float32) int {
	best, bestD := -1, tol
	for i, e := range l.Edges {
		path := l.EdgePath(e)
		for k := 1; k < len(path); k++ {
			if d := segmentDistance(x, y, path[k-1].X, path[k-1].Y, path[k].X, path[k].Y); d <= bestD {
				best, bestD = i, d
			}
		}
	}
	return best
}

// NodeAt returns the index of the node whose circle contains (x, y), or -1.
func (l *GraphLayout) NodeAt(x, y, radius float32) int {
	for i, n := range l.Nodes {
		dx, dy := x-n.X, y-n.Y
		if dx*dx+dy*dy <= radius*radius {
			return i
		}
	}
	return -1
}

// segmentDistance is the distance from point p to segment ab.
func segmentDistance(px, py, ax, ay, bx, by float32) float32 {
	dx, dy := bx-ax, by-ay
	t := float32(0)
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = min(1, max(0, ((px-ax)*dx+(py-ay)*dy)/l2))
	}
	cx, cy := ax+t*dx-px, ay+t*dy-py
	return float32(math.Sqrt(float64(cx*cx + cy*cy)))
}
