package graphlayout

import (
	"sort"
	"strconv"
	"time"
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
	col := map[string]int{}
	var labels []string
	byDate := false
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
	l := Layout{ByDate: byDate, Columns: make([]Column, len(labels)), Pos: map[string]Point{}}
	for i, lab := range labels {
		l.Columns[i].Label = lab
	}
	for _, n := range g.Nodes {
		c := &l.Columns[col[n.ID]]
		c.Nodes = append(c.Nodes, n.ID)
	}
	order(l.Columns, g.Edges)
	for _, c := range l.Columns {
		l.Rows = max(l.Rows, len(c.Nodes))
	}
	for ci, c := range l.Columns {
		off := float64(l.Rows-len(c.Nodes)) / 2
		for ri, id := range c.Nodes {
			l.Pos[id] = Point{
				X: (float64(ci) + 0.5) / float64(len(l.Columns)),
				Y: (float64(ri) + 0.5 + off) / float64(l.Rows),
			}
		}
	}
	return l
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

// layerColumns assigns longest-path layers along the edges.
func layerColumns(g Graph, col map[string]int) []string {
	out := map[string][]string{}
	known := map[string]bool{}
	for _, n := range g.Nodes {
		known[n.ID] = true
	}
	for _, e := range g.Edges {
		if known[e.Source] && known[e.Target] && e.Source != e.Target {
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
		labels[i] = "step " + strconv.Itoa(i+1)
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
