package app

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/copytrail/copytrail/provenance"
)

// fiftyNodes is a 50-node graph with long titles: a tree of copies plus a
// few common-source lines, dated over a week when dated is set.
func fiftyNodes(dated bool) ([]GraphNode, []GraphEdge) {
	var nodes []GraphNode
	start := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 50; i++ {
		n := GraphNode{ID: fmt.Sprintf("n%d", i),
			Title:  fmt.Sprintf("Story %d: a very long headline about the harbour budget vote and its aftermath", i),
			Detail: "Some Outlet With A Long Name · 2024-05-0x", Group: fmt.Sprintf("outlet %d", i%6)}
		if dated && i%10 != 9 {
			n.Time, n.Dated = start.Add(time.Duration(i*3)*time.Hour), true
		}
		nodes = append(nodes, n)
	}
	var edges []GraphEdge
	for i := 1; i < 50; i++ {
		edges = append(edges, GraphEdge{From: (i - 1) / 3, To: i, Kind: provenance.LinkCopy, Confidence: 0.8, Words: i, Link: i})
	}
	for i := 0; i+7 < 50; i += 7 {
		edges = append(edges, GraphEdge{From: i, To: i + 7, Kind: provenance.LinkCommonSource, Confidence: 0.5, Link: -1})
	}
	return nodes, edges
}

func TestLayoutGraph_FiftyNodesLabelsDoNotOverlap(t *testing.T) {
	for _, dated := range []bool{false, true} {
		t.Run(fmt.Sprintf("dated=%v", dated), func(t *testing.T) {
			nodes, edges := fiftyNodes(dated)
			l := LayoutGraph(nodes, edges, LayoutOptions{ByDate: true})
			if len(l.Nodes) != 50 || l.ByDate != dated {
				t.Fatalf("got %d nodes, ByDate %v", len(l.Nodes), l.ByDate)
			}
			for i, a := range l.Nodes {
				if a.Label.W <= 0 || a.Label.W > 150 {
					t.Errorf("node %d label width %v outside (0, 150]", i, a.Label.W)
				}
				if !strings.HasSuffix(a.TitleLine, "…") {
					t.Errorf("long title not truncated: %q", a.TitleLine)
				}
				if a.Label.X < 0 || a.Label.Y < 0 || a.Label.X+a.Label.W > l.Width || a.Label.Y+a.Label.H > l.Height {
					t.Errorf("node %d label %+v outside the %vx%v layout", i, a.Label, l.Width, l.Height)
				}
				for j := i + 1; j < len(l.Nodes); j++ {
					if b := l.Nodes[j]; a.Label.Overlaps(b.Label) {
						t.Errorf("labels of %s %+v and %s %+v overlap", a.ID, a.Label, b.ID, b.Label)
					}
				}
			}
		})
	}
}

func TestLayoutGraph_LevelsPutSourcesLeftOfCopies(t *testing.T) {
	nodes, edges := fiftyNodes(false)
	l := LayoutGraph(nodes, edges, LayoutOptions{})
	for _, e := range l.Edges {
		if e.Kind != provenance.LinkCopy {
			continue
		}
		a, b := l.Nodes[e.From], l.Nodes[e.To]
		if a.Layer >= b.Layer || a.X >= b.X {
			t.Errorf("copy %s→%s: layers %d→%d, x %v→%v", a.ID, b.ID, a.Layer, b.Layer, a.X, b.X)
		}
	}
	// A tree of branching 3 over 50 nodes has five levels: 1, 3, 9, 27 and 10 nodes.
	if len(l.Columns) != 5 || l.Columns[0].Label != "level 1" {
		t.Errorf("columns = %+v", l.Columns)
	}
}

// TestLayoutGraph_StoriesStandTogether: articles of one story (joined by
// common-source links), given interleaved with another story's, stand
// together in the first level, so their lines stay short when it wraps.
func TestLayoutGraph_StoriesStandTogether(t *testing.T) {
	var nodes []GraphNode
	var edges []GraphEdge
	const per = 12
	for i := 0; i < 2*per; i++ {
		nodes = append(nodes, GraphNode{ID: fmt.Sprintf("n%02d", i), Title: fmt.Sprintf("story %d article %d", i%2, i/2)})
		if i >= 2 {
			edges = append(edges, GraphEdge{From: i - 2, To: i, Kind: provenance.LinkCommonSource})
		}
	}
	// One copy of each story's first article, so the layout has levels.
	nodes = append(nodes, GraphNode{ID: "copy0"}, GraphNode{ID: "copy1"})
	edges = append(edges, GraphEdge{From: 0, To: 2 * per, Kind: provenance.LinkCopy}, GraphEdge{From: 1, To: 2*per + 1, Kind: provenance.LinkCopy})
	l := LayoutGraph(nodes, edges, LayoutOptions{})
	var first []GraphNode
	for i, n := range l.Nodes {
		if n.Layer == 0 && i < 2*per {
			first = append(first, n)
		}
	}
	sort.Slice(first, func(a, b int) bool {
		if first[a].X != first[b].X {
			return first[a].X < first[b].X
		}
		return first[a].Y < first[b].Y
	})
	changes := 0
	for i := 1; i < len(first); i++ {
		if first[i].Title[:7] != first[i-1].Title[:7] {
			changes++
		}
	}
	if len(first) != 2*per || changes != 1 {
		t.Errorf("first level: %d articles, the story changes %d times down its columns, want once", len(first), changes)
	}
}

func TestLayoutGraph_DatesLeftToRightUndatedBelowTheirLinks(t *testing.T) {
	nodes, edges := fiftyNodes(true)
	l := LayoutGraph(nodes, edges, LayoutOptions{ByDate: true})
	bottom := float32(0)
	for _, a := range l.Nodes {
		if a.Dated {
			bottom = max(bottom, a.Label.Y+a.Label.H)
		}
	}
	if l.UndatedY < bottom {
		t.Fatalf("undated band at %v, above the dated labels' bottom %v", l.UndatedY, bottom)
	}
	for i, a := range l.Nodes {
		if !a.Dated {
			if a.Y < l.UndatedY {
				t.Errorf("undated %s at y %v, above the band at %v", a.ID, a.Y, l.UndatedY)
			}
			// Under its dated neighbours: within two columns of their mean x.
			sum, cnt := float32(0), 0
			for _, e := range l.Edges {
				for _, pair := range [][2]int{{e.From, e.To}, {e.To, e.From}} {
					if pair[0] == i && l.Nodes[pair[1]].Dated {
						sum += l.Nodes[pair[1]].X
						cnt++
					}
				}
			}
			if cnt > 0 && (a.X-sum/float32(cnt) > 2*l.ColumnWidth || sum/float32(cnt)-a.X > 2*l.ColumnWidth) {
				t.Errorf("undated %s at x %v, far from its dated neighbours at %v", a.ID, a.X, sum/float32(cnt))
			}
			continue
		}
		if day := showDay(a.Time); l.Columns[a.ColumnIndex].Label != day {
			t.Errorf("%s dated %s sits under %q", a.ID, day, l.Columns[a.ColumnIndex].Label)
		}
		for _, b := range l.Nodes[i+1:] {
			if b.Dated && a.Time.Format("2006-01-02") < b.Time.Format("2006-01-02") && a.X >= b.X {
				t.Errorf("%s (%v) is not left of later %s (%v)", a.ID, a.Time, b.ID, b.Time)
			}
		}
	}
}

func TestLayoutGraph_ManyDatesAreBucketed(t *testing.T) {
	var nodes []GraphNode
	for i := 0; i < 100; i++ {
		nodes = append(nodes, GraphNode{ID: fmt.Sprint(i), Title: "t", Dated: true,
			Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)})
	}
	l := LayoutGraph(nodes, nil, LayoutOptions{ByDate: true, MaxColumns: 10})
	if len(l.Columns) != 10 || l.Columns[0].Label != "1 Jan 2020 – 10 Jan 2020" {
		t.Errorf("got %d columns, first %q", len(l.Columns), l.Columns[0].Label)
	}
}

func TestLayoutGraph_CyclesAndEmpty(t *testing.T) {
	if l := LayoutGraph(nil, nil, LayoutOptions{}); len(l.Nodes) != 0 || l.Width != 0 {
		t.Errorf("empty layout = %+v", l)
	}
	nodes := []GraphNode{{ID: "a", Title: "a"}, {ID: "b", Title: "b"}, {ID: "c", Title: "c"}}
	edges := []GraphEdge{{From: 0, To: 1, Kind: provenance.LinkCopy}, {From: 1, To: 2, Kind: provenance.LinkCopy},
		{From: 2, To: 0, Kind: provenance.LinkCopy}}
	l := LayoutGraph(nodes, edges, LayoutOptions{})
	if l.Nodes[0].Layer != 0 || l.Nodes[1].Layer != 1 || l.Nodes[2].Layer != 2 {
		t.Errorf("cycle layers %d %d %d, want 0 1 2", l.Nodes[0].Layer, l.Nodes[1].Layer, l.Nodes[2].Layer)
	}
}

func TestGraphLayout_HitTesting(t *testing.T) {
	nodes := []GraphNode{{ID: "a", Title: "a"}, {ID: "b", Title: "b"}}
	l := LayoutGraph(nodes, []GraphEdge{{From: 0, To: 1, Kind: provenance.LinkCopy}}, LayoutOptions{})
	a, b := l.Nodes[0], l.Nodes[1]
	mx, my := (a.X+b.X)/2, (a.Y+b.Y)/2
	if got := l.EdgeAt(mx, my+3, 5); got != 0 {
		t.Errorf("EdgeAt near the middle = %d, want 0", got)
	}
	if got := l.EdgeAt(mx, my+40, 5); got != -1 {
		t.Errorf("EdgeAt far away = %d, want -1", got)
	}
	if got := l.NodeAt(b.X+2, b.Y-2, 9); got != 1 {
		t.Errorf("NodeAt on b = %d, want 1", got)
	}
}

func TestTruncateToWidth(t *testing.T) {
	measure := func(s string) float32 { return float32(len([]rune(s))) }
	for _, c := range []struct{ in, want string }{
		{"short", "short"}, {"", ""}, {"exactly ten", "exactly t…"}, {"ünïcödé wörds here", "ünïcödé w…"},
	} {
		if got := truncateToWidth(c.in, 10, measure); got != c.want {
			t.Errorf("truncateToWidth(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func BenchmarkLayoutGraph1000(b *testing.B) {
	r := bigResult(1000)
	nodes, edges, _ := documentGraph(r, false)
	b.ResetTimer()
	for b.Loop() {
		LayoutGraph(nodes, edges, LayoutOptions{ByDate: true})
	}
}

func TestRuneMeasureCoversRenderedWidth(t *testing.T) {
	viewsApp(t)
	measure := runeMeasure(12)
	for _, s := range []string{"Harbour opens new ferry terminal", "Ünïcödé wörds — “quoted”", "WAVY AVATAR Type"} {
		real := fyne.MeasureText(s, 12, fyne.TextStyle{}).Width
		if got := measure(s); got < real || got > real*1.1 {
			t.Errorf("runeMeasure(%q) = %v, rendered width %v", s, got, real)
		}
	}
}

func TestGraphLayout_SameColumnEdgesBowPastLabels(t *testing.T) {
	nodes := []GraphNode{{ID: "a", Title: "a", Dated: true, Time: time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)},
		{ID: "b", Title: "b", Dated: true, Time: time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)}}
	l := LayoutGraph(nodes, []GraphEdge{{From: 0, To: 1, Kind: provenance.LinkCopy}}, LayoutOptions{ByDate: true})
	path := l.EdgePath(l.Edges[0])
	a := l.Nodes[0]
	if len(path) != curvePieces+1 || path[0] != (Point{a.X, a.Y}) {
		t.Fatalf("path %v", path)
	}
	apex := path[curvePieces/2]
	if apex.X > a.Label.X || apex.X < a.X-l.Bow-1 {
		t.Errorf("apex x %v: want left of the label (x %v) within the bow %v", apex.X, a.Label.X, l.Bow)
	}
	// The curve is where a tap finds it, and the straight line is not.
	if l.EdgeAt(apex.X, apex.Y, 3) != 0 || l.EdgeAt(a.X, apex.Y, 3) != -1 {
		t.Errorf("hit test does not follow the curve")
	}
}

func TestLayoutGraph_ThousandNodesStayApart(t *testing.T) {
	nodes, edges, _ := documentGraph(bigResult(1000), false)
	l := LayoutGraph(nodes, edges, LayoutOptions{ByDate: true})
	if len(l.Nodes) != 1000 || !l.ByDate {
		t.Fatalf("%d nodes, ByDate %v", len(l.Nodes), l.ByDate)
	}
	for i, a := range l.Nodes {
		for _, b := range l.Nodes[i+1:] {
			if a.Label.Overlaps(b.Label) {
				t.Fatalf("labels of %s and %s overlap", a.ID, b.ID)
			}
		}
	}
	// Tall columns wrap: the layout stays within a few screens either way.
	if l.Width > 20000 || l.Height > 5000 {
		t.Errorf("layout is %v×%v", l.Width, l.Height)
	}
}

// TestLayoutGraph_UndatedUndirectedGroupIsNotOneColumn: five undated
// reprints of one text, linked to each other by undecided links (a real
// press-release family saved without dates), are not stacked in one column
// with every arc bundled: they spread out, no two links run along the same
// line, and the links keep their kind (the layout is not the hidden one).
func TestLayoutGraph_UndatedUndirectedGroupIsNotOneColumn(t *testing.T) {
	var nodes []GraphNode
	for i := 0; i < 5; i++ {
		nodes = append(nodes, GraphNode{ID: fmt.Sprint(i), Title: fmt.Sprintf("Reprint %d of the release", i), Detail: "unknown outlet"})
	}
	var edges []GraphEdge
	for i := 0; i < 5; i++ {
		for j := i + 1; j < 5; j++ {
			edges = append(edges, GraphEdge{From: i, To: j, Kind: provenance.LinkUnknown, Words: 100, Link: len(edges)})
		}
	}
	l := LayoutGraph(nodes, edges, LayoutOptions{ByDate: true})
	if l.Undirected {
		t.Fatal("an undated group is drawn as in hidden mode")
	}
	xs := map[float32]bool{}
	for _, n := range l.Nodes {
		xs[float32(math.Round(float64(n.X)))] = true
	}
	if len(xs) < 3 {
		t.Fatalf("the five undated articles stand in %d column(s): %+v", len(xs), l.Nodes)
	}
	// No node lies on the straight line between two others it is not part of.
	for _, e := range l.Edges {
		a, b := l.Nodes[e.From], l.Nodes[e.To]
		for k, c := range l.Nodes {
			if k == e.From || k == e.To {
				continue
			}
			if d := distToSegment(c.X, c.Y, a.X, a.Y, b.X, b.Y); d < 9 {
				t.Errorf("the link %d–%d runs through article %d (%.1f px)", e.From, e.To, k, d)
			}
		}
	}
	for i := range l.Nodes {
		for j := i + 1; j < len(l.Nodes); j++ {
			if l.Nodes[i].Label.Overlaps(l.Nodes[j].Label) {
				t.Errorf("labels %d and %d overlap", i, j)
			}
		}
	}
}

func distToSegment(px, py, ax, ay, bx, by float32) float64 {
	dx, dy := float64(bx-ax), float64(by-ay)
	t := ((float64(px-ax))*dx + float64(py-ay)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	x, y := float64(ax)+t*dx, float64(ay)+t*dy
	return math.Hypot(float64(px)-x, float64(py)-y)
}

// TestLayoutGraph_UndatedStoriesAreBlocks: undated stories, each a release
// and its copies, are laid out as blocks of their own (packStories): the
// boxes round two stories do not overlap, so no link of one crosses the
// other's articles; copies stay right of their source, and no two labels
// overlap.
func TestLayoutGraph_UndatedStoriesAreBlocks(t *testing.T) {
	var nodes []GraphNode
	var edges []GraphEdge
	const stories, per = 4, 6
	story := map[int]int{}
	for s := 0; s < stories; s++ {
		first := len(nodes)
		for k := 0; k < per; k++ {
			story[len(nodes)] = s
			nodes = append(nodes, GraphNode{ID: fmt.Sprintf("s%d-%d", s, k), Title: fmt.Sprintf("Story %d, article %d", s, k), Detail: "unknown outlet"})
			if k > 0 {
				edges = append(edges, GraphEdge{From: first, To: first + k, Kind: provenance.LinkCopy, Confidence: 0.8, Words: 50, Link: len(edges)})
			}
			if k > 1 {
				edges = append(edges, GraphEdge{From: first + k - 1, To: first + k, Kind: provenance.LinkUnknown, Words: 40, Link: len(edges)})
			}
		}
	}
	l := LayoutGraph(nodes, edges, LayoutOptions{ByDate: true})
	boxes := make([]Rect, stories)
	for s := range boxes {
		boxes[s] = Rect{X: math.MaxFloat32, Y: math.MaxFloat32}
	}
	ends := make([]Point, stories)
	for i, n := range l.Nodes {
		b, e := &boxes[story[i]], &ends[story[i]]
		b.X, b.Y = min(b.X, n.Label.X, n.X), min(b.Y, n.Y)
		e.X, e.Y = max(e.X, n.Label.X+n.Label.W, n.X), max(e.Y, n.Label.Y+n.Label.H)
		if n.Label.X < 0 || n.Label.Y < 0 || n.Label.X+n.Label.W > l.Width || n.Label.Y+n.Label.H > l.Height {
			t.Errorf("%s label %+v outside the %v×%v layout", n.ID, n.Label, l.Width, l.Height)
		}
	}
	for s := range boxes {
		boxes[s].W, boxes[s].H = ends[s].X-boxes[s].X, ends[s].Y-boxes[s].Y
	}
	for a := range boxes {
		for b := a + 1; b < stories; b++ {
			if boxes[a].Overlaps(boxes[b]) {
				t.Errorf("stories %d %+v and %d %+v overlap", a, boxes[a], b, boxes[b])
			}
		}
	}
	for _, e := range l.Edges {
		if a, b := l.Nodes[e.From], l.Nodes[e.To]; e.Kind == provenance.LinkCopy && a.X >= b.X {
			t.Errorf("copy %s→%s runs right to left (x %v→%v)", a.ID, b.ID, a.X, b.X)
		}
	}
	for i := range l.Nodes {
		for j := i + 1; j < len(l.Nodes); j++ {
			if l.Nodes[i].Label.Overlaps(l.Nodes[j].Label) {
				t.Errorf("labels of %s and %s overlap", l.Nodes[i].ID, l.Nodes[j].ID)
			}
		}
	}
	for i, n := range l.Nodes {
		if n.ColumnIndex >= len(l.Columns) {
			t.Errorf("node %d: column %d of %d", i, n.ColumnIndex, len(l.Columns))
		}
	}
	// Each block is captioned by its most linked article, the source.
	if len(l.Stories) != stories {
		t.Fatalf("%d story blocks, want %d", len(l.Stories), stories)
	}
	for _, st := range l.Stories {
		if !strings.HasPrefix(st.Caption, "“Story ") || !strings.HasSuffix(st.Caption, ", article 0” and 5 more") {
			t.Errorf("caption %q", st.Caption)
		}
	}
}

// TestNamedCommonSourceIsAHub: three reprints whose links name one source
// outside the collection ("both took from Harbour News Agency") are drawn
// as that source, hollow, with a line to each of them — not three chords
// between them — and it sits at the centre of their ring; the status
// counts three articles and one absent source (its three lines show two
// of the links, the third adds none).
func TestNamedCommonSourceIsAHub(t *testing.T) {
	r := &provenance.Result{}
	for _, id := range []string{"a", "b", "c"} {
		r.Documents = append(r.Documents, provenance.Document{ID: id, Path: id + ".txt",
			Meta: provenance.Metadata{Title: provenance.Field{Value: "Reprint " + id, Origin: provenance.OriginFile}}})
	}
	for _, p := range [][2]string{{"a", "b"}, {"a", "c"}, {"b", "c"}} {
		r.Links = append(r.Links, provenance.Link{Source: p[0], Target: p[1], Kind: provenance.LinkCommonSource,
			Confidence: 0.85, CommonSource: "Harbour News Agency", Reasons: []string{"common source named: both took from Harbour News Agency"}})
	}
	nodes, edges, unlinked := documentGraph(r, false)
	articles, sources, links := countGraph(nodes, edges)
	if articles != 3 || sources != 1 || links != 2 || unlinked != 0 || len(edges) != 3 {
		t.Fatalf("%d articles, %d sources, %d links, %d unlinked, %d lines: %+v", articles, sources, links, unlinked, len(edges), nodes)
	}
	hub := -1
	for i, n := range nodes {
		if n.Absent {
			hub = i
			if n.Title != "Harbour News Agency" {
				t.Errorf("hub titled %q", n.Title)
			}
		}
	}
	for _, e := range edges {
		if e.From != hub || nodes[e.To].Absent {
			t.Errorf("line %+v does not run from the source to an article", e)
		}
	}
	l := LayoutGraph(nodes, edges, LayoutOptions{ByDate: true})
	var cx, cy float32
	for i, n := range l.Nodes {
		if i != hub {
			cx, cy = cx+n.X/3, cy+n.Y/3
		}
	}
	if h := l.Nodes[hub]; math.Abs(float64(h.X-cx)) > 1 || math.Abs(float64(h.Y-cy)) > 1 {
		t.Errorf("the source stands at (%v, %v), not at the centre (%v, %v) of its articles", h.X, h.Y, cx, cy)
	}
	// Hidden, nothing is named: the lines join the articles.
	if nodes, _, _ := documentGraph(r, true); len(nodes) != 3 {
		t.Errorf("hidden: %d nodes", len(nodes))
	}
}

// TestLayoutGraph_SourcesStandBesideTheirCarriers: in one story whose
// first level wraps into several sub-columns, each source outside the
// collection stands in the sub-column of the articles that carry it (or
// the next one), whatever order the articles came in: its lines do not
// cross the whole story (bandOrder).
func TestLayoutGraph_SourcesStandBesideTheirCarriers(t *testing.T) {
	const hubs, per = 4, 5
	var nodes []GraphNode
	for k := 0; k < hubs; k++ {
		nodes = append(nodes, GraphNode{ID: fmt.Sprintf("h%d", k), Title: fmt.Sprintf("a statement by Speaker %d", k), Absent: true})
	}
	carrier := func(k, j int) int { return hubs + j*hubs + k } // interleaved: every hub's first carrier, then every second…
	for j := 0; j < per; j++ {
		for k := 0; k < hubs; k++ {
			nodes = append(nodes, GraphNode{ID: fmt.Sprintf("c%d-%d", k, j), Title: fmt.Sprintf("Carrier %d of %d", j, k), Detail: "unknown outlet"})
		}
	}
	var edges []GraphEdge
	for k := 0; k < hubs; k++ {
		for j := 0; j < per; j++ {
			edges = append(edges, GraphEdge{From: k, To: carrier(k, j), Kind: provenance.LinkCommonSource, Confidence: 0.85, Link: -1})
		}
		if k+1 < hubs { // one carrier of each also carries the next statement: one story
			edges = append(edges, GraphEdge{From: k + 1, To: carrier(k, per-1), Kind: provenance.LinkCommonSource, Confidence: 0.85, Link: -1})
		}
	}
	nodes = append(nodes, GraphNode{ID: "copy", Title: "A copy", Detail: "unknown outlet"})
	edges = append(edges, GraphEdge{From: carrier(0, 0), To: len(nodes) - 1, Kind: provenance.LinkCopy, Confidence: 0.8, Words: 40, Link: 0})
	l := LayoutGraph(nodes, edges, LayoutOptions{})
	if len(l.Columns) < 2 {
		t.Fatalf("laid out in %d columns; the test needs levels", len(l.Columns))
	}
	worst := float32(0)
	for _, e := range edges {
		if e.Kind == provenance.LinkCommonSource {
			worst = max(worst, float32(math.Abs(float64(l.Nodes[e.From].X-l.Nodes[e.To].X))))
		}
	}
	if worst > l.ColumnWidth+0.5 {
		t.Errorf("a source's line spans %.1f sub-columns of %.0f: its carriers stand far from it", worst/l.ColumnWidth, l.ColumnWidth)
	}
}

// TestLayoutGraph_TallColumnsWrapToTheAreasShape: a level of sixty
// articles wraps into sub-columns to about the shape of the area it is
// shown in — taller than wide in a tall pane, wider than tall in a wide
// one — so that fitting it to the pane shows it as large as it can be.
func TestLayoutGraph_TallColumnsWrapToTheAreasShape(t *testing.T) {
	var nodes []GraphNode
	var edges []GraphEdge
	for i := 0; i < 60; i++ {
		nodes = append(nodes, GraphNode{ID: fmt.Sprintf("n%d", i), Title: fmt.Sprintf("Article %d", i), Detail: "unknown outlet"})
		if i > 0 {
			edges = append(edges, GraphEdge{From: 0, To: i, Kind: provenance.LinkCommonSource, Confidence: 0.85, Link: -1})
		}
	}
	edges = append(edges, GraphEdge{From: 1, To: 2, Kind: provenance.LinkCopy, Confidence: 0.8, Words: 30, Link: 0})
	for _, c := range []struct {
		aspect float32
		wide   bool
	}{{0.7, false}, {3, true}} {
		l := LayoutGraph(nodes, edges, LayoutOptions{Aspect: c.aspect})
		if got := l.Width > l.Height; got != c.wide {
			t.Errorf("aspect %.1f: laid out %.0f × %.0f", c.aspect, l.Width, l.Height)
		}
		if r := l.Width / l.Height; r < c.aspect/2 || r > c.aspect*2 {
			t.Errorf("aspect %.1f: the layout's is %.2f", c.aspect, r)
		}
	}
}
