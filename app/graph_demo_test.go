package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/copytrail/copytrail/assets"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
)

// demoResult analyses the embedded demo corpus with the real engine.
func demoResult(t *testing.T) *provenance.Result {
	t.Helper()
	docs, _, errs := ingest.LoadFS(context.Background(), assets.Demo(), ingest.DefaultOptions())
	if len(errs) > 0 {
		t.Fatalf("demo corpus: %v", errs)
	}
	r, err := scan.Run(context.Background(), docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatalf("scanning the demo corpus: %v", err)
	}
	return r
}

// TestViews_DemoCorpus renders the three screens on a real analysis: every
// link becomes an arrow between the right articles, labels do not overlap,
// the matrix holds every pair, and families come widest first.
func TestViews_DemoCorpus(t *testing.T) {
	r := demoResult(t)
	if len(r.Links) == 0 {
		t.Fatal("the demo corpus produced no links")
	}
	nav := &viewsNav{result: r}
	g, _ := graphWindow(t, nav)
	l := &g.graph.layout
	if len(l.Edges) != len(r.Links) || !g.empty.Hidden {
		t.Fatalf("%d arrows for %d links (empty state shown: %v)", len(l.Edges), len(r.Links), !g.empty.Hidden)
	}
	for _, e := range l.Edges {
		link := r.Links[e.Link]
		if l.Nodes[e.From].ID != link.Source || l.Nodes[e.To].ID != link.Target {
			t.Errorf("arrow %s→%s drawn for link %s→%s", l.Nodes[e.From].ID, l.Nodes[e.To].ID, link.Source, link.Target)
		}
	}
	for i, a := range l.Nodes {
		for _, b := range l.Nodes[i+1:] {
			if a.Label.Overlaps(b.Label) {
				t.Errorf("labels of %q and %q overlap", a.TitleLine, b.TitleLine)
			}
		}
	}
	m, _ := matrixWindow(t, &viewsNav{result: r})
	for _, p := range r.Pairs {
		if p.ACoverage <= 0 && p.BCoverage <= 0 {
			continue
		}
		found := 0
		for _, id := range m.matrix.IDs {
			if id == p.A || id == p.B {
				found++
			}
		}
		if found != 2 {
			t.Errorf("pair %s/%s missing from the matrix", p.A, p.B)
		}
	}
	// No screen may force the window wider than a laptop's: long titles
	// and legends truncate instead of growing their minimum size.
	f, _ := familiesWindow(t, &viewsNav{result: r})
	for name, o := range map[string]fyne.CanvasObject{"graph": g.CanvasObject(), "matrix": m.CanvasObject(), "families": f.CanvasObject()} {
		if min := o.MinSize(); min.Width > 500 || min.Height > 500 {
			t.Errorf("%s screen needs at least %v", name, min)
		}
	}
	for i := 1; i < len(f.order); i++ {
		if familyReach(r.Families[f.order[i]]) > familyReach(r.Families[f.order[i-1]]) {
			t.Errorf("family %d has wider reach than the one before it", i)
		}
	}
}
