package app

import (
	"fmt"
	"strings"

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
	nav      Navigator
	result   *provenance.Result
	byOutlet bool
	// selected and hovered index GraphLayout.Edges; -1 for none.
	selected, hovered int

	graph      *graphCanvas
	outlets    *navCheck
	details    *widget.Label
	compareBtn *widget.Button
	status     *widget.Label
	legend     *widget.Label
	empty      *widget.Label // the empty state's message
	pane       *emptyPane
	root       fyne.CanvasObject
}

// NewGraphView builds the graph screen; call Refresh with a result to fill it.
func NewGraphView(nav Navigator) *GraphView {
	v := &GraphView{nav: nav, selected: -1, hovered: -1}
	v.graph = newGraphCanvas(v)
	v.outlets = newNavCheck("Outlets", v.setByOutlet)
	v.details = &widget.Label{Wrapping: fyne.TextWrapWord}
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
	panel := container.NewBorder(nil, v.compareBtn, nil, nil, container.NewVScroll(v.details))
	split := container.NewHSplit(clip, panel)
	split.Offset = 0.75
	v.pane = newEmptyPane(split)
	v.empty = v.pane.message
	v.root = container.NewBorder(toolbar, v.status, nil, nil, v.pane.box)
	v.Refresh(nav.Result())
	return v
}

// graphLegend explains the drawing.
const graphLegend = "→ copy (thicker: more words) · dashed: low confidence or undecided · dotted green: common source"

// CanvasObject is the screen's root object.
func (v *GraphView) CanvasObject() fyne.CanvasObject { return v.root }

// Refresh shows r (nil shows the empty state). It also re-reads the
// workshop state, so call it after toggling workshop mode. When the graph
// is unchanged (say, on a tab switch) the chosen arrow, zoom and pan stay.
func (v *GraphView) Refresh(r *provenance.Result) {
	if r == nil {
		r = &provenance.Result{}
	}
	v.result = r
	ws := v.nav.Workshop()
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
	} else {
		nodes, edges, unlinked = documentGraph(r, ws.HideMetadata)
	}
	if !sameGraph(v.graph.layout, nodes, edges) {
		v.selected, v.hovered = -1, -1 // a different graph: the old choice means nothing
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
	status := fmt.Sprintf("%s, %s", plural(len(nodes), "node", "nodes"), plural(len(edges), "arrow", "arrows"))
	if ws.HideMetadata {
		status = fmt.Sprintf("%s, %s", plural(len(nodes), "article", "articles"), plural(len(edges), "line", "lines"))
	}
	if unlinked > 0 {
		status += fmt.Sprintf(" · %s without links not shown", plural(unlinked, "article", "articles"))
	}
	v.status.SetText(status)
}

// setByOutlet switches between article and outlet nodes.
func (v *GraphView) setByOutlet(on bool) {
	if v.byOutlet == on {
		return
	}
	v.byOutlet = on
	v.Refresh(v.result)
}

// selectEdge makes edge i (or -1) the chosen one and shows its details.
func (v *GraphView) selectEdge(i int) {
	v.selected = i
	v.graph.Refresh()
	v.showDetails()
}

// hoverEdge previews edge i (or -1) in the details panel.
func (v *GraphView) hoverEdge(i int) {
	if v.hovered == i {
		return
	}
	v.hovered = i
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
	src, dst := l.Nodes[e.From].ID, l.Nodes[e.To].ID
	if e.Link < 0 { // outlet edge: open its strongest article link
		link, ok := strongestLink(v.result, src, dst)
		if !ok {
			return
		}
		src, dst = link.Source, link.Target
	}
	v.nav.Compare(src, dst)
}

func (v *GraphView) openSelected() { v.openEdge(v.selected) }

// tapNode shows a document in the library when an article node is tapped.
func (v *GraphView) tapNode(i int) {
	if v.byOutlet || i < 0 {
		return
	}
	v.nav.SelectDocument(v.graph.layout.Nodes[i].ID)
}

// showDetails fills the panel for the hovered edge, else the selected one.
func (v *GraphView) showDetails() {
	i := v.hovered
	if i < 0 {
		i = v.selected
	}
	if v.selected >= 0 {
		v.compareBtn.Enable()
	} else {
		v.compareBtn.Disable()
	}
	if i < 0 || i >= len(v.graph.layout.Edges) {
		msg := "Click an arrow to see who took from whom and why. Double-click it to compare the two texts. Keys: arrows step through the links, Enter compares, + and - zoom, 0 fits."
		if v.graph.layout.Undirected {
			msg = "Click a line to see what two articles share. Double-click it to compare the two texts. Keys: arrows step through the lines, Enter compares, + and - zoom, 0 fits."
		}
		v.details.SetText(msg)
		return
	}
	v.details.SetText(v.describe(v.graph.layout.Edges[i]))
}

// describe puts an edge in plain words: direction, confidence, reasons.
// While outlets and dates are hidden it says only what the two share.
func (v *GraphView) describe(e GraphEdge) string {
	l := &v.graph.layout
	a, b := l.Nodes[e.From], l.Nodes[e.To]
	if l.Undirected {
		return fmt.Sprintf("%s and %s share text: %s.\n\nWho took from whom? Compare the texts, guess, then reveal (View ▸ Reveal outlets and dates).\n\nDouble-click the line or press Compare to see the texts side by side.",
			a.Title, b.Title, plural(e.Words, "word", "words"))
	}
	name := func(n GraphNode) string {
		if n.Detail == "" || v.byOutlet {
			return "“" + n.Title + "”"
		}
		return "“" + n.Title + "” (" + n.Detail + ", " + n.When + ")"
	}
	var sb strings.Builder
	switch e.Kind {
	case provenance.LinkCommonSource:
		fmt.Fprintf(&sb, "Common source\n%s and %s both took text from a source that is not in the collection.", name(a), name(b))
	case provenance.LinkUnknown:
		fmt.Fprintf(&sb, "Direction undecided\n%s and %s share text, but the evidence does not say who took it from whom.", name(a), name(b))
	default:
		fmt.Fprintf(&sb, "Copy\n%s reused text from %s.", name(b), name(a))
	}
	fmt.Fprintf(&sb, "\n\nConfidence: %.0f%% (%s)", e.Confidence*100, confidenceWord(e.Confidence))
	if e.Link >= 0 {
		fmt.Fprintf(&sb, "\nShared: %s", sharedText(v.result.Shared(l.Nodes[e.From].ID, l.Nodes[e.To].ID)))
	} else if e.Words > 0 {
		fmt.Fprintf(&sb, "\nWords in the evidence: %d", e.Words)
	}
	if len(e.Reasons) > 0 {
		sb.WriteString("\n\nWhy:")
		for _, r := range e.Reasons {
			sb.WriteString("\n• " + r)
		}
	}
	sb.WriteString("\n\nDouble-click the arrow or press Compare to see the texts side by side.")
	return sb.String()
}
