package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
	"github.com/copytrail/copytrail/provenance/store"
)

// verdictNav is a fake window that also keeps verdicts.
type verdictNav struct {
	viewsNav
	verdicts map[[2]string]store.Verdict
}

func (n *verdictNav) Decision(s, t string) store.Decision {
	return store.Decision{Verdict: n.verdicts[[2]string{s, t}]}
}

func TestGraphView_VerdictsShow(t *testing.T) {
	nav := &verdictNav{viewsNav: viewsNav{result: viewsResult()}, verdicts: map[[2]string]store.Verdict{
		{"w", "b"}: store.VerdictConfirmed, {"r", "w"}: store.VerdictDismissed}}
	v, _ := graphWindow(t, nav)
	r := test.WidgetRenderer(v.graph).(*graphRenderer)
	for i, e := range v.graph.layout.Edges {
		lines := r.edges[i].lines
		switch e.Link {
		case 1: // low confidence, dashed before; confirmed: solid shaft + head
			if len(lines) != 3 {
				t.Errorf("confirmed link drawn with %d strokes, want a solid shaft and a head", len(lines))
			}
			if lines[0].StrokeWidth < 3 {
				t.Errorf("confirmed link width %v, want bold", lines[0].StrokeWidth)
			}
		case 0:
			if _, _, _, a := lines[0].StrokeColor.RGBA(); a>>8 > 0x60 {
				t.Errorf("dismissed link opacity %x, want faded", a>>8)
			}
		}
	}
	v.selectEdge(indexOfLink(v, 1))
	if !strings.Contains(v.details.Text, "Your verdict: confirmed") {
		t.Errorf("panel lacks the verdict:\n%s", v.details.Text)
	}
}

func indexOfLink(v *GraphView, link int) int {
	for i, e := range v.graph.layout.Edges {
		if e.Link == link {
			return i
		}
	}
	return -1
}

// settleNav is a fake window that records the fields set from the panel.
type settleNav struct {
	viewsNav
	win fyne.Window
	set [][3]string
}

func (n *settleNav) SetDocField(id, field, value string) error {
	n.set = append(n.set, [3]string{id, field, value})
	return nil
}
func (n *settleNav) DateOrder() dates.Order { return dates.Unset }
func (n *settleNav) Window() fyne.Window    { return n.win }

func TestGraphView_UndecidedSaysSoAndOffersToSettle(t *testing.T) {
	r := viewsResult()
	r.Settings.Lineage.MinConfidence = 0.6
	r.Links[1].Kind, r.Links[1].Confidence = provenance.LinkUnknown, 0.5
	r.Links[1].ToDecide = []string{"no publication date for “Our view on the ferry terminal”: add it in the library"}
	nav := &settleNav{viewsNav: viewsNav{result: r}}
	v, w := graphWindow(t, nav)
	nav.win = w
	v.selectEdge(indexOfLink(v, 1))
	text := v.details.Text
	for _, want := range []string{"Direction undecided: Coast Wire and Island Blog share text",
		"No confidence is given: the clues fall short of the 60% needed", "What would decide it:\n• no publication date for Island Blog: add it in the library"} {
		if !strings.Contains(text, want) {
			t.Errorf("panel lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Confidence:") || strings.Contains(text, "50%") {
		t.Errorf("an undecided link shows a confidence:\n%s", text)
	}
	var dateBtn *widget.Button
	for _, o := range test.LaidOutObjects(v.actions) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Island Blog: date…" {
			dateBtn = b
		}
	}
	if dateBtn == nil {
		t.Fatal("no button to set Island Blog's date")
	}
	test.Tap(dateBtn)
	entry := findEntry(t, w.Canvas().Overlays().Top())
	entry.SetText("")
	test.Type(entry, "June 1, 2021")
	test.Tap(findButton(t, w.Canvas().Overlays().Top(), "Set and re-analyse"))
	if len(nav.set) != 1 || nav.set[0] != [3]string{"b", "published", "June 1, 2021"} {
		t.Fatalf("set %v", nav.set)
	}
	if v.keepPair != [2]string{"w", "b"} {
		t.Errorf("the panel will not come back to the pair: %v", v.keepPair)
	}
	// After the re-analysis the same pair is shown, now decided.
	r2 := viewsResult()
	v.Refresh(r2)
	if v.shown != indexOfLink(v, 1) || !strings.HasPrefix(v.details.Text, "Copy: Island Blog reused text from Coast Wire") {
		t.Errorf("after the re-analysis the panel shows %d:\n%s", v.shown, v.details.Text)
	}
}

func findEntry(t *testing.T, o fyne.CanvasObject) *navEntry {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if e, ok := c.(*navEntry); ok {
			return e
		}
	}
	t.Fatal("no entry")
	return nil
}

func TestGraphView_HoverShowsTheFullTitle(t *testing.T) {
	r := viewsResult()
	r.Documents[1].Meta.Title.Value = "Ferry terminal opens after delays that cost the harbour board a whole season of crossings"
	nav := &viewsNav{result: r}
	v, w := graphWindow(t, nav)
	var node GraphNode
	for _, n := range v.graph.layout.Nodes {
		if n.ID == "w" {
			node = n
		}
	}
	if !strings.HasSuffix(node.TitleLine, "…") {
		t.Fatalf("the long title is not cut on the canvas: %q", node.TitleLine)
	}
	test.MoveMouse(w.Canvas(), onCanvas(w, v.graph, fyne.NewPos(node.X*v.graph.zoom+v.graph.pan.X, node.Y*v.graph.zoom+v.graph.pan.Y)))
	if !strings.Contains(v.details.Text, "“"+r.Documents[1].Meta.Title.Value+"”") || !strings.Contains(v.details.Text, "Coast Wire · 2 Mar 2024") {
		t.Errorf("hovering the node shows:\n%s", v.details.Text)
	}
}

func TestGraphView_UnknownOutletsStayApart(t *testing.T) {
	r := viewsResult()
	// Two more articles of unknown outlet, one copying the other and one copying Coast Wire.
	r.Documents = append(r.Documents, viewsDoc("x", "First unsigned page about ferries", "", "2024-03-04"),
		viewsDoc("y", "Second unsigned page about ferries", "", "2024-03-05"))
	r.Links = append(r.Links,
		provenance.Link{Source: "x", Target: "y", Kind: provenance.LinkCopy, Confidence: 0.9},
		provenance.Link{Source: "w", Target: "x", Kind: provenance.LinkCopy, Confidence: 0.8})
	r.OutletEdges = append(r.OutletEdges, provenance.OutletEdge{Source: "", Target: "", Articles: 1, Confidence: 0.9},
		provenance.OutletEdge{Source: "Coast Wire", Target: "", Articles: 1, Confidence: 0.8})
	nodes, edges := outletGraph(r)
	for _, e := range edges {
		if e.From == e.To {
			t.Errorf("an outlet reuses from itself: %s", nodes[e.From].Title)
		}
	}
	unknown := 0
	for _, n := range nodes {
		if n.ID == unknownOutlet {
			t.Errorf("one %q node for every article without an outlet", unknownOutlet)
		}
		if n.Detail == "outlet unknown" {
			unknown++
		}
	}
	if unknown != 2 {
		t.Errorf("%d nodes of unknown outlet, want one per article (2)", unknown)
	}
}

func TestShortenNames(t *testing.T) {
	a := viewsDoc("a", "Mali: UN mission withdrawal feared to worsen the situation", "CAJ News", "")
	b := viewsDoc("b", "MINUSMA withdrawal must protect civilians", "CIVIC", "")
	reason := "“CAJ News: Mali: UN mission withdrawal feared to worsen the s…” reused text from “CIVIC: MINUSMA withdrawal must protect civilians”; “an unrelated quote” stays"
	got := shortenNames(reason, map[string]*provenance.Document{"CAJ News": &a, "CIVIC": &b})
	if got != "CAJ News reused text from CIVIC; “an unrelated quote” stays" {
		t.Errorf("shortenNames = %q", got)
	}
	// A shared passage that begins as an article's title does is text, not
	// a name (the engine cuts passages at a word, " …").
	passages := "shared passages: “MINUSMA withdrawal must protect …”"
	if got := shortenNames(passages, map[string]*provenance.Document{"CAJ News": &a, "CIVIC": &b}); got != passages {
		t.Errorf("a passage read as a name: %q", got)
	}
	if na, nb := shortNames(&a, &b); na != "CAJ News" || nb != "CIVIC" {
		t.Errorf("shortNames = %q, %q", na, nb)
	}
	b.Meta.Outlet.Value = "CAJ News"
	if na, nb := shortNames(&a, &b); na != "Mali: UN mission withdrawal…" || nb != "MINUSMA withdrawal must protect…" {
		t.Errorf("shortNames, one outlet = %q, %q", na, nb)
	}
}

// With the real engine: an undated pair's link is undecided; setting a date
// from the graph panel re-analyses and the panel shows the link decided.
func TestSettleAnUndecidedLinkFromThePanel(t *testing.T) {
	u := newTestUI(t, DefaultEngine())
	paths := writeArticles(t, t.TempDir(), 2)
	u.AddPaths(paths)
	u.bridge.Wait()
	// The first article loses its date: nothing says who came first.
	d := docByPath(t, u, paths[0])
	m := d.Meta
	m.Published = provenance.Field{}
	u.UpdateMetadata(d.ID, m)
	u.bridge.Wait()
	g := u.views[ScreenGraph].(*GraphView)
	u.ShowScreen(ScreenGraph)
	i := -1
	for k, e := range g.graph.layout.Edges {
		if e.Kind == provenance.LinkUnknown {
			i = k
		}
	}
	if i < 0 {
		t.Skipf("the engine decided the undated pair anyway: %+v", u.ws.Result.Links)
	}
	g.selectEdge(i)
	if strings.Contains(g.details.Text, "Confidence:") || !strings.Contains(g.details.Text, "Direction undecided") {
		t.Fatalf("undecided panel:\n%s", g.details.Text)
	}
	first := docByPath(t, u, paths[0])
	var btn *widget.Button
	for _, o := range test.LaidOutObjects(g.actions) {
		if b, ok := o.(*widget.Button); ok && b.Text == first.Meta.Outlet.Value+": date…" {
			btn = b
		}
	}
	if btn == nil {
		t.Fatalf("no date button for %q in the panel", first.Label())
	}
	test.Tap(btn)
	top := u.win.Canvas().Overlays().Top()
	entry := findEntry(t, top)
	entry.SetText("")
	test.Type(entry, "1 May 2024")
	asUI(u, func() { test.Tap(findButton(t, top, "Set and re-analyse")) })
	u.bridge.Wait()
	if got := docByPath(t, u, paths[0]).Meta.Published.Value; got != "2024-05-01" {
		t.Fatalf("date set to %q", got)
	}
	if g.shown < 0 || !strings.Contains(g.details.Text, first.Label()) {
		t.Fatalf("the panel did not come back to the pair:\n%s", g.details.Text)
	}
	if !strings.Contains(g.details.Text, "1 May 2024") {
		t.Fatalf("the panel does not show the date set:\n%s", g.details.Text)
	}
	// Dates alone may not decide it: give the two outlets their roles, one
	// step each, as the panel's "What would decide it" asks.
	second := docByPath(t, u, paths[1])
	for _, step := range []struct {
		doc  provenance.Document
		role provenance.Role
	}{{first, provenance.RolePressOffice}, {second, provenance.RoleNewspaper}} {
		if !strings.HasPrefix(g.details.Text, "Direction undecided") {
			break
		}
		var roleBtn *widget.Button
		for _, o := range test.LaidOutObjects(g.actions) {
			if b, ok := o.(*widget.Button); ok && b.Text == step.doc.Meta.Outlet.Value+": role…" {
				roleBtn = b
			}
		}
		if roleBtn == nil {
			t.Fatalf("no role button for %q in:\n%s", step.doc.Meta.Outlet.Value, g.details.Text)
		}
		test.Tap(roleBtn)
		top = u.win.Canvas().Overlays().Top()
		for _, o := range test.LaidOutObjects(top) {
			if s, ok := o.(*navSelect); ok {
				s.SetSelected(step.role.Words())
			}
		}
		asUI(u, func() { test.Tap(findButton(t, top, "Set and re-analyse")) })
		u.bridge.Wait()
		if !strings.Contains(g.details.Text, step.role.Words()) {
			t.Fatalf("the panel does not show the role set:\n%s", g.details.Text)
		}
	}
	if !strings.HasPrefix(g.details.Text, "Copy: ") || !strings.Contains(g.details.Text, "Confidence: ") {
		t.Fatalf("setting the date and the role did not decide the link:\n%s", g.details.Text)
	}
}

func TestShortenNamesOfAThirdArticle(t *testing.T) {
	a := viewsDoc("a", "Toxins found in the lake", "Daily Star", "")
	b := viewsDoc("b", "Lake water unsafe, group says", "Courier", "")
	c := viewsDoc("c", "Kestovian lake villages drinking toxic water, monitors say", "Meridian Press", "")
	got := shortenNames("B carries 4 of A's own changes to “Meridian Press: Kestovian lake villages drinking toxic wa…”'s text",
		map[string]*provenance.Document{"A": &a, "B": &b}, a, b, c)
	if got != "B carries 4 of A's own changes to Meridian Press's text" {
		t.Errorf("shortenNames = %q", got)
	}
}

func TestShortenNamesLeavesAnAmbiguousName(t *testing.T) {
	a := viewsDoc("a", "The J. M. Smith Co. is recalling jars sold in the harbour", "Coast Wire", "")
	b := viewsDoc("b", "The J. M. Smith Co. issues a recall of jars", "", "")
	c := viewsDoc("c", "Harbour shops pull jars", "Island Blog", "")
	reason := "all they share is also in “The J. M. Smith…”, which neither copied"
	if got := shortenNames(reason, map[string]*provenance.Document{"Island Blog": &c}, a, b, c); got != reason {
		t.Errorf("an ambiguous name was shortened: %q", got)
	}
}
