package lineages

import "testing"

// TestGenerateDeterministic checks that a seed always makes the same case
// and that the ground truth names documents that exist.
func TestGenerateDeterministic(t *testing.T) {
	a := Generate(7, SomeDates, false)
	b := Generate(7, SomeDates, false)
	if len(a.Docs) != len(b.Docs) {
		t.Fatal("different document counts for one seed")
	}
	ids := map[string]bool{}
	for i := range a.Docs {
		if a.Docs[i].Text != b.Docs[i].Text || a.Docs[i].Meta != b.Docs[i].Meta {
			t.Fatalf("seed 7 made two different texts for %s", a.Docs[i].ID)
		}
		ids[a.Docs[i].ID] = true
	}
	for _, e := range append(append(a.Edges, a.Common...), a.Independent...) {
		if !ids[e[0]] || !ids[e[1]] {
			t.Errorf("ground truth names a missing document: %v", e)
		}
	}
	if !a.Descends(a.Edges[0][0], a.Edges[3][1]) {
		t.Error("the release should be an ancestor of the copy of a copy")
	}
	fr := Generate(7, NoDates, true)
	for _, d := range fr.Docs {
		if d.Meta.Published.Known() {
			t.Errorf("no-dates case has a date on %s", d.ID)
		}
	}
}
