package app

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// seedsDir finds ../shared/seeds beside the repository, or skips.
func seedsDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found above the test directory")
		}
		dir = parent
	}
	seeds := filepath.Join(dir, "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("the real articles are not here (%s): %v", seeds, err)
	}
	return seeds
}

// TestSeedsCivicToCajComparison walks the "done when" path: open the seeds,
// find the CIVIC → CAJ link, open the comparison and see the altered
// attribution flagged.
func TestSeedsCivicToCajComparison(t *testing.T) {
	seeds := seedsDir(t)
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
