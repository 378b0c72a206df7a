package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/scan"
)

// overviewUI opens an analysed scale collection of n articles with the
// overview stepping in above limit articles (the real limit needs
// thousands), lazily when lazy.
func overviewUI(t *testing.T, n, limit int, lazy bool) (*UI, *GraphView, *provenance.Result) {
	t.Helper()
	old := overviewNodes
	overviewNodes = limit
	t.Cleanup(func() { overviewNodes = old })
	path, ws := savedScaleWorkspace(t, n)
	threshold := largeWorkspace
	if lazy {
		threshold = n / 2
	}
	u := largeUI(t, threshold)
	u.win.Resize(fyne.NewSize(1400, 900))
	u.OpenWorkspace(path)
	u.bridge.Wait()
	if (u.large.lazy != nil) != lazy {
		t.Fatalf("opened lazily: %v, want %v", u.large.lazy != nil, lazy)
	}
	u.ShowScreen(ScreenGraph)
	return u, u.views[ScreenGraph].(*GraphView), ws.Result
}

// drawnIDs are the article IDs the graph draws.
func drawnIDs(g *GraphView) []string {
	var ids []string
	for _, n := range g.graph.layout.Nodes {
		ids = append(ids, n.ID)
	}
	return ids
}

// linkedWithin lists the IDs of ids that take part in a link between two of them.
func linkedWithin(r *provenance.Result, ids []string) []string {
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, l := range r.Links {
		if in[l.Source] && in[l.Target] {
			for _, id := range []string{l.Source, l.Target} {
				if !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// TestGraphOverviewOnALargeCollection: a collection whose links join more
// articles than the graph draws opens on its connected groups, largest
// first, with the largest drawn; choosing a group draws it; finding an
// article and choosing it draws it and its neighbours (one or two steps);
// an arrow drawn opens the right comparison; Outlets draws at most
// overviewOutlets outlets; and never more than the limit of articles.
func TestGraphOverviewOnALargeCollection(t *testing.T) {
	u, g, full := overviewUI(t, 600, 25, false)
	groups := scan.Groups(full)
	if !g.ov.active() || !g.ov.panel.Visible() {
		t.Fatal("the overview did not step in")
	}
	if got := g.ov.list.Length(); got != len(groups) {
		t.Fatalf("the panel lists %d groups, want %d", got, len(groups))
	}
	if !strings.Contains(g.ov.heading.Text, plural(len(groups), "group", "groups")) {
		t.Errorf("heading %q", g.ov.heading.Text)
	}
	largest := groups[0].Docs
	if len(largest) <= 25 {
		t.Fatalf("the largest group has %d articles: the test needs one above the limit", len(largest))
	}
	drawn := drawnIDs(g)
	if len(drawn) == 0 || len(drawn) > 25 {
		t.Fatalf("the graph draws %d articles, want 1 to 25", len(drawn))
	}
	for _, id := range drawn {
		if !slices.Contains(largest, id) {
			t.Fatalf("%s is drawn but not in the largest group", id)
		}
	}
	if !strings.Contains(g.status.Text, "group 1 of") || !strings.Contains(g.status.Text, "most linked of its "+thousands(len(largest))) {
		t.Errorf("status %q", g.status.Text)
	}
	for k := 1; k < min(4, len(groups)); k++ {
		g.ov.list.Select(k)
		want := linkedWithin(full, groups[k].Docs)
		if got := drawnIDs(g); !sameSet(got, want) {
			t.Fatalf("group %d: drawn %v, want %v", k+1, got, want)
		}
		if !strings.Contains(g.status.Text, "group "+thousands(k+1)+" of") {
			t.Errorf("status %q for group %d", g.status.Text, k+1)
		}
	}

	// Find an article of the largest group and centre on it.
	centre := full.Doc(largest[len(largest)/2])
	test.Type(g.ov.find, strings.ToLower(centre.Label()))
	at := slices.Index(g.ov.matches, centre.ID)
	if at < 0 {
		t.Fatalf("finding %q lists %v", centre.Label(), g.ov.matches)
	}
	g.ov.list.Select(at)
	for _, depth := range []int{1, 2} {
		if depth == 2 {
			g.ov.depthOf.SetSelected("neighbours' neighbours")
		}
		near := scan.Neighbourhood(full, centre.ID, depth)
		want := linkedWithin(full, near[:min(len(near), 25)])
		if got := drawnIDs(g); !sameSet(got, want) || !slices.Contains(got, centre.ID) {
			t.Fatalf("centred at depth %d: drawn %v, want %v", depth, got, want)
		}
		if len(near) < 2 {
			t.Fatalf("%s has no neighbours", centre.ID)
		}
	}
	if !strings.Contains(g.status.Text, "neighbours' neighbours") || !g.ov.back.Visible() {
		t.Errorf("status %q", g.status.Text)
	}

	// An arrow drawn opens its comparison.
	e := g.graph.layout.Edges[0]
	g.selectEdge(0)
	g.openSelected()
	l := full.Links[slices.IndexFunc(full.Links, func(l provenance.Link) bool {
		return l.Source == g.graph.layout.Nodes[e.From].ID && l.Target == g.graph.layout.Nodes[e.To].ID
	})]
	if a, b := u.compare.Pair(); a != l.Source || b != l.Target {
		t.Errorf("the arrow %s → %s compares %s, %s", l.Source, l.Target, a, b)
	}
	u.ShowScreen(ScreenGraph)

	test.Tap(g.ov.back)
	if g.ov.centre != "" || g.ov.find.Text != "" || len(drawnIDs(g)) > 25 {
		t.Errorf("back to the groups: centre %q, find %q", g.ov.centre, g.ov.find.Text)
	}

	g.setByOutlet(true)
	if n := len(g.graph.layout.Nodes); n == 0 || n > overviewOutlets {
		t.Errorf("the outlets view draws %d outlets", n)
	}
	g.setByOutlet(false)
}

// TestSmallCollectionNeverSeesTheOverview: the demo's articles are drawn
// whole, without the overview's panel.
func TestSmallCollectionNeverSeesTheOverview(t *testing.T) {
	u := demoUI(t)
	g := u.views[ScreenGraph].(*GraphView)
	if g.ov.active() || g.ov.panel.Visible() {
		t.Fatal("the overview stepped in on the demo")
	}
	if want := linkedWithin(u.ws.Result, idsOf(u.ws.Result.Documents)); !sameSet(drawnIDs(g), want) {
		t.Errorf("the demo graph draws %v, want every linked article %v", drawnIDs(g), want)
	}
}

func idsOf(docs []provenance.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

// TestOverviewHidesOutletsAndDates walks a lazily opened large collection
// in hidden mode, as the hidden-mode tests walk the demo, and then every
// group of the overview, a search and a centred article at both depths:
// no outlet name, date, real title or direction anywhere.
func TestOverviewHidesOutletsAndDates(t *testing.T) {
	u, g, full := overviewUI(t, 200, 12, true)
	if !g.ov.active() {
		t.Fatal("the overview did not step in")
	}
	walkHidden(t, u) // every screen, link, comparison (texts read from the file), family and article; then reveals
	u.ToggleHideMetadata()
	u.ShowScreen(ScreenGraph)
	sec := secretsOf(full)
	look := func(where string) { lookAt(t, u, sec, where, true, true) }
	if !g.ov.hidden || !g.graph.layout.Undirected {
		t.Fatal("the overview does not read the masked analysis")
	}
	for i := range g.ov.groups {
		g.ov.list.Select(i)
		look("overview group")
	}
	test.Type(g.ov.find, "article")
	if len(g.ov.matches) == 0 {
		t.Fatal("finding “article” lists nothing while hidden")
	}
	look("overview search")
	g.ov.list.Select(0)
	look("overview centred")
	g.ov.depthOf.SetSelected("neighbours' neighbours")
	look("overview centred, two steps")
	for i := range g.graph.layout.Edges {
		g.selectEdge(i)
		look("overview centred, line selected")
	}
	test.Type(g.ov.find, "")
	for _, o := range []string{"Harbour", "Meridian", "Gazette"} {
		g.ov.find.SetText(o)
		if len(g.ov.matches) > 0 {
			t.Errorf("finding the outlet %q while hidden lists %d articles", o, len(g.ov.matches))
		}
	}
}

// TestTypingANameCentresTheGraph: typing an article's whole title into the
// overview's find box centres the graph on it with no click (it and its
// neighbours drawn, it ringed and bold, its details in the panel); at two
// steps its neighbours' neighbours join; Enter centres on the first
// article listed, and the list puts a title equal to the words before one
// beginning with them, before one only holding them.
func TestTypingANameCentresTheGraph(t *testing.T) {
	_, g, full := overviewUI(t, 600, 25, false)
	// The first linked article of its title (the one the title names)
	// with neighbours to draw.
	var centre *provenance.Document
	seen := map[string]bool{}
	for i := range full.Documents {
		d := &full.Documents[i]
		title := strings.ToLower(d.Label())
		if !slices.ContainsFunc(full.Links, func(l provenance.Link) bool { return l.Source == d.ID || l.Target == d.ID }) || seen[title] {
			continue
		}
		seen[title] = true
		if len(scan.Neighbourhood(full, d.ID, 1)) > 2 && len(scan.Neighbourhood(full, d.ID, 2)) > len(scan.Neighbourhood(full, d.ID, 1)) {
			centre = d
			break
		}
	}
	if centre == nil {
		t.Fatal("no linked article with neighbours' neighbours")
	}
	test.Type(g.ov.find, centre.Label())
	if g.ov.centre != centre.ID {
		t.Fatalf("typing %q centred on %q", centre.Label(), g.ov.centre)
	}
	check := func(depth int) {
		t.Helper()
		near := scan.Neighbourhood(full, centre.ID, depth)
		if got, want := drawnIDs(g), linkedWithin(full, near[:min(len(near), 25)]); !sameSet(got, want) {
			t.Fatalf("depth %d: drawn %v, want %v", depth, got, want)
		}
		r := test.WidgetRenderer(g.graph).(*graphRenderer)
		ringed := 0
		for i, n := range g.graph.layout.Nodes {
			if r.circles[i].StrokeWidth > 2 {
				ringed++
				if n.ID != centre.ID || !r.titles[i].TextStyle.Bold {
					t.Errorf("depth %d: %s is ringed, not the article found", depth, n.ID)
				}
			}
		}
		if ringed != 1 {
			t.Errorf("depth %d: %d articles ringed, want the one found", depth, ringed)
		}
	}
	check(1)
	if !strings.Contains(g.details.Text, centre.Label()) {
		t.Errorf("the panel shows %q, not the article found", g.details.Text)
	}
	g.ov.depthOf.SetSelected("neighbours' neighbours")
	check(2)

	// Part of a title lists many; Enter centres on the first, and the list
	// ranks whole titles, then beginnings, then the rest.
	word := strings.Fields(strings.ToLower(centre.Label()))[0]
	g.ov.find.SetText("")
	test.Type(g.ov.find, word)
	if len(g.ov.matches) < 2 {
		t.Fatalf("%q lists %d articles", word, len(g.ov.matches))
	}
	rank := func(id string) int {
		switch title := strings.ToLower(full.Doc(id).Label()); {
		case title == word:
			return 0
		case strings.HasPrefix(title, word):
			return 1
		}
		return 2
	}
	for i := 1; i < len(g.ov.matches); i++ {
		if a, b := g.ov.matches[i-1], g.ov.matches[i]; rank(a) > rank(b) {
			t.Fatalf("%q lists %q before %q", word, full.Doc(a).Label(), full.Doc(b).Label())
		}
	}
	g.ov.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.ov.centre != g.ov.matches[0] {
		t.Errorf("Enter centred on %q, want the first listed %q", g.ov.centre, g.ov.matches[0])
	}
}
