package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
)

// GraphView is the provenance graph screen: articles (or outlets) as nodes,
// arrows from source to copy, a details panel for the chosen arrow, zoom and
// pan. Double-clicking an arrow opens the comparison.
type GraphView struct {
	nav Navigator
	// full is the analysis shown; result is the part of it drawn (all of
	// it, but for a large collection's overview: graph_overview.go).
	full     *provenance.Result
	ov       *graphOverview
	result   *provenance.Result
	byOutlet bool
	// selected and hovered index GraphLayout.Edges; -1 for none. shown is
	// the edge in the panel (and the Compare button's): the last hovered
	// or chosen one, so moving from an arrow to the button keeps it.
	selected, hovered, shown int
	// shownNode is the node last pointed at, shown in the panel; -1 none.
	shownNode int
	// keepPair is the pair of articles whose link to show again after the
	// re-analysis a date or role set from the panel starts.
	keepPair [2]string

	graph      *graphCanvas
	outlets    *navCheck
	details    *widget.Label
	actions    *fyne.Container // buttons under an undecided link: set a date or role
	compareBtn *widget.Button
	status     *widget.Label
	legend     *widget.Label
	empty      *widget.Label // the empty state's message
	pane       *emptyPane
	root       fyne.CanvasObject
}

// NewGraphView builds the graph screen; call Refresh with a result to fill it.
func NewGraphView(nav Navigator) *GraphView {
	v := &GraphView{nav: nav, selected: -1, hovered: -1, shown: -1, shownNode: -1}
	v.graph = newGraphCanvas(v)
	v.ov = newGraphOverview(v)
	v.outlets = newNavCheck("Outlets", v.setByOutlet)
	v.details = &widget.Label{Wrapping: fyne.TextWrapWord}
	v.actions = container.NewVBox()
	v.compareBtn = &widget.Button{Text: "Compare", Icon: theme.ViewRestoreIcon(), OnTapped: v.openSelected}
	v.compareBtn.Disable()
	v.status = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	controls := container.NewHBox(
		v.outlets,
		&widget.Button{Icon: theme.ZoomOutIcon(), OnTapped: v.graph.zoomOut},
		&widget.Button{Icon: theme.ZoomInIcon(), OnTapped: v.graph.zoomIn},
		&widget.Button{Text: "Fit", Icon: theme.ZoomFitIcon(), OnTapped: v.graph.fit},
	)
	v.legend = &widget.Label{Text: graphLegend, Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	toolbar := container.NewBorder(nil, nil, controls, nil, v.legend)
	// A scroll container that does not scroll: it clips the drawing to the
	// graph's area (zoomed-in objects would otherwise paint over the panel),
	// while wheel and drag events still reach the graph, the innermost target.
	clip := container.NewScroll(v.graph)
	clip.Direction = container.ScrollNone
	panel := container.NewBorder(nil, v.compareBtn, nil, nil, container.NewVScroll(container.NewVBox(v.details, v.actions)))
	split := container.NewHSplit(clip, panel)
	split.Offset = 0.75
	v.pane = newEmptyPane(split)
	v.empty = v.pane.message
	v.root = container.NewBorder(toolbar, v.status, v.ov.panel, nil, v.pane.box)
	v.Refresh(nav.Result())
	return v
}

// graphLegend explains the drawing.
const graphLegend = "→ copy (thicker: more words) · dashed: low confidence or undecided · dotted green: common source · bold: confirmed by you · faded: dismissed"

// CanvasObject is the screen's root object.
func (v *GraphView) CanvasObject() fyne.CanvasObject { return v.root }

// Refresh shows r (nil shows the empty state). It also re-reads the
// workshop state, so call it after toggling workshop mode. When the graph
// is unchanged (say, on a tab switch) the chosen arrow, zoom and pan stay.
func (v *GraphView) Refresh(r *provenance.Result) {
	if r == nil {
		r = &provenance.Result{}
	}
	ws := v.nav.Workshop()
	v.full = r
	if v.keepPair != ([2]string{}) {
		v.ov.follow(v.keepPair[0])
	}
	if sub := v.ov.scope(r, ws.HideMetadata); !v.byOutlet || ws.HideMetadata {
		r = sub // the outlets are the whole collection's
	}
	v.result = r
	if ws.HideMetadata {
		v.outlets.Disable()
	} else {
		v.outlets.Enable()
	}
	var nodes []GraphNode
	var edges []GraphEdge
	unlinked := 0
	if v.byOutlet && !ws.HideMetadata {
		nodes, edges = outletGraph(r)
		if v.ov.active() {
			nodes, edges, unlinked = topOutlets(nodes, edges, overviewOutlets)
		}
	} else {
		nodes, edges, unlinked = documentGraph(r, ws.HideMetadata)
	}
	if dec, ok := v.nav.(verdictReader); ok && !ws.HideMetadata {
		for i := range edges {
			if e := edges[i]; e.Link >= 0 && e.Link < len(r.Links) {
				edges[i].Verdict = dec.Decision(r.Links[e.Link].Source, r.Links[e.Link].Target).Verdict
			}
		}
	}
	if !sameGraph(v.graph.layout, nodes, edges) {
		// a different graph: the old choice means nothing
		v.selected, v.hovered, v.shown, v.shownNode = -1, -1, -1, -1
	}
	if v.keepPair != ([2]string{}) { // after a date or role set from the panel
		for i, e := range edges {
			a, b := nodes[e.From].ID, nodes[e.To].ID
			if a == v.keepPair[0] && b == v.keepPair[1] || a == v.keepPair[1] && b == v.keepPair[0] {
				v.selected, v.shown, v.shownNode = i, i, -1
			}
		}
		v.keepPair = [2]string{}
	}
	v.graph.setGraph(nodes, edges, !ws.HideMetadata, ws.On, ws.HideMetadata)
	v.legend.SetText(graphLegend)
	if ws.HideMetadata {
		v.legend.SetText("a line joins two articles that share text (thicker: more words) · who took from whom? Guess, then reveal")
	}
	v.showDetails()
	switch {
	case len(edges) > 0:
		v.pane.show("")
	case len(r.Documents) == 0:
		v.pane.show("No articles yet. Add articles to the library (toolbar, drag and drop, paste or URL) and Copytrail draws who took text from whom here.")
	case v.byOutlet && len(r.Links) > 0:
		v.pane.show("No links between outlets: every link joins articles of the same outlet. Untick Outlets to see the articles.")
	default:
		v.pane.show(fmt.Sprintf("No links found among %s: no article reuses enough text from another to draw an arrow. Try the lenient preset in Settings, or add the articles you suspect were copied.", plural(len(r.Documents), "article", "articles")))
	}
	undecided := 0
	for _, e := range edges {
		if e.Kind == provenance.LinkUnknown {
			undecided++
		}
	}
	articles, sources, links := countGraph(nodes, edges)
	if !v.byOutlet || ws.HideMetadata {
		links = len(r.Links) // a named source's links share its lines
	}
	status := fmt.Sprintf("%s, %s", plural(articles, "article", "articles"), plural(links, "link", "links"))
	if undecided > 0 {
		status += fmt.Sprintf(" (%d direction undecided)", undecided)
	}
	if sources > 0 {
		status += fmt.Sprintf(" · %s outside the collection, named by the texts", plural(sources, "source", "sources"))
	}
	if ws.HideMetadata {
		status = fmt.Sprintf("%s, %s", plural(len(nodes), "article", "articles"), plural(len(edges), "line", "lines"))
	}
	switch {
	case v.byOutlet && unlinked > 0:
		status += fmt.Sprintf(" · the %d outlets whose links carry the most words; %d more not shown", len(nodes), unlinked)
	case unlinked > 0:
		status += fmt.Sprintf(" · %s without links not shown", plural(unlinked, "article", "articles"))
	}
	if note := v.ov.note(); note != "" && !v.byOutlet {
		status += " · " + note
	}
	v.status.SetText(status)
}

// countGraph counts a graph's articles, the absent sources drawn beside
// them, and the links its lines draw (a named common source's links are
// drawn as one line from it to each article: three links among three
// reprints are three lines, two links two).
func countGraph(nodes []GraphNode, edges []GraphEdge) (articles, sources, links int) {
	for _, n := range nodes {
		if n.Absent {
			sources++
		} else {
			articles++
		}
	}
	seen := map[int]bool{}
	for _, e := range edges {
		if e.Link < 0 || !seen[e.Link] {
			links++
		}
		if e.Link >= 0 {
			seen[e.Link] = true
		}
	}
	return articles, sources, links
}

// setByOutlet switches between article and outlet nodes.
func (v *GraphView) setByOutlet(on bool) {
	if v.byOutlet == on {
		return
	}
	v.byOutlet = on
	v.Refresh(v.full)
}

// selectEdge makes edge i (or -1) the chosen one and shows its details.
func (v *GraphView) selectEdge(i int) {
	v.selected, v.shown, v.shownNode = i, i, -1
	v.graph.Refresh()
	v.showDetails()
}

// hoverEdge previews edge i in the details panel; it stays there when the
// pointer leaves (-1), so the Compare button acts on it.
func (v *GraphView) hoverEdge(i int) {
	if v.hovered == i {
		return
	}
	v.hovered = i
	if i >= 0 {
		v.shown, v.shownNode = i, -1
	}
	v.graph.Refresh()
	v.showDetails()
}

// hoverNode shows node i's full title and metadata in the panel.
func (v *GraphView) hoverNode(i int) {
	if i < 0 || v.shownNode == i {
		return
	}
	v.shownNode, v.hovered = i, -1
	v.graph.Refresh()
	v.showDetails()
}

// openEdge opens the comparison for edge i: source then copy.
func (v *GraphView) openEdge(i int) {
	l := &v.graph.layout
	if i < 0 || i >= len(l.Edges) {
		return
	}
	e := l.Edges[i]
	src, dst := v.edgeDocs(e)
	if e.Link < 0 { // outlet edge: open its strongest article link
		link, ok := strongestLink(v.result, src, dst)
		if !ok {
			return
		}
		src, dst = link.Source, link.Target
	}
	v.nav.Compare(src, dst)
}

func (v *GraphView) openSelected() { v.openEdge(v.shown) }

// edgeDocs are the IDs an edge joins: its link's articles, or for an
// aggregated outlet edge its two outlet nodes.
func (v *GraphView) edgeDocs(e GraphEdge) (string, string) {
	if e.Link >= 0 && e.Link < len(v.result.Links) {
		return v.result.Links[e.Link].Source, v.result.Links[e.Link].Target
	}
	l := &v.graph.layout
	return l.Nodes[e.From].ID, l.Nodes[e.To].ID
}

// tapNode shows a document in the library when an article node is tapped.
func (v *GraphView) tapNode(i int) {
	if v.byOutlet || i < 0 || v.graph.layout.Nodes[i].Absent {
		return
	}
	v.nav.SelectDocument(v.graph.layout.Nodes[i].ID)
}
