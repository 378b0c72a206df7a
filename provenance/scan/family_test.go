package scan_test

import (
	"context"
	"testing"

	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

// A wire story carried by 2,000 of 5,000 articles is the largest family of
// the collection: every carrier is in one family holding the story, and the
// engine aligns the carriers against representatives, not all 2 million
// pairs of them.
func TestWireStoryCarriedByThousandsIsOneFamily(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("5,000 documents: run without -short and without -race")
	}
	c := gen.WireCollection(5000, 2000, 120, 3)
	carriers := map[string]bool{}
	for _, cs := range c.Cases {
		if cs.Type == "wire" {
			carriers[cs.Source], carriers[cs.Target] = true, true
		}
	}
	if len(carriers) != 2000 {
		t.Fatalf("the generator made %d carriers, want 2000", len(carriers))
	}
	r, err := scan.Run(context.Background(), c.Docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pairs) > 20*len(c.Docs) {
		t.Fatalf("%d pairs for 5,000 documents: the family was aligned pair by pair", len(r.Pairs))
	}
	if len(r.Families) == 0 {
		t.Fatal("no family at all")
	}
	f := r.Families[0]
	in := map[string]bool{}
	for _, m := range f.Members {
		in[m.Doc] = true
	}
	missing := 0
	for id := range carriers {
		if !in[id] {
			missing++
		}
	}
	// Articles that reuse other text of a carrier, overlapping the story in
	// it, may join the family too (the lineage layer joins overlapping
	// spans); no more than a few.
	if missing > 0 || len(in) > len(carriers)*11/10 {
		t.Fatalf("largest family has %d documents; %d of the 2000 carriers are missing from it", len(in), missing)
	}
	if f.Words < 100 {
		t.Fatalf("the family's text is %d words, want the 120-word story", f.Words)
	}
}
