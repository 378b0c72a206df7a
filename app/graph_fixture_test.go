package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/copytrail/copytrail/provenance"
)

// viewsNav is a fake Navigator that records what the screens ask for.
type viewsNav struct {
	result   *provenance.Result
	ws       WorkshopState
	compared [][2]string
	selected []string
}

func (n *viewsNav) Result() *provenance.Result { return n.result }
func (n *viewsNav) Compare(a, b string)        { n.compared = append(n.compared, [2]string{a, b}) }
func (n *viewsNav) SelectDocument(id string)   { n.selected = append(n.selected, id) }
func (n *viewsNav) Workshop() WorkshopState    { return n.ws }

// viewsApp starts a headless app with the default theme (the test theme has
// no monospace bold font and panics on it).
func viewsApp(t testing.TB) {
	test.NewTempApp(t)
	if tt, ok := t.(*testing.T); ok {
		test.ApplyTheme(tt, theme.DefaultTheme())
	} else {
		fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	}
}

// viewsDoc makes a document with generated metadata (never real article text).
func viewsDoc(id, title, outlet, published string) provenance.Document {
	d := provenance.Document{ID: id, Path: "/corpus/" + id + ".txt", Format: "txt", Words: 300,
		Text: fmt.Sprintf("Generated text for %s about a harbour opening and its budget.", id)}
	d.Meta.Title = provenance.Field{Value: title, Origin: provenance.OriginFile}
	if outlet != "" {
		d.Meta.Outlet = provenance.Field{Value: outlet, Origin: provenance.OriginMeta}
	}
	if published != "" {
		d.Meta.Published = provenance.Field{Value: published, Origin: provenance.OriginMeta}
	}
	return d
}

// viewsResult is a small hand-built analysis: a release (r) copied by a
// wire story (w), which a blog (b) copied with low confidence; an undated
// piece (u) shares a common source with the release.
func viewsResult() *provenance.Result {
	return &provenance.Result{
		Version: provenance.ContractVersion,
		Documents: []provenance.Document{
			viewsDoc("r", "Harbour opens new ferry terminal", "Port Authority", "2024-03-01"),
			viewsDoc("w", "Ferry terminal opens after delays", "Coast Wire", "2024-03-02T09:00:00Z"),
			viewsDoc("b", "Our view on the ferry terminal", "Island Blog", "2024-03-03"),
			viewsDoc("u", "Undated note on harbour works", "", ""),
		},
		Passages: []provenance.Passage{
			{A: "r", B: "w", AStart: 0, AEnd: 40, BStart: 0, BEnd: 40, Words: 40, Similarity: 0.95},
			{A: "w", B: "b", AStart: 10, AEnd: 30, BStart: 5, BEnd: 25, Words: 20, Similarity: 0.8},
			{A: "r", B: "u", AStart: 0, AEnd: 10, BStart: 0, BEnd: 10, Words: 10, Similarity: 1},
		},
		Pairs: []provenance.Pair{
			{A: "r", B: "w", ACoverage: 0.5, BCoverage: 0.62, SharedWords: 40, Passages: []int{0}},
			{A: "w", B: "b", ACoverage: 0.2, BCoverage: 0.3, SharedWords: 20, Passages: []int{1}},
			{A: "r", B: "u", ACoverage: 0.1, BCoverage: 0.15, SharedWords: 10, Passages: []int{2}},
		},
		Links: []provenance.Link{
			{Source: "r", Target: "w", Kind: provenance.LinkCopy, Confidence: 0.9, Passages: []int{0},
				Reasons: []string{"The release is dated a day earlier.", "The wire story keeps the release's quote verbatim."}},
			{Source: "w", Target: "b", Kind: provenance.LinkCopy, Confidence: 0.4, Passages: []int{1},
				Reasons: []string{"Only one short passage is shared."}},
			{Source: "r", Target: "u", Kind: provenance.LinkCommonSource, Confidence: 0.6, Passages: []int{2},
				Reasons: []string{"Both quote the same council minutes."}},
		},
		Families: []provenance.Family{
			{ID: "f-short", Origin: "", Words: 30, Snippet: "the council minutes say",
				Members: []provenance.FamilyMember{{Doc: "r", Start: 0, End: 10}, {Doc: "u", Start: 0, End: 10}}},
			{ID: "f-wide", Origin: "r", Words: 12, Snippet: "the terminal will carry  two thousand\npassengers",
				Members: []provenance.FamilyMember{{Doc: "b", Start: 5, End: 25}, {Doc: "u", Start: 30, End: 40},
					{Doc: "w", Start: 0, End: 40}, {Doc: "r", Start: 0, End: 40}}},
		},
		Mutations: []provenance.Mutation{
			{Kind: provenance.MutationNumber, Source: "r", Target: "w", SourceText: "two thousand", TargetText: "three thousand",
				SourceStart: 20, SourceEnd: 32, TargetStart: 20, TargetEnd: 34, Explanation: "The passenger count grew."},
			{Kind: provenance.MutationName, Source: "r", Target: "w", SourceText: "Ms Obi", TargetText: "Mr Obi",
				SourceStart: 50, SourceEnd: 56, TargetStart: 50, TargetEnd: 56},
		},
		OutletEdges: []provenance.OutletEdge{
			{Source: "Port Authority", Target: "Coast Wire", Passages: 1, Words: 40, Articles: 1, Confidence: 0.9},
			{Source: "Coast Wire", Target: "Island Blog", Passages: 1, Words: 20, Articles: 1, Confidence: 0.4},
		},
	}
}

// bigResult builds n generated documents over a few days and outlets with
// about two links each, for scale tests and benchmarks.
func bigResult(n int) *provenance.Result {
	r := &provenance.Result{}
	outlets := []string{"North Desk", "South Wire", "East Daily", "West Post", "Central Radio", "Harbour News", "Valley Times", ""}
	for i := 0; i < n; i++ {
		date := ""
		if i%9 != 0 {
			date = fmt.Sprintf("2024-05-%02dT%02d:00:00Z", 1+i%20, i%24)
		}
		r.Documents = append(r.Documents, viewsDoc(fmt.Sprintf("d%04d", i),
			fmt.Sprintf("Generated story number %d about budgets, harbours and councils", i), outlets[i%len(outlets)], date))
	}
	for i := 1; i < n; i++ {
		for _, j := range []int{i / 2, (i*7 + 3) % i} {
			if j == i {
				continue
			}
			a, b := r.Documents[j].ID, r.Documents[i].ID
			r.Passages = append(r.Passages, provenance.Passage{A: a, B: b, Words: 10 + i%50, Similarity: 0.9})
			r.Pairs = append(r.Pairs, provenance.Pair{A: a, B: b, ACoverage: float64(i%10) / 20, BCoverage: float64(i%7) / 10,
				SharedWords: 10 + i%50, Passages: []int{len(r.Passages) - 1}})
			r.Links = append(r.Links, provenance.Link{Source: a, Target: b, Kind: provenance.LinkCopy,
				Confidence: float64(i%10) / 10, Reasons: []string{"generated"}, Passages: []int{len(r.Passages) - 1}})
		}
	}
	return r
}

// visibleObjects walks o's visible tree through containers and widget
// renderers (test.LaidOutObjects re-lays out tables and misses their cells).
func visibleObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		out = append(out, visibleObjects(c)...)
	}
	return out
}

// viewsWindow shows a screen in an unpadded test window of the given size.
func viewsWindow(t *testing.T, content fyne.CanvasObject, width, height float32) fyne.Window {
	t.Helper()
	w := test.NewWindow(content)
	t.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(width, height))
	return w
}
