package app

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/lineage"
	"github.com/copytrail/copytrail/provenance/scan"
)

// overviewNodes is the most articles the graph draws at once. A
// collection whose links join more opens on the overview: its connected
// groups, largest first, one drawn at a time, and a search that centres
// the graph on one article and its neighbours. A workshop's handful of
// articles never sees it.
var overviewNodes = 150

// scopeNodes is the most articles one scope of the overview draws (a
// group, an article and its neighbours): a wire story's hundreds of
// carriers drawn at 150 (or 60) made a smear no label fitted in.
const scopeNodes = 30

// overviewOutlets is the most outlets the Outlets view of a large
// collection draws: those whose links carry the most words.
const overviewOutlets = 60

// graphOverview is the graph screen's overview of a large collection:
// the panel on its left and the part of the analysis the graph draws.
type graphOverview struct {
	v *GraphView

	// of is the result the groups below were worked out for.
	of      *provenance.Result
	groups  []scan.Group
	byDoc   map[string]int   // document index
	linksOf map[string][]int // indexes of each document's links
	pairsOf map[string][]int // indexes of each document's pairs
	lower   []string         // each document's label, lower case
	hidden  bool             // of is the masked analysis of hidden mode

	// The scope drawn: the group holding groupDoc, or, when centre is
	// set, the articles within depth steps of it.
	groupDoc string
	centre   string
	depth    int
	// drawn and total count the articles of the scope drawn and in all.
	drawn, total int

	panel   *fyne.Container
	heading *widget.Label
	find    *navEntry
	depthOf *navSelect
	back    *widget.Button
	list    *navList
	matches []string // document IDs the find box lists
	// selecting: the list's selection is being set to the group drawn.
	selecting bool
}

func newGraphOverview(v *GraphView) *graphOverview {
	o := &graphOverview{v: v, depth: 1}
	o.heading = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	o.find = newNavEntry()
	o.find.PlaceHolder = "Find an article to centre on…"
	o.find.OnChanged = func(string) { o.typed() }
	o.find.OnSubmitted = func(string) { o.submitted() }
	o.depthOf = newNavSelect([]string{"its neighbours", "neighbours' neighbours"}, func(s string) {
		o.depth = 1
		if s == "neighbours' neighbours" {
			o.depth = 2
		}
		if o.centre != "" {
			o.v.Refresh(o.v.full)
		}
	})
	o.depthOf.Selected = "its neighbours"
	o.back = &widget.Button{Text: "Groups", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: o.showGroups}
	o.back.Hide()
	o.list = newNavList(o.length, o.createRow, o.updateRow, o.selected)
	top := container.NewVBox(o.heading, o.find, container.NewBorder(nil, nil, &widget.Label{Text: "Show"}, nil, o.depthOf), o.back)
	wide := canvas.NewRectangle(color.Transparent) // room for a title and the depth choice
	wide.SetMinSize(fyne.NewSize(300, 0))
	o.panel = container.NewStack(wide, container.NewBorder(top, nil, nil, nil, o.list))
	o.panel.Hide()
	return o
}

// setPanelShown shows or hides the overview's panel and, when that changes,
// lays the graph screen out again: a panel shown into a laid-out screen
// would otherwise keep the zero size it had while hidden until the next
// resize (its entry and choice drawn with negative widths).
func (o *graphOverview) setPanelShown(on bool) {
	if o.panel.Visible() == on {
		return
	}
	if on {
		o.panel.Show()
	} else {
		o.panel.Hide()
	}
	if o.v != nil && o.v.root != nil {
		o.v.root.Refresh()
	}
}

// active reports whether the overview is in use.
func (o *graphOverview) active() bool { return o.of != nil }

// scope returns what the graph draws of r: r itself while r's links join
// at most overviewNodes articles (and hides the panel), else the part of
// r the overview has chosen, with the panel shown.
func (o *graphOverview) scope(r *provenance.Result, hidden bool) *provenance.Result {
	if linkedArticles(r) <= overviewNodes {
		o.of, o.groups = nil, nil
		o.setPanelShown(false)
		return r
	}
	if o.of != r {
		o.index(r, hidden)
	}
	o.setPanelShown(true)
	ids := o.scopeIDs()
	o.heading.SetText(o.headingText())
	o.list.Refresh()
	if g := o.groupOf(o.groupDoc); g >= 0 && o.centre == "" && !o.finding() {
		o.selecting = true // show which group is drawn
		o.list.Select(g)
		if g == 0 { // a list not yet laid out scrolls the first row out of sight
			o.list.ScrollToTop()
		}
		o.selecting = false
	}
	return o.subResult(ids)
}

// linkedArticles counts the articles r's links join.
func linkedArticles(r *provenance.Result) int {
	seen := map[string]bool{}
	for _, l := range r.Links {
		seen[l.Source], seen[l.Target] = true, true
		if len(seen) > overviewNodes {
			break
		}
	}
	return len(seen)
}

// index works out r's groups and the look-ups a part of it is cut with.
func (o *graphOverview) index(r *provenance.Result, hidden bool) {
	o.of, o.hidden = r, hidden
	o.groups = scan.Groups(r)
	o.byDoc = r.DocIndex()
	o.linksOf = map[string][]int{}
	for i, l := range r.Links {
		o.linksOf[l.Source] = append(o.linksOf[l.Source], i)
		if l.Target != l.Source {
			o.linksOf[l.Target] = append(o.linksOf[l.Target], i)
		}
	}
	o.lower = make([]string, len(r.Documents))
	for k := range r.Documents {
		o.lower[k] = strings.ToLower(r.Documents[k].Label())
	}
	o.pairsOf = map[string][]int{}
	for i, p := range r.Pairs {
		o.pairsOf[p.A] = append(o.pairsOf[p.A], i)
		o.pairsOf[p.B] = append(o.pairsOf[p.B], i)
	}
	if _, ok := o.byDoc[o.centre]; !ok {
		o.centre = "" // gone from the analysis
	}
	if o.groupOf(o.groupDoc) < 0 {
		o.groupDoc = ""
	}
	if o.groupDoc == "" && len(o.groups) > 0 {
		o.groupDoc = o.groups[0].Docs[0]
	}
	o.findChanged()
}

// groupOf is the index of the group holding document id, or -1.
func (o *graphOverview) groupOf(id string) int {
	if id == "" {
		return -1
	}
	for i, g := range o.groups {
		if slices.Contains(g.Docs, id) {
			return i
		}
	}
	return -1
}

// scopeIDs are the articles to draw: the centred article's neighbourhood,
// or the chosen group; at most scopeNodes of them (the nearest and
// most shared first; in a group, the most linked).
func (o *graphOverview) scopeIDs() []string {
	var ids []string
	if o.centre != "" {
		ids = scan.Neighbourhood(o.of, o.centre, o.depth)
	} else if g := o.groupOf(o.groupDoc); g >= 0 {
		ids = slices.Clone(o.groups[g].Docs)
		if len(ids) > min(overviewNodes, scopeNodes) {
			slices.SortStableFunc(ids, func(a, b string) int { return len(o.linksOf[b]) - len(o.linksOf[a]) })
		}
	}
	o.total = len(ids)
	ids = ids[:min(len(ids), overviewNodes, scopeNodes)]
	o.drawn = len(ids)
	return ids
}

// subResult is the part of the analysis about ids: those documents, the
// links, pairs (with their passages) and changes between two of them, and
// the outlet edges of those links.
func (o *graphOverview) subResult(ids []string) *provenance.Result {
	r := o.of
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	sub := &provenance.Result{Version: r.Version, Settings: r.Settings}
	for _, id := range ids {
		if k, ok := o.byDoc[id]; ok {
			sub.Documents = append(sub.Documents, r.Documents[k])
		}
	}
	passage := map[int]int{}
	renumber := func(idx []int) []int {
		out := make([]int, 0, len(idx))
		for _, i := range idx {
			if i < 0 || i >= len(r.Passages) {
				continue
			}
			k, ok := passage[i]
			if !ok {
				k = len(sub.Passages)
				passage[i] = k
				sub.Passages = append(sub.Passages, r.Passages[i])
			}
			out = append(out, k)
		}
		return out
	}
	seen := map[int]bool{}
	for _, id := range ids {
		for _, i := range o.pairsOf[id] {
			if p := r.Pairs[i]; !seen[i] && in[p.A] && in[p.B] {
				seen[i] = true
				p.Passages = renumber(p.Passages)
				sub.Pairs = append(sub.Pairs, p)
			}
		}
	}
	clear(seen)
	for _, id := range ids {
		for _, i := range o.linksOf[id] {
			if l := r.Links[i]; !seen[i] && in[l.Source] && in[l.Target] {
				seen[i] = true
				l.Passages = renumber(l.Passages)
				sub.Links = append(sub.Links, l)
			}
		}
	}
	for _, m := range r.Mutations {
		if in[m.Source] && in[m.Target] {
			if k, ok := passage[m.Passage]; ok {
				m.Passage = k
				sub.Mutations = append(sub.Mutations, m)
			}
		}
	}
	if !o.hidden {
		sub.OutletEdges = lineage.OutletGraph(sub)
	}
	return sub
}

// headingText says what the panel lists.
func (o *graphOverview) headingText() string {
	groups := "1 group"
	if len(o.groups) != 1 {
		groups = thousands(len(o.groups)) + " groups"
	}
	return fmt.Sprintf("%s articles share text in %s. Choose one, or find an article:", thousands(o.groupedArticles()), groups)
}

func (o *graphOverview) groupedArticles() int {
	n := 0
	for _, g := range o.groups {
		n += len(g.Docs)
	}
	return n
}

// note is the status line's word on the scope drawn.
func (o *graphOverview) note() string {
	if !o.active() {
		return ""
	}
	var what string
	switch g := o.groupOf(o.groupDoc); {
	case o.centre != "":
		what = fmt.Sprintf("%s and its %s", o.docName(o.centre), map[int]string{1: "neighbours", 2: "neighbours' neighbours"}[o.depth])
	case g >= 0:
		what = fmt.Sprintf("group %d of %s", g+1, thousands(len(o.groups)))
	}
	if o.drawn < o.total {
		return fmt.Sprintf("%s: the %d most linked of its %s articles", what, o.drawn, thousands(o.total))
	}
	return what
}

// docName is an article's title in quotes, shortened.
func (o *graphOverview) docName(id string) string {
	if k, ok := o.byDoc[id]; ok {
		return "“" + firstWords(o.of.Documents[k].Label(), 6) + "”"
	}
	return id
}

// groupLabel names a group: by its earliest article (the lowest numbered
// while hidden, so nothing points at a source) and its counts.
func (o *graphOverview) groupLabel(g scan.Group) (title, detail string) {
	first := g.Docs[0]
	outlets := map[string]bool{}
	var from, to time.Time
	for _, id := range g.Docs {
		d := &o.of.Documents[o.byDoc[id]]
		if o.hidden {
			if naturalLess(d.Label(), o.of.Documents[o.byDoc[first]].Label()) {
				first = id
			}
			continue
		}
		outlets[outletOf(d)] = true
		if t, ok := d.Meta.PublishedTime(); ok {
			if from.IsZero() || t.Before(from) {
				from, first = t, id
			}
			if t.After(to) {
				to = t
			}
		}
	}
	title = o.docName(first)
	if len(g.Docs) > 1 {
		title += fmt.Sprintf(" and %s more", thousands(len(g.Docs)-1))
	}
	parts := []string{plural(len(g.Docs), "article", "articles"), plural(g.Links, "link", "links")}
	if o.hidden {
		parts[1] = plural(g.Links, "line", "lines")
	} else {
		parts = append(parts, plural(len(outlets), "outlet", "outlets"))
		switch {
		case from.IsZero():
		case showDay(from) == showDay(to):
			parts = append(parts, showDay(from))
		default:
			parts = append(parts, showDay(from)+" – "+showDay(to))
		}
	}
	return title, strings.Join(parts, " · ")
}

// showGroups goes back from a centred article to the groups.
func (o *graphOverview) showGroups() {
	o.centre = ""
	o.find.SetText("")
	o.back.Hide()
	o.v.Refresh(o.v.full)
}

// findChanged lists the articles whose title (or, unless hidden, outlet)
// holds the find box's words, at most 200: those whose title is the words
// first, then those whose title begins with them, then the rest; linked
// ones before the ones only sharing passages.
func (o *graphOverview) findChanged() {
	q := strings.ToLower(strings.TrimSpace(o.find.Text))
	o.matches = o.matches[:0]
	if q != "" && o.of != nil {
		type match struct {
			id   string
			rank int
		}
		var found []match
		for k, d := range o.of.Documents {
			title := o.lower[k]
			hay := title
			if !o.hidden {
				hay += "\x00" + strings.ToLower(d.Meta.Outlet.Value)
			}
			if !strings.Contains(hay, q) {
				continue
			}
			rank := 4
			switch {
			case title == q:
				rank = 0
			case strings.HasPrefix(title, q):
				rank = 2
			}
			switch {
			case len(o.linksOf[d.ID]) > 0:
			case len(o.pairsOf[d.ID]) > 0:
				rank++
			default:
				continue // in no group: nothing to draw
			}
			found = append(found, match{d.ID, rank})
		}
		slices.SortStableFunc(found, func(a, b match) int { return a.rank - b.rank })
		for _, m := range found[:min(200, len(found))] {
			o.matches = append(o.matches, m.id)
		}
	}
	o.list.UnselectAll()
	o.list.Refresh()
}

// typed follows the find box as the user types: the list shows what
// matches, and the graph centres on an article as soon as the words name
// it (its whole title, or the only article that matches; of several
// articles of that title, the first listed, the others listed under it).
func (o *graphOverview) typed() {
	o.findChanged()
	if id := o.named(); id != "" && id != o.centre {
		o.centreOn(id)
	}
}

// named is the article the find box's words name: the first listed
// whose whole title they are, or the only match; "" for none.
func (o *graphOverview) named() string {
	q := strings.ToLower(strings.TrimSpace(o.find.Text))
	if len(o.matches) == 1 || len(o.matches) > 1 && o.lower[o.byDoc[o.matches[0]]] == q {
		return o.matches[0]
	}
	return ""
}

// submitted centres on the first article listed (Enter in the find box).
func (o *graphOverview) submitted() {
	if len(o.matches) > 0 {
		o.centreOn(o.matches[0])
	}
}

// centreOn draws the article id and its neighbours.
// The centred article is drawn ringed and bold (graph_render.go) and
// its title and metadata shown in the details panel.
func (o *graphOverview) centreOn(id string) {
	o.centre = id
	o.back.Show()
	v := o.v
	v.Refresh(v.full)
	if i := slices.IndexFunc(v.graph.layout.Nodes, func(n GraphNode) bool { return n.ID == id }); i >= 0 && !v.byOutlet {
		v.selected, v.shown, v.shownNode = -1, -1, i
		v.showDetails()
	}
}

// centred is the article the graph is centred on, or "".
func (o *graphOverview) centred() string {
	if o == nil || !o.active() {
		return ""
	}
	return o.centre
}

func (o *graphOverview) finding() bool { return strings.TrimSpace(o.find.Text) != "" }

func (o *graphOverview) length() int {
	if o.finding() {
		return len(o.matches)
	}
	return len(o.groups)
}

func (o *graphOverview) createRow() fyne.CanvasObject {
	return container.New(tightRows{},
		&widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		&widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText})
}

func (o *graphOverview) updateRow(i widget.ListItemID, obj fyne.CanvasObject) {
	rows := obj.(*fyne.Container).Objects
	title, detail := rows[0].(*widget.Label), rows[1].(*widget.Label)
	if o.finding() {
		if i >= len(o.matches) {
			return
		}
		id := o.matches[i]
		d := &o.of.Documents[o.byDoc[id]]
		title.SetText(d.Label())
		line := plural(len(o.linksOf[id]), "link", "links")
		if o.hidden {
			line = plural(len(o.linksOf[id]), "line", "lines")
		} else {
			line = outletOf(d) + " · " + dateLabel(d) + " · " + line
		}
		detail.SetText(line)
		return
	}
	if i >= len(o.groups) {
		return
	}
	t, d := o.groupLabel(o.groups[i])
	title.SetText(fmt.Sprintf("%d. %s", i+1, t))
	detail.SetText(d)
}

func (o *graphOverview) selected(i widget.ListItemID) {
	if o.selecting {
		return
	}
	if o.finding() {
		if i < len(o.matches) {
			o.centreOn(o.matches[i])
		}
		return
	}
	if i < len(o.groups) {
		o.centre, o.groupDoc = "", o.groups[i].Docs[0]
		o.back.Hide()
		o.v.Refresh(o.v.full)
	}
}

// follow makes the group holding document id the one drawn (after a
// re-analysis started from the panel about it), unless an article is
// centred.
func (o *graphOverview) follow(id string) {
	if o.centre == "" {
		o.groupDoc = id
	}
}

// topOutlets keeps the n outlet nodes whose edges carry the most words and
// the edges between them; dropped counts the nodes left out.
func topOutlets(nodes []GraphNode, edges []GraphEdge, n int) (kept []GraphNode, keptEdges []GraphEdge, dropped int) {
	if len(nodes) <= n {
		return nodes, edges, 0
	}
	words := make([]int, len(nodes))
	for _, e := range edges {
		words[e.From] += e.Words
		words[e.To] += e.Words
	}
	order := make([]int, len(nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return words[b] - words[a] })
	keep := make([]bool, len(nodes))
	for _, i := range order[:n] {
		keep[i] = true
	}
	newIndex := make([]int, len(nodes))
	for i := range nodes { // the nodes kept stay in their order
		newIndex[i] = -1
		if keep[i] {
			newIndex[i] = len(kept)
			kept = append(kept, nodes[i])
		}
	}
	for _, e := range edges {
		if a, b := newIndex[e.From], newIndex[e.To]; a >= 0 && b >= 0 {
			e.From, e.To = a, b
			keptEdges = append(keptEdges, e)
		}
	}
	return kept, keptEdges, len(nodes) - n
}
