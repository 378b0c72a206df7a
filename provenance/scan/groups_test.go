package scan_test

import (
	"slices"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/scan"
)

func TestGroupsAndNeighbourhood(t *testing.T) {
	pass := func(a, b string, inc bool) provenance.Passage {
		return provenance.Passage{A: a, B: b, Words: 20, Incidental: inc}
	}
	r := &provenance.Result{
		Documents: []provenance.Document{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "e"}, {ID: "f"}, {ID: "g"}},
		// a–b–c a chain, d–e a pair, f–g only incidental
		Passages: []provenance.Passage{pass("a", "b", false), pass("b", "c", false), pass("d", "e", false), pass("f", "g", true)},
		Pairs: []provenance.Pair{{A: "a", B: "b", SharedWords: 30}, {A: "b", B: "c", SharedWords: 10},
			{A: "d", B: "e", SharedWords: 5}, {A: "f", B: "g"}},
		Links: []provenance.Link{{Source: "a", Target: "b"}},
	}
	gs := scan.Groups(r)
	if len(gs) != 2 || !slices.Equal(gs[0].Docs, []string{"a", "b", "c"}) || gs[0].Passages != 2 || gs[0].Links != 1 ||
		!slices.Equal(gs[1].Docs, []string{"d", "e"}) {
		t.Fatalf("groups %+v", gs)
	}
	if got := scan.Neighbourhood(r, "c", 1); !slices.Equal(got, []string{"c", "b"}) {
		t.Fatalf("depth 1 around c: %v", got)
	}
	if got := scan.Neighbourhood(r, "c", 2); !slices.Equal(got, []string{"c", "b", "a"}) {
		t.Fatalf("depth 2 around c: %v", got)
	}
	if got := scan.Neighbourhood(r, "f", 2); !slices.Equal(got, []string{"f"}) {
		t.Fatalf("an article sharing only incidental passages has neighbours %v", got)
	}
}
