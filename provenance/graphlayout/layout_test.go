package graphlayout

import (
	"fmt"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

func day(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }

func TestDateLayoutRunsLeftToRight(t *testing.T) {
	g := Graph{
		Nodes: []Node{{ID: "late", Time: day(9)}, {ID: "early", Time: day(1)}, {ID: "nodate"}, {ID: "mid", Time: day(5)}},
		Edges: []Edge{{Source: "early", Target: "mid"}, {Source: "mid", Target: "late"}, {Source: "early", Target: "nodate"}},
	}
	l := Compute(g)
	if !l.ByDate {
		t.Fatal("dates exist but the layout is not by date")
	}
	if !(l.Pos["early"].X < l.Pos["mid"].X && l.Pos["mid"].X < l.Pos["late"].X && l.Pos["late"].X < l.Pos["nodate"].X) {
		t.Errorf("x not in date order: %+v", l.Pos)
	}
	if got := l.Columns[len(l.Columns)-1]; got.Label != "undated" || len(got.Nodes) != 1 || got.Nodes[0] != "nodate" {
		t.Errorf("last column = %+v, want the undated node", got)
	}
	if l.Columns[0].Label != "2024-03-01" {
		t.Errorf("first column label %q", l.Columns[0].Label)
	}
}

func TestManyDatesBucketByDay(t *testing.T) {
	var g Graph
	for i := 0; i < 30; i++ {
		g.Nodes = append(g.Nodes, Node{ID: string(rune('A' + i)), Time: day(1 + i%3).Add(time.Duration(i) * time.Minute)})
	}
	l := Compute(g)
	if len(l.Columns) != 3 {
		t.Fatalf("30 times over 3 days gave %d columns, want 3", len(l.Columns))
	}
	if l.Rows != 10 {
		t.Errorf("rows = %d, want 10", l.Rows)
	}
}

func TestLayeredLayoutFollowsLinksAndSurvivesCycles(t *testing.T) {
	g := Graph{
		Nodes: []Node{{ID: "c"}, {ID: "b"}, {ID: "a"}, {ID: "alone"}},
		Edges: []Edge{{Source: "a", Target: "b"}, {Source: "b", Target: "c"}, {Source: "c", Target: "a"}, {Source: "a", Target: "c"}},
	}
	l := Compute(g)
	if l.ByDate {
		t.Fatal("no dates, yet laid out by date")
	}
	if len(l.Columns) != 3 {
		t.Fatalf("columns = %d, want 3 (a chain of three)", len(l.Columns))
	}
	seen := 0
	for _, c := range l.Columns {
		seen += len(c.Nodes)
	}
	if seen != 4 || len(l.Pos) != 4 {
		t.Fatalf("placed %d nodes, want 4", seen)
	}
	for id, p := range l.Pos {
		if p.X <= 0 || p.X >= 1 || p.Y <= 0 || p.Y >= 1 {
			t.Errorf("%s at %+v outside (0,1)", id, p)
		}
	}
}

func TestOrderingUncrossesEdges(t *testing.T) {
	g := Graph{
		Nodes: []Node{{ID: "a1"}, {ID: "a2"}, {ID: "a3"}, {ID: "b1"}, {ID: "b2"}, {ID: "b3"}},
		Edges: []Edge{{Source: "a1", Target: "b3"}, {Source: "a2", Target: "b2"}, {Source: "a3", Target: "b1"}},
	}
	l := Compute(g)
	for _, e := range g.Edges {
		for _, f := range g.Edges {
			ds := l.Pos[e.Source].Y - l.Pos[f.Source].Y
			dt := l.Pos[e.Target].Y - l.Pos[f.Target].Y
			if ds*dt < 0 {
				t.Errorf("edges %v and %v cross", e, f)
			}
		}
	}
}

func TestGraphsFromResult(t *testing.T) {
	r := &provenance.Result{
		Documents: []provenance.Document{
			{ID: "d1", Path: "/x/one.txt", Words: 100, Meta: provenance.Metadata{Outlet: provenance.Field{Value: "Wire"}, Published: provenance.Field{Value: "2024-03-01"}}},
			{ID: "d2", Path: "/x/two.txt", Words: 80, Meta: provenance.Metadata{Title: provenance.Field{Value: "Two"}, Outlet: provenance.Field{Value: "Daily"}}},
			{ID: "d3", Path: "/x/three.txt", Words: 50},
		},
		Passages:    []provenance.Passage{{A: "d1", B: "d2", Words: 30}, {A: "d1", B: "d2", Words: 12}},
		Pairs:       []provenance.Pair{{A: "d1", B: "d2", SharedWords: 42, Passages: []int{0, 1, 7}}},
		Links:       []provenance.Link{{Source: "d1", Target: "d2", Kind: provenance.LinkCopy, Confidence: 0.9, Passages: []int{0, 1, 7}}},
		OutletEdges: []provenance.OutletEdge{{Source: "Wire", Target: "Daily", Words: 42, Passages: 2, Articles: 1, Confidence: 0.9}},
	}
	g := DocumentGraph(r)
	if len(g.Nodes) != 3 || len(g.Edges) != 1 {
		t.Fatalf("graph %d nodes %d edges", len(g.Nodes), len(g.Edges))
	}
	if e := g.Edges[0]; e.Words != 42 || e.Passages != 2 {
		t.Errorf("edge words/passages = %d/%d, want the pair's 42/2 (bad index 7 ignored)", e.Words, e.Passages)
	}
	if g.Nodes[0].Label != "one.txt" || g.Nodes[1].Label != "Two" {
		t.Errorf("labels %q %q", g.Nodes[0].Label, g.Nodes[1].Label)
	}
	if got := g.Linked(); len(got.Nodes) != 2 {
		t.Errorf("Linked kept %d nodes, want 2", len(got.Nodes))
	}
	og := OutletGraph(r)
	if len(og.Nodes) != 3 || og.Nodes[2].ID != UnknownOutlet || len(og.Edges) != 1 {
		t.Errorf("outlet graph %+v", og)
	}
	if l := Compute(og); l.ByDate || l.Pos["Wire"].X >= l.Pos["Daily"].X {
		t.Errorf("outlet layout should be layered with Wire left of Daily: %+v", l)
	}
}

func TestLongEdgesDoNotRunThroughNodes(t *testing.T) {
	// One source reused on each of the five following days: the edges to
	// later days must not pass over the articles in between.
	g := Graph{Nodes: []Node{{ID: "src", Time: day(1)}}}
	for i := 2; i <= 6; i++ {
		id := string(rune('a' + i))
		g.Nodes = append(g.Nodes, Node{ID: id, Time: day(i)})
		g.Edges = append(g.Edges, Edge{Source: "src", Target: id})
	}
	g.Edges = append(g.Edges, Edge{Source: "c", Target: "g"})
	l := Compute(g)
	rowH := 1 / float64(l.Rows)
	for _, e := range g.Edges {
		a, b := l.Pos[e.Source], l.Pos[e.Target]
		for id, p := range l.Pos {
			if id == e.Source || id == e.Target || p.X <= min(a.X, b.X) || p.X >= max(a.X, b.X) {
				continue
			}
			y := a.Y + (b.Y-a.Y)*(p.X-a.X)/(b.X-a.X)
			if d := y - p.Y; d > -rowH*0.3 && d < rowH*0.3 {
				t.Errorf("edge %s→%s passes over %s (rows %d, %+v)", e.Source, e.Target, id, l.Rows, l.Pos)
			}
		}
	}
	if l.Rows > 1+maxExtraLanes {
		t.Errorf("rows = %d, more than the fullest column plus %d", l.Rows, maxExtraLanes)
	}
}

// TestStoriesKeepTheirOwnRows: a collection of several stories lays each
// connected group out in rows of its own, so no story's node sits between
// two of another's, dated or not; unlinked articles come last.
func TestStoriesKeepTheirOwnRows(t *testing.T) {
	for _, dated := range []bool{false, true} {
		var g Graph
		story := map[string]int{}
		// Three stories of a source and four reprints, the nodes given
		// interleaved, and two unlinked articles.
		for i := 0; i < 5; i++ {
			for s := 0; s < 3; s++ {
				id := fmt.Sprintf("s%d-%d", s, i)
				n := Node{ID: id}
				if dated {
					n.Time = day(1 + i)
				}
				g.Nodes = append(g.Nodes, n)
				story[id] = s
				if i > 0 {
					g.Edges = append(g.Edges, Edge{Source: fmt.Sprintf("s%d-0", s), Target: id, Kind: provenance.LinkCopy})
				}
			}
		}
		// Siblings of the middle story joined, as common sources are.
		g.Edges = append(g.Edges, Edge{Source: "s1-1", Target: "s1-2", Kind: provenance.LinkCommonSource})
		g.Nodes = append(g.Nodes, Node{ID: "alone-a"}, Node{ID: "alone-b"})
		l := Compute(g)
		lo, hi := map[int]float64{}, map[int]float64{}
		for id, s := range story {
			y := l.Pos[id].Y
			if v, ok := lo[s]; !ok || y < v {
				lo[s] = y
			}
			if v, ok := hi[s]; !ok || y > v {
				hi[s] = y
			}
		}
		for a := 0; a < 3; a++ {
			for b := a + 1; b < 3; b++ {
				if lo[a] <= hi[b] && lo[b] <= hi[a] {
					t.Errorf("dated %v: stories %d (rows %.2f–%.2f) and %d (%.2f–%.2f) interleave", dated, a, lo[a], hi[a], b, lo[b], hi[b])
				}
			}
		}
		for _, id := range []string{"alone-a", "alone-b"} {
			for s := 0; s < 3; s++ {
				if l.Pos[id].Y <= hi[s] {
					t.Errorf("dated %v: unlinked %s at %.2f is above story %d's last row %.2f", dated, id, l.Pos[id].Y, s, hi[s])
				}
			}
		}
	}
}

// TestUndecidedLinksDoNotMakeSteps: with no dates, columns are steps along
// copy links and from a source outside the collection to its carriers; an
// undecided link, or a common source between two articles, places neither
// a step right of the other.
func TestUndecidedLinksDoNotMakeSteps(t *testing.T) {
	g := Graph{
		Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "hub", Absent: true}, {ID: "e"}},
		Edges: []Edge{
			{Source: "a", Target: "b", Kind: provenance.LinkUnknown},
			{Source: "b", Target: "c", Kind: provenance.LinkUnknown},
			{Source: "c", Target: "d", Kind: provenance.LinkCommonSource},
			{Source: "hub", Target: "e", Kind: provenance.LinkCommonSource},
			{Source: "hub", Target: "a", Kind: provenance.LinkCommonSource},
			{Source: "e", Target: "a", Kind: provenance.LinkUnknown},
		},
	}
	cols, byDate := Columns(g)
	if byDate {
		t.Fatal("no dates, yet columns by date")
	}
	col := map[string]int{}
	for i, c := range cols {
		for _, id := range c.Nodes {
			col[id] = i
		}
	}
	// a and e take from the source outside the collection: a step right
	// of it; b, c and d are joined to a and to one another only by
	// undecided or common-source links: no step right of anything.
	for _, id := range []string{"b", "c", "d"} {
		if col[id] != 0 {
			t.Errorf("%s is in step %d: an undecided or common-source link made a step", id, col[id]+1)
		}
	}
	for _, id := range []string{"a", "e"} {
		if col[id] != col["hub"]+1 || cols[col[id]].Label != "step 2" {
			t.Errorf("the source outside the collection is in step %d, its carrier %s in step %d (%q)", col["hub"]+1, id, col[id]+1, cols[col[id]].Label)
		}
	}
	// A story of undecided links alone is spread along them, in columns
	// that are not called steps.
	only := Graph{Nodes: []Node{{ID: "x"}, {ID: "y"}, {ID: "z"}}, Edges: []Edge{
		{Source: "x", Target: "y", Kind: provenance.LinkUnknown}, {Source: "y", Target: "z", Kind: provenance.LinkUnknown}}}
	if cols, _ := Columns(only); len(cols) != 3 || cols[0].Label != "" {
		t.Errorf("undecided links alone: %d columns, first labelled %q; want 3, unlabelled", len(cols), cols[0].Label)
	}
	g.Edges = append(g.Edges, Edge{Source: "a", Target: "b", Kind: provenance.LinkCopy})
	if cols, _ = Columns(g); len(cols) != 3 {
		t.Errorf("a copy link a → b gave %d steps, want 3 (source, a, b)", len(cols))
	}
}
