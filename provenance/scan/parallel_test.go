package scan_test

import (
	"context"
	"reflect"
	"runtime"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

// TestParallelEqualsSequential: a scan on one goroutine (one scan worker,
// GOMAXPROCS 1 for the lineage layer's workers) and one on several give the
// same passages, pairs, links, families, mutations and outlet edges, in the
// same order, on both generators' collections.
func TestParallelEqualsSequential(t *testing.T) {
	docs := append(gen.Build(5, 3).Docs, gen.CorpusCollection(200, 600, 5).Docs...)
	run := func(workers int) *provenance.Result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(workers))
		r, err := (&scan.Scanner{Workers: workers}).Run(context.Background(), docs, scan.DefaultSettings(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	seq, par := run(1), run(4)
	if len(seq.Links) == 0 || len(seq.Families) == 0 || len(seq.Mutations) == 0 {
		t.Fatalf("nothing to compare: %d links, %d families, %d mutations", len(seq.Links), len(seq.Families), len(seq.Mutations))
	}
	for _, c := range []struct {
		name     string
		seq, par any
	}{
		{"documents", seq.Documents, par.Documents},
		{"passages", seq.Passages, par.Passages},
		{"pairs", seq.Pairs, par.Pairs},
		{"links", seq.Links, par.Links},
		{"families", seq.Families, par.Families},
		{"mutations", seq.Mutations, par.Mutations},
		{"outlet edges", seq.OutletEdges, par.OutletEdges},
	} {
		if !reflect.DeepEqual(c.seq, c.par) {
			t.Errorf("%s differ between one worker and four", c.name)
		}
	}
}
