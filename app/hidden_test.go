package app

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
)

// shownText is one string drawn on screen, and whether it is article text
// (a compared text's words), where a headline may legitimately appear.
type shownText struct {
	text string
	body bool
}

// visibleTexts collects every canvas.Text drawn under o, skipping hidden
// objects: what a room would read on the projector.
func visibleTexts(o fyne.CanvasObject, body bool, out *[]shownText) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *canvas.Text:
		if strings.TrimSpace(x.Text) != "" {
			*out = append(*out, shownText{x.Text, body})
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			visibleTexts(c, body, out)
		}
	case fyne.Widget:
		_, isBody := x.(*textBody)
		for _, c := range test.WidgetRenderer(x).Objects() {
			visibleTexts(c, body || isBody, out)
		}
	}
}

// secrets are what hidden mode must not show for r: outlet names, dates in
// every form the app writes them, and the articles' real titles.
type secrets struct {
	outlets []*regexp.Regexp
	dates   []string
	titles  []string
}

func inAnyText(r *provenance.Result, s string) bool {
	for _, d := range r.Documents {
		if strings.Contains(d.Text, s) {
			return true
		}
	}
	return false
}

func secretsOf(r *provenance.Result) secrets {
	var s secrets
	seen := map[string]bool{} // each secret once: a large collection repeats its outlets and days
	once := func(k string) bool {
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	for _, d := range r.Documents {
		if o := strings.TrimSpace(d.Meta.Outlet.Value); len(o) > 1 && once("outlet\x00"+o) {
			s.outlets = append(s.outlets, regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(o)+`\b`))
		}
		if t, ok := d.Meta.PublishedTime(); ok {
			for _, f := range []string{showDate(d.Meta.Published.Value), showDay(t), t.Format("2006-01-02"),
				t.Format("January 2, 2006"), t.Format("2 January 2006"), t.Format("Jan 2")} {
				if once("date\x00" + f) {
					s.dates = append(s.dates, f)
				}
			}
		}
		if d.Meta.Title.Known() && !inAnyText(r, d.Meta.Title.Value) { // a headline in the text is the text
			if t := string([]rune(d.Meta.Title.Value)[:min(18, len([]rune(d.Meta.Title.Value)))]); once("title\x00" + t) {
				s.titles = append(s.titles, t)
			}
		}
	}
	return s
}

// upTo is 0, 1, …, n-1.
func upTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// sample is every item of a list of at most most, else most of them
// spread evenly from its first to its last: a walk of a large collection
// looks at a few dozen links and articles, not all of them.
func sample[T any](list []T, most int) []T {
	if len(list) <= most {
		return list
	}
	out := make([]T, 0, most)
	for i := range most {
		out = append(out, list[i*(len(list)-1)/(most-1)])
	}
	return out
}

// directionWords answer "who took from whom"; none may show while hidden.
var directionWords = regexp.MustCompile(`(?i)→|←|\bsource\b|\bcop(y|ied|ies)\b|reused text|\bis from\b|confidence|undecided|earliest witness:\s+[^h\s]|\borigin\b|\bdirection\b|\bconfirmed\b|\bdismissed\b`)

// leaks lists what of s shows in texts; where says which screen.
func (s secrets) leaks(t *testing.T, where string, texts []shownText, checkDirection, anyDate bool) {
	t.Helper()
	for _, st := range texts {
		for _, re := range s.outlets {
			if re.MatchString(st.text) {
				t.Errorf("%s shows outlet %s in %q", where, re, st.text)
			}
		}
		for _, d := range s.dates {
			if strings.Contains(st.text, d) {
				t.Errorf("%s shows date %q in %q", where, d, st.text)
			}
		}
		if anyDate && datePattern.MatchString(st.text) {
			t.Errorf("%s shows a date in %q", where, st.text)
		}
		if !st.body {
			for _, title := range s.titles {
				if strings.Contains(st.text, title) {
					t.Errorf("%s shows the real title %q in %q", where, title, st.text)
				}
			}
			if checkDirection && directionWords.MatchString(st.text) {
				t.Errorf("%s shows a direction word %q in %q", where, directionWords.FindString(st.text), st.text)
			}
		}
	}
}

// walkHidden visits every screen of u in hidden mode, with every link,
// comparison, family and article shown in turn (a large collection's
// sampled: 30 comparisons, families and groups, 40 articles), and fails on
// any leak.
func walkHidden(t *testing.T, u *UI) {
	t.Helper()
	real := u.ws.Result
	sec := secretsOf(real)
	if !u.workshop.On {
		u.ToggleWorkshop()
	}
	u.ToggleHideMetadata()
	h := u.hiddenResult()
	look := func(where string, direction bool) {
		lookAt(t, u, sec, where, direction, direction)
	}
	g := u.views[ScreenGraph].(*GraphView)
	u.ShowScreen(ScreenGraph)
	look("graph", true)
	if !g.graph.layout.Undirected {
		t.Error("the graph is not drawn undirected while hidden")
	}
	for i, e := range g.graph.layout.Edges { // at most scopeNodes articles' lines
		g.selectEdge(i)
		look("graph, line selected", true)
		assertNoArrowhead(t, &g.graph.layout, e)
	}
	if g.ov.active() {
		walkOverviewHidden(t, g, look)
	}
	// Outlets cannot be asked for; if they were, articles are drawn.
	if !g.outlets.Disabled() {
		t.Error("the Outlets toggle is enabled while hidden")
	}
	g.setByOutlet(true)
	look("graph, outlets asked for", true)
	for _, n := range g.graph.layout.Nodes {
		if h.result.Doc(n.ID) == nil {
			t.Errorf("while hidden the graph draws %q, not an article", n.ID)
		}
	}
	g.setByOutlet(false)
	u.ShowScreen(ScreenMatrix)
	look("matrix", true)
	if m := u.views[ScreenMatrix].(*MatrixView); m.matrix.Sharing > len(m.matrix.IDs) { // the most reused only
		m.table.ScrollToBottom()
		m.table.ScrollToTrailing()
		look("matrix of the most reused, scrolled to its end", true)
		m.table.ScrollToTop()
		m.table.ScrollToLeading()
	}
	for _, l := range sample(real.Links, 30) {
		u.Compare(l.Source, l.Target)
		a, b := u.compare.Pair()
		if wa, wb := h.ordered(l.Source, l.Target); a != wa || b != wb {
			t.Errorf("compare sides %s, %s: want article-number order %s, %s", a, b, wa, wb)
		}
		for range min(3, len(u.compare.cmp.Passages)) {
			u.TypedKey(&fyne.KeyEvent{Name: fyne.KeyN})
			look("compare", true)
		}
		for _, m := range u.compare.cmp.Mutations {
			u.compare.jumpToMutation(m)
			look("compare, change shown", true)
		}
	}
	f := u.views[ScreenFamilies].(*FamiliesView)
	u.ShowScreen(ScreenFamilies)
	for _, i := range sample(upTo(len(f.order)), 30) {
		f.list.Select(i)
		look("families", true)
	}
	for _, d := range sample(real.Documents, 40) {
		u.SelectDocument(d.ID)
		look("library", true)
	}
	u.ShowScreen(ScreenSettings)
	lookAt(t, u, sec, "settings", false, false) // its help speaks of confidence and 01/06/2021 in general
	// An export made while hidden hides the same.
	dir := t.TempDir()
	u.Export(dir, append([]string{formatReport, formatComparisonReport}, export.Formats...))
	if _, err := os.Stat(filepath.Join(dir, "report.html")); err == nil {
		t.Error("the HTML report, which explains directions, was written while hidden")
	}
	u.bridge.Wait()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) < 3 {
		t.Fatalf("export while hidden wrote %d files", len(files))
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(p, ".png") || strings.HasSuffix(p, ".pdf") {
			continue
		}
		sec.leaks(t, "export "+filepath.Base(p), []shownText{{text: string(data), body: true}}, false, false)
	}
	// Reveal restores it all.
	u.Reveal()
	if u.Result() != real || u.Documents()[0].Meta.Outlet.Value != real.Documents[0].Meta.Outlet.Value {
		t.Fatal("reveal did not restore the real analysis")
	}
	u.ShowScreen(ScreenGraph) // a large workspace redraws a screen when it comes to the front
	if g.graph.layout.Undirected {
		t.Error("the graph is still undirected after the reveal")
	}
}

// walkOverviewHidden visits the graph overview of a large collection in
// hidden mode: every group, a search, an article centred at one and two
// steps, each line of it selected; a search for an outlet finds nothing.
func walkOverviewHidden(t *testing.T, g *GraphView, look func(string, bool)) {
	t.Helper()
	if !g.ov.hidden || !g.graph.layout.Undirected {
		t.Fatal("the overview does not read the masked analysis")
	}
	for _, i := range sample(upTo(len(g.ov.groups)), 30) {
		g.ov.list.Select(i)
		look("overview group", true)
	}
	test.Type(g.ov.find, "article")
	if len(g.ov.matches) == 0 {
		t.Fatal("finding “article” lists nothing while hidden")
	}
	look("overview search", true)
	g.ov.list.Select(0)
	look("overview centred", true)
	g.ov.depthOf.SetSelected("neighbours' neighbours")
	look("overview centred, two steps", true)
	for i := range g.graph.layout.Edges {
		g.selectEdge(i)
		look("overview centred, line selected", true)
	}
	g.ov.depthOf.SetSelected("its neighbours")
	g.ov.find.SetText("")
	for _, o := range scaleOutlets[:3] {
		g.ov.find.SetText(o)
		if len(g.ov.matches) > 0 {
			t.Errorf("finding the outlet %q while hidden lists %d articles", o, len(g.ov.matches))
		}
	}
	g.ov.find.SetText("")
	g.ov.showGroups()
}

// lookAt checks what the window shows now.
func lookAt(t *testing.T, u *UI, sec secrets, where string, direction, anyDate bool) {
	t.Helper()
	var texts []shownText
	visibleTexts(u.win.Canvas().Content(), false, &texts)
	for _, o := range u.win.Canvas().Overlays().List() {
		visibleTexts(o, false, &texts)
	}
	sec.leaks(t, where, texts, direction, anyDate)
}

// assertNoArrowhead checks that every stroke of edge e lies on the line
// between its two nodes: a plain line, no arrowhead.
func assertNoArrowhead(t *testing.T, l *GraphLayout, e GraphEdge) {
	t.Helper()
	a, b := l.Nodes[e.From], l.Nodes[e.To]
	off := func(x, y float32) float64 {
		dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
		return math.Abs(dy*float64(x-a.X)-dx*float64(y-a.Y)) / math.Hypot(dx, dy)
	}
	for _, s := range edgeSegments(l, e, 9) {
		if off(s.x1, s.y1) > 0.5 || off(s.x2, s.y2) > 0.5 {
			t.Fatalf("edge %s–%s has a stroke off its line (an arrowhead): %+v", a.Title, b.Title, s)
		}
	}
}

func TestHiddenModeHidesEverythingOnTheDemo(t *testing.T) {
	u := demoUI(t)
	u.win.Resize(fyne.NewSize(1400, 900))
	walkHidden(t, u)
}

func TestHiddenModeHidesEverythingOnTheSeeds(t *testing.T) {
	seeds := testseeds.Dir(t)
	u := newTestUI(t, DefaultEngine())
	u.win.Resize(fyne.NewSize(1400, 900))
	u.Start(Options{Paths: []string{seeds}, Hide: false})
	u.bridge.Wait()
	if len(u.ws.Result.Links) == 0 {
		t.Fatal("no links among the seeds")
	}
	walkHidden(t, u)
}

// Started with --hide, the first screen already hides everything.
func TestHiddenFromTheCommandLine(t *testing.T) {
	u := newTestUI(t, DefaultEngine())
	u.Start(Options{Demo: true, Workshop: true, Hide: true, Screen: ScreenCompare, Compare: "top"})
	u.bridge.Wait()
	if !u.workshop.HideMetadata || u.hiddenResult() == nil {
		t.Fatal("--hide did not hide")
	}
	var texts []shownText
	visibleTexts(u.win.Canvas().Content(), false, &texts)
	secretsOf(u.ws.Result).leaks(t, "--hide first screen", texts, true, true)
	if u.compare.cmp == nil {
		t.Fatal("--compare top opened nothing")
	}
}

// Blacked-out words stay words of the same bytes, so the diff marks of a
// hidden comparison fall where they do when revealed.
func TestHiddenDiffMarksMatchTheRevealedOnes(t *testing.T) {
	u := demoUI(t)
	l := u.ws.Result.Links[0]
	a, b := l.Source, l.Target
	marks := func() (left, right []int) {
		for i, w := range u.compare.left.doc.Words {
			if w.Style.Op != 0 {
				left = append(left, i)
			}
		}
		for i, w := range u.compare.right.doc.Words {
			if w.Style.Op != 0 {
				right = append(right, i)
			}
		}
		return left, right
	}
	u.ToggleHideMetadata()
	a, b = u.hiddenResult().ordered(a, b)
	u.Compare(a, b)
	hl, hr := marks()
	u.Reveal()
	u.Compare(a, b)
	rl, rr := marks()
	if !slices.Equal(hl, rl) || !slices.Equal(hr, rr) {
		t.Errorf("hidden marks A %v B %v, revealed A %v B %v", hl, hr, rl, rr)
	}
}
