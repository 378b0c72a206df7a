package app

import (
	"testing"

	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance"
)

// TestSeedsCivicToCajComparison walks the "done when" path: open the seeds,
// find the CIVIC → CAJ link, open the comparison and see the altered
// attribution flagged.
func TestSeedsCivicToCajComparison(t *testing.T) {
	seeds := testseeds.Dir(t)
	u := newTestUI(t, DefaultEngine())
	u.Start(Options{Paths: []string{seeds}, Compare: "CIVIC,CAJ", Mutation: string(provenance.MutationAttribution)})
	u.bridge.Wait()
	c := u.compare.cmp
	if c == nil {
		t.Fatal("the CIVIC, CAJ comparison did not open")
	}
	if c.A.Meta.Outlet.Value != "CIVIC" || c.B.Meta.Outlet.Value != "CAJ News" {
		t.Fatalf("comparing %q with %q", c.A.Meta.Outlet.Value, c.B.Meta.Outlet.Value)
	}
	if c.Link == nil || c.Link.Source != c.A.ID || c.Link.Kind != provenance.LinkCopy {
		t.Fatalf("want a copy link CIVIC → CAJ, got %+v", c.Link)
	}
	found := false
	for _, m := range c.Mutations {
		found = found || m.Kind == provenance.MutationAttribution
	}
	if !found {
		t.Fatal("the changed attribution is not flagged")
	}
	if u.compare.Current() < 0 || u.compare.right.target < 0 {
		t.Fatal("--mutation did not focus the changed attribution")
	}
}
