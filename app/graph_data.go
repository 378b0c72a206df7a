package app

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/graphlayout"
	"github.com/copytrail/copytrail/provenance/palette"
)

// unknownGroupColor marks nodes with no known outlet.
var unknownGroupColor = color.RGBA{0x99, 0x99, 0x99, 0xff}

// unknownOutlet is the label for documents whose outlet is not known.
const unknownOutlet = "unknown outlet"

// lowConfidence is the confidence below which a link is drawn dashed.
const lowConfidence = 0.5

// groupColors assigns the shared Okabe–Ito outlet colours to groups in name
// order, so the same collection always gets the same colours (the report
// uses the same palette). The unknown outlet stays grey.
func groupColors(nodes []GraphNode) map[string]color.RGBA {
	var names []string
	seen := map[string]bool{}
	for _, n := range nodes {
		if !seen[n.Group] && n.Group != "" && n.Group != unknownOutlet {
			seen[n.Group] = true
			names = append(names, n.Group)
		}
	}
	sort.Strings(names)
	m := make(map[string]color.RGBA, len(names)+1)
	for i, g := range names {
		m[g] = palette.Outlet(i)
	}
	return m
}

// colorOf is the fill colour of a group.
func colorOf(m map[string]color.RGBA, group string) color.RGBA {
	if c, ok := m[group]; ok {
		return c
	}
	return unknownGroupColor
}

// outletOf is a document's outlet name, or unknownOutlet.
func outletOf(d *provenance.Document) string {
	if d.Meta.Outlet.Known() {
		return strings.TrimSpace(d.Meta.Outlet.Value)
	}
	return unknownOutlet
}

// dateLabel is a document's publication day, or "undated".
func dateLabel(d *provenance.Document) string {
	if t, ok := d.Meta.PublishedTime(); ok {
		return showDay(t)
	}
	return "undated"
}

// linkWords is the link's shared words, as Result.Shared counts them for
// every screen, the report and the exports.
func linkWords(r *provenance.Result, l provenance.Link) int {
	return r.Shared(l.Source, l.Target).Words
}

// documentGraph builds one node per document that takes part in a link and
// one edge per link. hide drops outlets and dates (workshop guessing).
// unlinked counts the documents left out.
func documentGraph(r *provenance.Result, hide bool) (nodes []GraphNode, edges []GraphEdge, unlinked int) {
	index := map[string]int{}
	docs := r.DocIndex()
	node := func(id string) int {
		if i, ok := index[id]; ok {
			return i
		}
		n := GraphNode{ID: id, Title: id, Group: unknownOutlet}
		if di, ok := docs[id]; ok {
			d := &r.Documents[di]
			n.Title = d.Label()
			if !hide {
				n.Group = outletOf(d)
				n.Detail = n.Group // the date shows in the column header
				n.When = dateLabel(d)
				n.Time, n.Dated = d.Meta.PublishedTime()
			}
		}
		if hide {
			n.Group = ""
		}
		index[id] = len(nodes)
		nodes = append(nodes, n)
		return index[id]
	}
	absent := map[int]int{} // link index → its absent source's node
	if !hide {
		names, of := graphlayout.AbsentSources(r)
		first := len(nodes)
		for h, name := range names {
			nodes = append(nodes, GraphNode{ID: graphlayout.AbsentPrefix + strconv.Itoa(h), Title: name,
				Detail: "not in the collection", Absent: true})
		}
		for i, h := range of {
			absent[i] = first + h
		}
	}
	spoke := map[[2]int]bool{}
	for i, l := range r.Links {
		e := GraphEdge{From: node(l.Source), To: node(l.Target), Kind: l.Kind,
			Confidence: l.Confidence, Words: linkWords(r, l), Reasons: l.Reasons, Link: i}
		v, ok := absent[i]
		if !ok {
			edges = append(edges, e)
			continue
		}
		// "Both took from X": one line from X to each of the two.
		for _, to := range []int{e.From, e.To} {
			if !spoke[[2]int{v, to}] {
				spoke[[2]int{v, to}] = true
				s := e
				s.From, s.To = v, to
				edges = append(edges, s)
			}
		}
	}
	articles := 0
	for _, n := range nodes {
		if !n.Absent {
			articles++
		}
	}
	return nodes, edges, max(0, len(r.Documents)-articles)
}

// outletGraph builds one node per outlet and one edge per r.OutletEdges
// entry. Articles whose outlet is unknown are not one "unknown outlet" that
// reuses from itself: each is a node of its own, joined by its own links.
func outletGraph(r *provenance.Result) (nodes []GraphNode, edges []GraphEdge) {
	articles := map[string]int{}
	for i := range r.Documents {
		articles[outletOf(&r.Documents[i])]++
	}
	index := map[string]int{}
	node := func(name string) int {
		if name == "" {
			name = unknownOutlet
		}
		if i, ok := index[name]; ok {
			return i
		}
		index[name] = len(nodes)
		nodes = append(nodes, GraphNode{ID: name, Title: name, Group: name,
			Detail: plural(articles[name], "article", "articles")})
		return index[name]
	}
	doc := r.DocFinder()
	for i, l := range r.Links {
		if l.Kind != provenance.LinkCopy {
			continue
		}
		a, b := doc(l.Source), doc(l.Target)
		if a == nil || b == nil || a.Meta.Outlet.Known() && b.Meta.Outlet.Known() {
			continue
		}
		end := func(d *provenance.Document) int {
			if d.Meta.Outlet.Known() {
				return node(outletOf(d))
			}
			id := "doc:" + d.ID
			if k, ok := index[id]; ok {
				return k
			}
			index[id] = len(nodes)
			nodes = append(nodes, GraphNode{ID: id, Title: "“" + firstWords(d.Label(), 5) + "”", Group: unknownOutlet, Detail: "outlet unknown"})
			return index[id]
		}
		edges = append(edges, GraphEdge{From: end(a), To: end(b), Kind: provenance.LinkCopy, Confidence: l.Confidence,
			Words: linkWords(r, l), Reasons: l.Reasons, Link: i})
	}
	for _, e := range r.OutletEdges {
		if e.Source == "" || e.Target == "" || e.Source == unknownOutlet || e.Target == unknownOutlet {
			continue // drawn above, article by article
		}
		reasons := []string{
			fmt.Sprintf("%s of %s reused text from %s.", plural(e.Articles, "article", "articles"), outletName(e.Target), outletName(e.Source)),
			fmt.Sprintf("%s, %s in all.", plural(e.Passages, "passage", "passages"), plural(e.Words, "word", "words")),
		}
		edges = append(edges, GraphEdge{From: node(e.Source), To: node(e.Target), Kind: provenance.LinkCopy,
			Confidence: e.Confidence, Words: e.Words, Reasons: reasons, Link: -1})
	}
	return nodes, edges
}

func outletName(s string) string {
	if s == "" {
		return unknownOutlet
	}
	return s
}

// plural formats a count with the right noun form.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// confidenceWord puts a confidence in plain words.
func confidenceWord(c float64) string {
	switch {
	case c >= 0.8:
		return "high"
	case c >= lowConfidence:
		return "moderate"
	default:
		return "low"
	}
}

// strongestLink is the most confident document link from an article of
// outlet src to one of outlet dst, for opening a comparison from an outlet edge.
func strongestLink(r *provenance.Result, src, dst string) (provenance.Link, bool) {
	var best provenance.Link
	found := false
	doc := r.DocFinder()
	for _, l := range r.Links {
		a, b := doc(l.Source), doc(l.Target)
		if a == nil || b == nil || outletOf(a) != outletName(src) || outletOf(b) != outletName(dst) {
			continue
		}
		if !found || l.Confidence > best.Confidence {
			best, found = l, true
		}
	}
	return best, found
}
