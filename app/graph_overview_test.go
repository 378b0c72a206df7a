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
	if u.large.checked != nil {
		// The file's background check hands its counts to the UI when it
		// ends: under the test driver that runs on its goroutine, so the
		// test waits for it rather than race it.
		<-u.large.checked
	}
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
		if !n.Absent { // a named source outside the collection is no article
			ids = append(ids, n.ID)
		}
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
// in hidden mode, as the hidden-mode tests walk the demo: every screen,
// link, comparison (texts read from the file), family and article, and
// the overview's groups, a search and a centred article at both depths
// (walkOverviewHidden), the Outlets view asked for and the matrix of the
// most reused articles scrolled through: no outlet name, date, real title
// or direction anywhere.
func TestOverviewHidesOutletsAndDates(t *testing.T) {
	if raceEnabled {
		t.Skip("the walk over 200 articles takes about 20 minutes under the race detector; the normal run walks it")
	}
	u, g, _ := overviewUI(t, 200, 12, true)
	if !g.ov.active() {
		t.Fatal("the overview did not step in")
	}
	if m := buildCoverageMatrix(u.Result()); m.Sharing <= len(m.IDs) {
		t.Fatalf("the matrix shows all %d articles sharing text: the walk would not see it capped", m.Sharing)
	}
	walkHidden(t, u)
}
