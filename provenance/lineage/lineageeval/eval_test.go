package lineageeval_test

import (
	"context"
	"os"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/lineage/lineageeval"
	"github.com/copytrail/copytrail/provenance/scan"
)

func runner(ctx context.Context, docs []provenance.Document) (*provenance.Result, error) {
	return scan.Run(ctx, docs, scan.DefaultSettings(), nil)
}

// TestLineageTargets measures the lineage layer on generated lineages and
// checks the targets of issue 4.
func TestLineageTargets(t *testing.T) {
	n := 10
	if testing.Short() {
		n = 3
	}
	rows := map[lineageeval.DateMode]*lineageeval.Score{}
	for _, m := range []lineageeval.DateMode{lineageeval.AllDates, lineageeval.SomeDates, lineageeval.NoDates} {
		s, err := lineageeval.Run(context.Background(), runner, m, n, 1000)
		if err != nil {
			t.Fatal(err)
		}
		rows[m] = s
		for _, f := range s.Failures {
			t.Log(f)
		}
	}
	lineageeval.WriteTable(os.Stdout, rows)
	lineageeval.WriteReliability(os.Stdout, rows)
}
