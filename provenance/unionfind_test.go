package provenance

import "testing"

func TestDisjointSetsJoinThroughChains(t *testing.T) {
	var s DisjointSets[string]
	s.Union("a", "b")
	s.Union("c", "d")
	s.Union("b", "c")
	s.Add("e")
	if s.Has("z") || !s.Has("e") {
		t.Error("Has: z was never added, e was")
	}
	for _, x := range []string{"b", "c", "d"} {
		if s.Find(x) != s.Find("a") {
			t.Errorf("%s is not with a", x)
		}
	}
	if s.Find("e") == s.Find("a") || s.Find("e") != "e" {
		t.Error("e was joined to nothing")
	}
	var n DisjointSets[int]
	if n.Find(3) != 3 || !n.Has(3) {
		t.Error("Find adds a new key alone")
	}
}
