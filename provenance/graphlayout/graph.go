// Package graphlayout turns a Result into the provenance graphs Copytrail
// draws (documents, and outlets) and places their nodes: left to right by
// publication date when dates exist, in layers along the links otherwise,
// each connected group in rows of its own. The HTML report and the PNG
// export call Compute, so a collection looks the same in both (the desktop
// app lays its interactive graph out itself, in app/graph_layout.go, with
// the same columns). It is plain Go
// over plain values: no drawing, no UI toolkit.
package graphlayout

import (
	"sort"
	"strconv"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// UnknownOutlet names the outlet of documents whose outlet is not known.
const UnknownOutlet = "unknown outlet"

// Node is one document or one outlet.
type Node struct {
	ID     string // document ID, or the outlet name in an outlet graph
	Label  string // document title (or file name), or the outlet name
	Outlet string // the document's outlet ("" when unknown); the outlet itself
	// Date is the published date as written in the metadata (RFC 3339 or ""),
	// for an outlet its earliest article's.
	Date string
	// Time is Date parsed; zero when unknown.
	Time time.Time
	// Words is the document's word count, or the outlet's articles' total.
	Words int
	// Articles is 1 for a document, the number of its articles for an outlet.
	Articles int
	// Absent: not a document but the source common-source links name, a
	// text that is not in the collection (WithAbsentSources).
	Absent bool
}

// Edge is a directed link: text went from Source to Target.
type Edge struct {
	Source, Target string
	// Kind is the link kind; empty in an outlet graph (edges aggregate links).
	Kind       provenance.LinkKind
	Confidence float64
	Words      int // words in the link's evidence passages
	Passages   int // number of evidence passages
	Articles   int // outlet graph: document links aggregated; 1 otherwise
	Reasons    []string
}

// Graph is a directed graph of documents or outlets.
type Graph struct {
	Outlets bool // true for the outlet graph
	Nodes   []Node
	Edges   []Edge
}

// DocumentGraph has every document as a node and every link as an edge.
func DocumentGraph(r *provenance.Result) Graph {
	g := Graph{Nodes: documentNodes(r), Edges: make([]Edge, 0, len(r.Links))}
	for _, l := range r.Links {
		words, n := LinkWords(r, l)
		g.Edges = append(g.Edges, Edge{
			Source: l.Source, Target: l.Target, Kind: l.Kind, Confidence: l.Confidence,
			Words: words, Passages: n, Articles: 1, Reasons: l.Reasons,
		})
	}
	return g
}

// documentNodes is one node per document.
func documentNodes(r *provenance.Result) []Node {
	nodes := make([]Node, 0, len(r.Documents))
	for i := range r.Documents {
		d := &r.Documents[i]
		t, _ := d.Meta.PublishedTime()
		nodes = append(nodes, Node{
			ID: d.ID, Label: d.Label(), Outlet: d.Meta.Outlet.Value, Date: d.Meta.Published.Value,
			Time: t, Words: d.Words, Articles: 1,
		})
	}
	return nodes
}

// LinkWords returns the link's shared words and passages, as
// provenance.Result.Shared counts them for every screen and export.
func LinkWords(r *provenance.Result, l provenance.Link) (words, passages int) {
	c := r.Shared(l.Source, l.Target)
	return c.Words, c.Passages
}

// OutletName returns a document's outlet, or UnknownOutlet.
func OutletName(d *provenance.Document) string {
	if d.Meta.Outlet.Known() {
		return d.Meta.Outlet.Value
	}
	return UnknownOutlet
}

// OutletGraph has every outlet as a node and r.OutletEdges as edges. Its
// nodes carry no Time, so Compute lays it out in layers.
func OutletGraph(r *provenance.Result) Graph {
	g := Graph{Outlets: true}
	idx := map[string]int{}
	add := func(name string) int {
		if i, ok := idx[name]; ok {
			return i
		}
		idx[name] = len(g.Nodes)
		g.Nodes = append(g.Nodes, Node{ID: name, Label: name, Outlet: name})
		return idx[name]
	}
	earliest := map[string]time.Time{}
	for i := range r.Documents {
		d := &r.Documents[i]
		name := OutletName(d)
		n := &g.Nodes[add(name)]
		n.Words += d.Words
		n.Articles++
		if t, ok := d.Meta.PublishedTime(); ok && (earliest[name].IsZero() || t.Before(earliest[name])) {
			earliest[name] = t
			n.Date = d.Meta.Published.Value
		}
	}
	for _, e := range r.OutletEdges {
		src, dst := e.Source, e.Target
		if src == "" {
			src = UnknownOutlet
		}
		if dst == "" {
			dst = UnknownOutlet
		}
		add(src)
		add(dst)
		g.Edges = append(g.Edges, Edge{
			Source: src, Target: dst, Confidence: e.Confidence,
			Words: e.Words, Passages: e.Passages, Articles: e.Articles,
		})
	}
	return g
}

// Linked returns the graph without nodes that have no edge; a graph with no
// edges is returned whole, so there is always something to draw.
func (g Graph) Linked() Graph {
	if len(g.Edges) == 0 {
		return g
	}
	used := map[string]bool{}
	for _, e := range g.Edges {
		used[e.Source], used[e.Target] = true, true
	}
	out := Graph{Outlets: g.Outlets, Edges: g.Edges}
	for _, n := range g.Nodes {
		if used[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	return out
}

// Restrict returns the sub-graph on the given node IDs.
func (g Graph) Restrict(ids ...string) Graph {
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	out := Graph{Outlets: g.Outlets}
	for _, n := range g.Nodes {
		if keep[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, e := range g.Edges {
		if keep[e.Source] && keep[e.Target] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// SortedEdges returns the edges strongest first (confidence, then words),
// for legends and lists.
func (g Graph) SortedEdges() []Edge {
	es := append([]Edge(nil), g.Edges...)
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Confidence != es[j].Confidence {
			return es[i].Confidence > es[j].Confidence
		}
		return es[i].Words > es[j].Words
	})
	return es
}

// AbsentPrefix opens the node ID of a source that is not in the collection.
const AbsentPrefix = "absent:"

// AbsentSources finds the sources that common-source links name
// (Link.CommonSource): one for each name and each group of documents its
// links join (the same agency's name in two stories is two texts). It
// returns their names, in the order of their first link, and each such
// link's index into them.
func AbsentSources(r *provenance.Result) (names []string, of map[int]int) {
	sets := map[string]*provenance.DisjointSets[string]{}
	var linked []int
	for i, l := range r.Links {
		if l.Kind != provenance.LinkCommonSource || l.CommonSource == "" {
			continue
		}
		if sets[l.CommonSource] == nil {
			sets[l.CommonSource] = &provenance.DisjointSets[string]{}
		}
		sets[l.CommonSource].Union(l.Source, l.Target)
		linked = append(linked, i)
	}
	type key struct{ name, root string }
	of = map[int]int{}
	made := map[key]int{}
	for _, i := range linked {
		l := r.Links[i]
		k := key{l.CommonSource, sets[l.CommonSource].Find(l.Source)}
		h, ok := made[k]
		if !ok {
			h = len(names)
			names = append(names, l.CommonSource)
			made[k] = h
		}
		of[i] = h
	}
	return names, of
}

// WithAbsentSources is DocumentGraph with each source that the links name
// (AbsentSources) drawn as a node of its own, and each of its links as an
// edge from it to each of the two documents (once per document): the three
// common-source edges among three reprints of one wire story become the
// wire and three edges from it.
func WithAbsentSources(r *provenance.Result) Graph {
	names, of := AbsentSources(r)
	g := Graph{Nodes: make([]Node, 0, len(r.Documents)+len(names)), Edges: make([]Edge, 0, len(r.Links))}
	g.Nodes = append(g.Nodes, documentNodes(r)...) // not DocumentGraph: its edges would be built to be dropped
	for h, name := range names {
		g.Nodes = append(g.Nodes, Node{ID: AbsentPrefix + strconv.Itoa(h), Label: name, Absent: true})
	}
	spoke := map[[2]string]bool{}
	for i, l := range r.Links {
		words, n := LinkWords(r, l)
		e := Edge{Source: l.Source, Target: l.Target, Kind: l.Kind, Confidence: l.Confidence,
			Words: words, Passages: n, Articles: 1, Reasons: l.Reasons}
		h, ok := of[i]
		if !ok {
			g.Edges = append(g.Edges, e)
			continue
		}
		hub := AbsentPrefix + strconv.Itoa(h)
		for _, doc := range []string{l.Source, l.Target} {
			if !spoke[[2]string{hub, doc}] {
				spoke[[2]string{hub, doc}] = true
				s := e
				s.Source, s.Target = hub, doc
				g.Edges = append(g.Edges, s)
			}
		}
	}
	return g
}
