package graphlayout

import (
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// Point is a node centre in layout units: X in [0,1] left to right, Y in
// [0,1] top to bottom. Callers scale it to their canvas.
type Point struct{ X, Y float64 }

// Column is one vertical band of the layout.
type Column struct {
	// Label is the band's date ("2024-03-02", or with a time when the
	// collection has several on one day), "undated", or "step N" in a
	// layered layout.
	Label string
	// Nodes are the node IDs in the band, top to bottom.
	Nodes []string
}

// Layout is where each node goes.
type Layout struct {
	// ByDate is true when columns are publication dates (left = earliest).
	ByDate  bool
	Columns []Column
	// Pos is each node's centre.
	Pos map[string]Point
	// Rows is the most nodes in one column.
	Rows int
}

// maxDateColumns: above this many distinct publication times, columns
// become calendar days.
const maxDateColumns = 12

// sweeps of the barycentre heuristic that orders nodes inside columns.
const sweeps = 6

// Compute places g's nodes. When at least one node has a date, columns are
// publication dates, earliest on the left, and undated nodes share a last
// column labelled "undated". Otherwise columns are layers: a node stands
// one step right of the furthest node it took text from (cycles are broken
// at the edge that closes them). Inside a column nodes are ordered to keep
// edges short and crossings few. The result is deterministic.
func Compute(g Graph) Layout {
	cols, byDate := Columns(g)
	l := Layout{ByDate: byDate, Columns: cols, Pos: map[string]Point{}}
	order(l.Columns, g.Edges)
	lanes := map[string]int{}
	// Each connected group (a story's family) gets a band of rows of its
	// own, in the order the barycentre sweeps left the groups: a group's
	// nodes and edges never interleave with another's, so a collection of
	// many stories reads as one block per story.
	offset := 0
	for _, group := range groupColumns(l.Columns, g.Edges) {
		var sub map[string]int
		if group.nodes <= maxLaneSearch {
			sub = assignLanes(group.cols, group.edges)
		} else {
			sub = centredLanes(group.cols)
		}
		offset += packLanes(sub, lanes, offset)
	}
	l.Rows = max(offset, 1) // packLanes leaves no lane of [0, offset) empty
	for ci := range l.Columns {
		c := &l.Columns[ci]
		sort.SliceStable(c.Nodes, func(i, j int) bool { return lanes[c.Nodes[i]] < lanes[c.Nodes[j]] })
		for _, id := range c.Nodes {
			l.Pos[id] = Point{
				X: (float64(ci) + 0.5) / float64(len(l.Columns)),
				Y: (float64(lanes[id]) + 0.5) / float64(l.Rows),
			}
		}
	}
	return l
}

// group is one connected group of a layout: its nodes in the layout's
// columns (same indexes, barycentre order kept) and the edges among them.
type group struct {
	cols  []Column
	edges []Edge
	nodes int
}

// groupColumns splits ordered columns into the graph's connected groups,
// ordered by the mean row their nodes took in the ordering (ties: the
// first node's place in the input), with the nodes that have no link in
// one group last. Edges to nodes not in cols are left out.
func groupColumns(cols []Column, edges []Edge) []group {
	var sets provenance.DisjointSets[string]
	for _, c := range cols {
		for _, id := range c.Nodes {
			sets.Add(id)
		}
	}
	for _, e := range edges {
		if sets.Has(e.Source) && sets.Has(e.Target) {
			sets.Union(e.Source, e.Target)
		}
	}
	// Nodes without a link share one group, laid out last, column by
	// column as before: a row each would waste the page.
	size := map[string]int{}
	for _, c := range cols {
		for _, id := range c.Nodes {
			size[sets.Find(id)]++
		}
	}
	const alone = "\x00alone"
	root := func(id string) string {
		if r := sets.Find(id); size[r] > 1 {
			return r
		}
		return alone
	}
	type acc struct {
		sum   float64
		n     int
		first int
	}
	stats := map[string]*acc{}
	var roots []string
	seq := 0
	for _, c := range cols {
		for i, id := range c.Nodes {
			r := root(id)
			a := stats[r]
			if a == nil {
				a = &acc{first: seq}
				stats[r] = a
				roots = append(roots, r)
			}
			a.sum += float64(i) - float64(len(c.Nodes)-1)/2
			a.n++
			seq++
		}
	}
	sort.SliceStable(roots, func(i, j int) bool {
		if (roots[i] == alone) != (roots[j] == alone) {
			return roots[j] == alone
		}
		a, b := stats[roots[i]], stats[roots[j]]
		ma, mb := a.sum/float64(a.n), b.sum/float64(b.n)
		if ma != mb {
			return ma < mb
		}
		return a.first < b.first
	})
	index := make(map[string]int, len(roots))
	groups := make([]group, len(roots))
	for i, r := range roots {
		index[r] = i
		groups[i].cols = make([]Column, len(cols))
		for ci := range cols {
			groups[i].cols[ci].Label = cols[ci].Label
		}
	}
	for ci, c := range cols {
		for _, id := range c.Nodes {
			gr := &groups[index[root(id)]]
			gr.cols[ci].Nodes = append(gr.cols[ci].Nodes, id)
			gr.nodes++
		}
	}
	for _, e := range edges {
		if !sets.Has(e.Source) || !sets.Has(e.Target) || e.Source == e.Target {
			continue // not in the layout, or a self-link
		}
		gr := &groups[index[root(e.Source)]]
		gr.edges = append(gr.edges, e)
	}
	return groups
}

// centredLanes gives a group too large for the lane search centred
// columns, in barycentre order.
func centredLanes(cols []Column) map[string]int {
	lanes := map[string]int{}
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c.Nodes))
	}
	for _, c := range cols {
		for i, id := range c.Nodes {
			lanes[id] = 2*i + rows - len(c.Nodes) // half-lane steps centre odd columns
		}
	}
	return lanes
}

// packLanes renumbers a group's lanes to consecutive rows from offset (the
// lanes it leaves empty dropped), writes them into lanes, and returns how
// many rows the group takes.
func packLanes(sub, lanes map[string]int, offset int) int {
	distinct := map[int]bool{}
	for _, ln := range sub {
		distinct[ln] = true
	}
	keys := make([]int, 0, len(distinct))
	for k := range distinct {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	rank := make(map[int]int, len(keys))
	for i, k := range keys {
		rank[k] = i
	}
	for id, ln := range sub {
		lanes[id] = offset + rank[ln]
	}
	return len(keys)
}

// maxLaneSearch is the largest graph whose lanes are searched to keep
// long edges off other nodes; larger graphs are laid out column by column
// (the search costs about nodes × rows × edge span).
const maxLaneSearch = 400

// Columns returns the columns of g's layout, their nodes in input order,
// and whether they are publication dates: the cheap first step of Compute,
// for exports that need only the date bands (Graphviz ranks).
func Columns(g Graph) (cols []Column, byDate bool) {
	col := map[string]int{}
	var labels []string
	for _, n := range g.Nodes {
		if !n.Time.IsZero() {
			byDate = true
			break
		}
	}
	if byDate {
		labels = dateColumns(g, col)
	} else {
		labels = layerColumns(g, col)
	}
	cols = make([]Column, len(labels))
	for i, lab := range labels {
		cols[i].Label = lab
	}
	for _, n := range g.Nodes {
		c := &cols[col[n.ID]]
		c.Nodes = append(c.Nodes, n.ID)
	}
	return cols, byDate
}

// dateColumns assigns a column per distinct publication time (or day).
func dateColumns(g Graph, col map[string]int) []string {
	distinct := map[time.Time]bool{}
	withClock := false
	for _, n := range g.Nodes {
		if !n.Time.IsZero() {
			distinct[n.Time.UTC()] = true
			if h, m, s := n.Time.UTC().Clock(); h+m+s != 0 {
				withClock = true
			}
		}
	}
	key := func(t time.Time) time.Time { return t.UTC() }
	layout := "2006-01-02 15:04"
	if len(distinct) > maxDateColumns || !withClock {
		key = func(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }
		layout = "2006-01-02"
	}
	keys := map[time.Time]bool{}
	for t := range distinct {
		keys[key(t)] = true
	}
	sorted := make([]time.Time, 0, len(keys))
	for t := range keys {
		sorted = append(sorted, t)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Before(sorted[j]) })
	index := map[time.Time]int{}
	labels := make([]string, len(sorted))
	for i, t := range sorted {
		index[t] = i
		labels[i] = t.Format(layout)
	}
	undated := false
	for _, n := range g.Nodes {
		if n.Time.IsZero() {
			col[n.ID] = len(sorted)
			undated = true
		} else {
			col[n.ID] = index[key(n.Time)]
		}
	}
	if undated {
		labels = append(labels, "undated")
	}
	return labels
}

// layerColumns assigns longest-path layers along the edges that say
// which way the text went: copy links (an outlet graph's edges aggregate
// only those), and the lines from a source outside the collection to the
// articles that took from it. An undecided link, or a common source
// between two articles, says nothing of which came first, so it does not
// put one a step right of the other: a reader takes "step 2" for "later".
func layerColumns(g Graph, col map[string]int) []string {
	out := map[string][]string{}
	known := map[string]bool{}
	absent := map[string]bool{}
	for _, n := range g.Nodes {
		known[n.ID] = true
		absent[n.ID] = n.Absent
	}
	directed := func(e Edge) bool {
		return e.Kind == provenance.LinkCopy || e.Kind == "" || absent[e.Source] // "": an outlet graph's aggregate, or a bare directed edge
	}
	// A story with no directed edge at all (every link undecided or a
	// common source between articles) is still spread along its links, or
	// its articles would stand in one column with every line between them;
	// its columns then say nothing of order, and are not called steps
	// unless some other story's are.
	var comps provenance.DisjointSets[string]
	for _, e := range g.Edges {
		comps.Union(e.Source, e.Target)
	}
	hasDirected := map[string]bool{}
	anyDirected := false
	for _, e := range g.Edges {
		if directed(e) {
			hasDirected[comps.Find(e.Source)] = true
			anyDirected = true
		}
	}
	for _, e := range g.Edges {
		if (directed(e) || !hasDirected[comps.Find(e.Source)]) && known[e.Source] && known[e.Target] && e.Source != e.Target {
			out[e.Source] = append(out[e.Source], e.Target)
		}
	}
	// Depth-first search gives a topological order; edges to a node still on
	// the stack close a cycle and are ignored.
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var topo []string
	var visit func(id string)
	visit = func(id string) {
		state[id] = active
		for _, t := range out[id] {
			if state[t] == unseen {
				visit(t)
			}
		}
		state[id] = done
		topo = append(topo, id)
	}
	for _, n := range g.Nodes {
		if state[n.ID] == unseen {
			visit(n.ID)
		}
	}
	pos := map[string]int{}
	for i := range topo {
		pos[topo[len(topo)-1-i]] = i // reverse post-order
	}
	layers := 1
	for i := len(topo) - 1; i >= 0; i-- {
		id := topo[i]
		for _, t := range out[id] {
			if pos[t] > pos[id] && col[t] < col[id]+1 {
				col[t] = col[id] + 1
			}
		}
		layers = max(layers, col[id]+1)
	}
	labels := make([]string, layers)
	for i := range labels {
		if anyDirected {
			labels[i] = "step " + strconv.Itoa(i+1)
		}
	}
	return labels
}

// order sorts each column by the mean row of each node's neighbours in
// other columns, sweeping right then left, keeping the input order as
// tie-breaker.
func order(cols []Column, edges []Edge) {
	nbrs := map[string][]string{}
	for _, e := range edges {
		if e.Source != e.Target {
			nbrs[e.Source] = append(nbrs[e.Source], e.Target)
			nbrs[e.Target] = append(nbrs[e.Target], e.Source)
		}
	}
	row := map[string]float64{}
	place := func() {
		for _, c := range cols {
			for i, id := range c.Nodes {
				row[id] = float64(i) - float64(len(c.Nodes)-1)/2
			}
		}
	}
	place()
	for s := 0; s < sweeps; s++ {
		idx := make([]int, len(cols))
		for i := range idx {
			idx[i] = i
			if s%2 == 1 {
				idx[i] = len(cols) - 1 - i
			}
		}
		for _, ci := range idx {
			c := cols[ci]
			bary := make(map[string]float64, len(c.Nodes))
			for _, id := range c.Nodes {
				sum, k := 0.0, 0
				for _, nb := range nbrs[id] {
					if r, ok := row[nb]; ok {
						sum += r
						k++
					}
				}
				if k > 0 {
					bary[id] = sum / float64(k)
				} else {
					bary[id] = row[id]
				}
			}
			sort.SliceStable(c.Nodes, func(i, j int) bool { return bary[c.Nodes[i]] < bary[c.Nodes[j]] })
			for i, id := range c.Nodes {
				row[id] = float64(i) - float64(len(c.Nodes)-1)/2
			}
		}
	}
}

// maxExtraLanes is how many rows beyond the fullest column the layout may
// add to keep long edges from running through other nodes.
const maxExtraLanes = 4

// assignLanes gives every node a row ("lane"), column by column from the
// left, in the order found by order. Each node takes the free lane that
// keeps the edges to already placed nodes from running through other
// nodes (an edge that skips columns must not pass over the nodes between)
// and stays near the mean lane of its neighbours. Unused lanes are dropped
// by the caller (packLanes).
func assignLanes(cols []Column, edges []Edge) map[string]int {
	rows := 1
	for _, c := range cols {
		rows = max(rows, len(c.Nodes))
	}
	total := rows + maxExtraLanes
	colOf := map[string]int{}
	for ci, c := range cols {
		for _, id := range c.Nodes {
			colOf[id] = ci
		}
	}
	nbrs := map[string][]string{}
	for _, e := range edges {
		if e.Source != e.Target {
			nbrs[e.Source] = append(nbrs[e.Source], e.Target)
			nbrs[e.Target] = append(nbrs[e.Target], e.Source)
		}
	}
	lane := map[string]int{}
	placed := func(id string) bool { _, ok := lane[id]; return ok }
	// occupant[col][lane] is the node there, for collision tests.
	occupant := make([]map[int]bool, len(cols))
	for i := range occupant {
		occupant[i] = map[int]bool{}
	}
	// byLane lists the placed nodes of each lane; pending counts a node's
	// neighbours right of column ci, whose edges will cross ci.
	byLane := map[int][]string{}
	pending := func(u string, ci int) int {
		n := 0
		for _, nb := range nbrs[u] {
			if colOf[nb] > ci {
				n++
			}
		}
		return n
	}
	centre := float64(total-1) / 2
	for ci, c := range cols {
		// Lanes for this column's nodes, centred when nothing pulls them.
		base := int(centre - float64(len(c.Nodes)-1)/2 + 0.5)
		for ni, id := range c.Nodes {
			want, k := 0.0, 0
			for _, nb := range nbrs[id] {
				if placed(nb) {
					want += float64(lane[nb])
					k++
				}
			}
			if k > 0 {
				want /= float64(k)
			} else {
				want = float64(base + ni)
			}
			best, bestCost := -1, 0.0
			for ln := 0; ln < total; ln++ {
				if occupant[ci][ln] {
					continue
				}
				cost := math.Abs(float64(ln)-want) * 0.4
				if ln < base || ln >= base+max(rows, len(c.Nodes)) {
					cost += 0.25 // prefer the compact band
				}
				for _, nb := range nbrs[id] {
					if placed(nb) {
						cost += 3 * float64(collisions(colOf[nb], lane[nb], ci, ln, occupant))
					}
				}
				// Keep out of the lane of an earlier node whose edges still
				// have to cross this column.
				for _, u := range byLane[ln] {
					cost += float64(min(pending(u, ci), 3))
				}
				if best < 0 || cost < bestCost {
					best, bestCost = ln, cost
				}
			}
			lane[id] = best
			occupant[ci][best] = true
			byLane[best] = append(byLane[best], id)
		}
	}
	return lane
}

// collisions counts placed nodes that a straight edge from (c0,l0) to
// (c1,l1) passes over, in the columns strictly between them (or, for an
// edge inside one column, in the lanes between).
func collisions(c0, l0, c1, l1 int, occupant []map[int]bool) int {
	n := 0
	if c0 == c1 {
		for ln := min(l0, l1) + 1; ln < max(l0, l1); ln++ {
			if occupant[c0][ln] {
				n++
			}
		}
		return n
	}
	if c0 > c1 {
		c0, l0, c1, l1 = c1, l1, c0, l0
	}
	for k := c0 + 1; k < c1; k++ {
		y := float64(l0) + float64(l1-l0)*float64(k-c0)/float64(c1-c0)
		for ln := range occupant[k] {
			if math.Abs(y-float64(ln)) < 0.6 {
				n++
			}
		}
	}
	return n
}

// BoxExit returns where the segment from (x0,y0), the centre of a box of
// half-width hw and half-height hh, towards (x1,y1) leaves the box: where
// an edge between two drawn nodes starts or, swapped, where its arrow ends.
func BoxExit(x0, y0, x1, y1, hw, hh float64) (float64, float64) {
	dx, dy := x1-x0, y1-y0
	t := 1.0
	if dx != 0 {
		t = math.Min(t, hw/math.Abs(dx))
	}
	if dy != 0 {
		t = math.Min(t, hh/math.Abs(dy))
	}
	return x0 + dx*t, y0 + dy*t
}

// ColumnBow is how far right of two cards of one column the curve between
// them bows (its control point; the apex is half as far): more for cards
// further apart, so that the curves of one column nest instead of
// overlapping, and at most what the column's margin right of its cards
// (room) holds.
func ColumnBow(dy, room float64) float64 {
	return math.Max(16, math.Min(24+0.9*math.Abs(dy), 2*room))
}
